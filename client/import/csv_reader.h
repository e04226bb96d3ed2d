// A streaming RFC 4180 CSV reader that remembers where each record starts.
//
// Line numbers are what makes this reader necessary: an import reports every
// rejected row by the physical line it starts on, also when quoted fields
// span several lines.
#ifndef CXSCORE_CLIENT_IMPORT_CSV_READER_H_
#define CXSCORE_CLIENT_IMPORT_CSV_READER_H_

#include <cstddef>
#include <cstdint>
#include <istream>
#include <string>
#include <vector>

#include "absl/status/status.h"

namespace cxscore::client {

struct CsvRecord {
  // 1-based physical line on which the record starts.
  int64_t line = 0;
  std::vector<std::string> fields;
  // Non-empty when the record is malformed (the first problem found). The
  // reader still returns the fields it could read and carries on with the
  // next record, so one bad row never stops the file.
  std::string error;
};

struct CsvReaderOptions {
  // A record longer than this (in bytes, quotes included) is returned with an
  // error and without its content; it protects memory when an unterminated
  // quote would otherwise swallow the rest of a large file.
  size_t max_record_bytes = size_t{1} << 20;
};

// Reads records from `in` (not owned; must outlive the reader).
//
// Accepted input: fields separated by ',', records ended by LF, CRLF or a lone
// CR (the last record may lack one), fields optionally enclosed in '"' with
// '""' for a literal quote; quoted fields may contain ',', quotes and line
// breaks, which are kept verbatim. A UTF-8 byte order mark at the very start
// is skipped. Empty lines between records are skipped (they are not records).
//
// Malformed records (reported in CsvRecord::error): a '"' inside an unquoted
// field, text after a closing quote, a quoted field still open at the end of
// the input, a record over max_record_bytes.
class CsvReader {
 public:
  explicit CsvReader(std::istream* in, CsvReaderOptions options = {});

  CsvReader(const CsvReader&) = delete;
  CsvReader& operator=(const CsvReader&) = delete;

  // Reads the next record into `*record`. Returns false at the end of the
  // input or on a read error (see status()).
  bool Next(CsvRecord* record);

  // Bytes consumed from the input so far (for progress reporting).
  int64_t bytes_read() const { return bytes_read_; }

  // OK unless reading from the stream failed (not at a clean end of input).
  const absl::Status& status() const { return status_; }

 private:
  // Returns the next byte (0..255) or -1 at the end of input.
  int Get();
  int Peek();
  bool Fill();
  // Consumes the LF of a CRLF pair after `c` was read as a line break.
  void FinishLineBreak(int c);
  void Append(std::string* field, char c, CsvRecord* record);
  void SetError(CsvRecord* record, std::string error);

  std::istream* in_;
  CsvReaderOptions options_;
  std::vector<char> buffer_;
  size_t pos_ = 0;
  size_t end_ = 0;
  bool eof_ = false;
  int64_t bytes_read_ = 0;
  int64_t line_ = 1;  // physical line of the next unread byte
  size_t record_bytes_ = 0;
  bool record_too_long_ = false;
  absl::Status status_;
};

}  // namespace cxscore::client

#endif  // CXSCORE_CLIENT_IMPORT_CSV_READER_H_
