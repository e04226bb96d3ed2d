// Fuzzes the RFC 4180 reader (client/import/csv_reader.h) with arbitrary
// bytes and a small record limit, checking what its contract promises.
#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <sstream>
#include <string>

#include "client/import/csv_reader.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  const std::string input(reinterpret_cast<const char*>(data), size);
  std::istringstream in(input);
  cxscore::client::CsvReaderOptions options;
  options.max_record_bytes = 64;  // reach the too-long path with short input
  cxscore::client::CsvReader reader(&in, options);
  cxscore::client::CsvRecord record;
  int64_t previous_line = 0;
  size_t records = 0;
  while (reader.Next(&record)) {
    // Lines only go forward and never beyond the input's line count + 1.
    if (record.line <= previous_line) std::abort();
    if (record.line > static_cast<int64_t>(size) + 1) std::abort();
    if (record.error.empty()) {
      size_t bytes = 0;
      for (const std::string& f : record.fields) bytes += f.size();
      if (bytes > options.max_record_bytes) std::abort();
    }
    previous_line = record.line;
    if (++records > size + 1) std::abort();  // every record consumes input
  }
  if (!reader.status().ok()) std::abort();  // a string stream cannot fail
  if (reader.bytes_read() != static_cast<int64_t>(size)) std::abort();
  return 0;
}
