#include "client/printers/table.h"

#include <utility>

#include "client/printers/csv_writer.h"

namespace cxscore::client {

void Table::AddText(std::string text) {
  Block block;
  block.text = std::move(text);
  blocks.push_back(std::move(block));
}

void Table::AddRows(std::vector<TableColumn> columns,
                    std::vector<std::vector<std::string>> rows,
                    std::string indent) {
  Block block;
  block.columns = std::move(columns);
  block.rows = std::move(rows);
  block.indent = std::move(indent);
  blocks.push_back(std::move(block));
}

void PrintTable(const Table& table, OutputFormat format, std::ostream& out) {
  switch (format) {
    case OutputFormat::kJson:
      WriteJson(table.json, out);
      return;
    case OutputFormat::kCsv:
      WriteCsvRow(out, table.csv_header);
      for (const std::vector<std::string>& row : table.csv_rows) {
        WriteCsvRow(out, row);
      }
      return;
    case OutputFormat::kTable:
      for (const Table::Block& block : table.blocks) {
        if (block.columns.empty()) {
          out << block.text;
        } else {
          WriteAlignedTable(block.columns, block.rows, out, block.indent);
        }
      }
      return;
  }
}

std::vector<std::string> CsvNames(const Json& record, const std::string& skip) {
  std::vector<std::string> names;
  for (auto& [path, value] : FlattenJson(record, skip)) names.push_back(path);
  return names;
}

void AppendCsvCells(const Json& record, std::vector<std::string>& row,
                    const std::string& skip) {
  for (auto& [path, value] : FlattenJson(record, skip)) {
    row.push_back(CsvCell(*value));
  }
}

}  // namespace cxscore::client
