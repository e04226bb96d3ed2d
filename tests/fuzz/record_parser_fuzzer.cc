// Fuzzes the canonical CSV import path short of the network: bytes -> CSV
// reader -> header -> RecordParser -> wire records (client/import/).
// The first byte picks interactions or responses.
#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <sstream>
#include <string>
#include <vector>

#include "client/import/cell_values.h"
#include "client/import/csv_reader.h"
#include "client/import/record_parser.h"

using namespace cxscore::client;  // NOLINT: a fuzz target of this API

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  if (size == 0) return 0;
  const RecordKind kind =
      data[0] & 1 ? RecordKind::kResponse : RecordKind::kInteraction;
  std::istringstream in(
      std::string(reinterpret_cast<const char*>(data) + 1, size - 1));
  CsvReader reader(&in);
  CsvRecord header;
  if (!reader.Next(&header) || !header.error.empty()) return 0;
  absl::StatusOr<RecordParser> parser =
      RecordParser::FromHeader(kind, header.fields);
  if (!parser.ok()) return 0;
  CsvRecord row;
  for (int rows = 0; rows < 64 && reader.Next(&row); ++rows) {
    (void)parser->IdOf(row.fields);
    if (kind == RecordKind::kInteraction) {
      cxscore::v1::Interaction out;
      if (!parser->ToInteraction(row.fields, &out)) {
        // A converted record carries valid UTF-8 only (protobuf would fail
        // the whole batch otherwise) and survives serialisation.
        if (!IsValidUtf8(out.interaction_id())) std::abort();
        std::string bytes;
        if (!out.SerializeToString(&bytes)) std::abort();
        cxscore::v1::Interaction back;
        if (!back.ParseFromString(bytes)) std::abort();
      }
    } else {
      cxscore::v1::SurveyResponse out;
      if (!parser->ToResponse(row.fields, &out)) {
        if (!IsValidUtf8(out.response_id()) || !IsValidUtf8(out.comment()))
          std::abort();
        std::string bytes;
        if (!out.SerializeToString(&bytes)) std::abort();
        cxscore::v1::SurveyResponse back;
        if (!back.ParseFromString(bytes)) std::abort();
      }
    }
  }
  return 0;
}
