// What a query command builds and every --format writes (the kubectl / gh
// model): a command turns the server's answer into one Table; PrintTable,
// shared by all commands, writes it as an aligned table, JSON or CSV.
#ifndef CXSCORE_CLIENT_PRINTERS_TABLE_H_
#define CXSCORE_CLIENT_PRINTERS_TABLE_H_

#include <ostream>
#include <string>
#include <vector>

#include "client/printers/json_format.h"
#include "client/printers/output_format.h"
#include "client/printers/table_format.h"

namespace cxscore::client {

struct Table {
  // --format table, for people: blocks printed in order, each either text
  // (written as is) or aligned rows (WriteAlignedTable, with `indent`).
  struct Block {
    std::string text;
    std::vector<TableColumn> columns;  // empty for a text block
    std::vector<std::vector<std::string>> rows;
    std::string indent;
  };
  std::vector<Block> blocks;

  // --format json, for programs: the answer's document (nested where the
  // answer is), written by WriteJson.
  Json json;

  // --format csv, for programs: a header and one row per record, numbers
  // unrounded, empty cell = null (CsvNames, CsvCells).
  std::vector<std::string> csv_header;
  std::vector<std::vector<std::string>> csv_rows;

  // Appends a text block.
  void AddText(std::string text);
  // Appends aligned rows. REQUIRES: every row has one cell per column.
  void AddRows(std::vector<TableColumn> columns,
               std::vector<std::vector<std::string>> rows,
               std::string indent = "");
};

// Writes `table` in `format` to `out`.
void PrintTable(const Table& table, OutputFormat format, std::ostream& out);

// The CSV column names of a JSON record: its leaves' paths (FlattenJson),
// members named `skip` left out.
std::vector<std::string> CsvNames(const Json& record,
                                  const std::string& skip = "");

// Appends the CSV cells of a JSON record (CsvCell of each leaf, in the
// order of CsvNames) to `row`.
void AppendCsvCells(const Json& record, std::vector<std::string>& row,
                    const std::string& skip = "");

}  // namespace cxscore::client

#endif  // CXSCORE_CLIENT_PRINTERS_TABLE_H_
