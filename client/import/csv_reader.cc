#include "client/import/csv_reader.h"

#include <utility>

#include "absl/strings/str_cat.h"

namespace cxscore::client {
namespace {

constexpr size_t kBufferBytes = 64 * 1024;

}  // namespace

CsvReader::CsvReader(std::istream* in, CsvReaderOptions options)
    : in_(in), options_(options), buffer_(kBufferBytes) {
  // Skip a UTF-8 byte order mark at the very start of the input.
  if (Fill() && end_ >= 3 && static_cast<unsigned char>(buffer_[0]) == 0xEF &&
      static_cast<unsigned char>(buffer_[1]) == 0xBB &&
      static_cast<unsigned char>(buffer_[2]) == 0xBF) {
    pos_ = 3;
    bytes_read_ = 3;
  }
}

bool CsvReader::Fill() {
  if (pos_ < end_) return true;
  if (eof_) return false;
  // Keep reading until the buffer holds something: the constructor needs the
  // first three bytes together to recognise a BOM, and sgetn may return fewer
  // bytes than requested on pipes.
  end_ = 0;
  pos_ = 0;
  while (end_ < buffer_.size()) {
    std::streamsize got = in_->rdbuf()->sgetn(
        buffer_.data() + end_,
        static_cast<std::streamsize>(buffer_.size() - end_));
    if (got <= 0) {
      eof_ = true;
      break;
    }
    end_ += static_cast<size_t>(got);
    if (end_ >= 3) break;
  }
  if (end_ == 0 && in_->bad()) {
    status_ = absl::DataLossError("reading the input failed");
  }
  return end_ > 0;
}

int CsvReader::Peek() {
  if (!Fill()) return -1;
  return static_cast<unsigned char>(buffer_[pos_]);
}

int CsvReader::Get() {
  int c = Peek();
  if (c >= 0) {
    ++pos_;
    ++bytes_read_;
  }
  return c;
}

void CsvReader::FinishLineBreak(int c) {
  if (c == '\r' && Peek() == '\n') Get();
  ++line_;
}

void CsvReader::SetError(CsvRecord* record, std::string error) {
  if (record->error.empty()) record->error = std::move(error);
}

void CsvReader::Append(std::string* field, char c, CsvRecord* record) {
  if (record_too_long_) return;
  if (++record_bytes_ > options_.max_record_bytes) {
    record_too_long_ = true;
    record->fields.clear();
    field->clear();
    SetError(record, absl::StrCat("record longer than ",
                                  options_.max_record_bytes, " bytes"));
    return;
  }
  field->push_back(c);
}

bool CsvReader::Next(CsvRecord* record) {
  record->fields.clear();
  record->error.clear();
  record_bytes_ = 0;
  record_too_long_ = false;

  // Skip empty lines; they separate nothing and hold no record.
  int c = Peek();
  while (c == '\n' || c == '\r') {
    Get();
    FinishLineBreak(c);
    c = Peek();
  }
  if (c < 0) return false;
  record->line = line_;

  std::string field;
  bool quoted = false;         // inside a quoted field
  bool after_quote = false;    // a quoted field was closed, expecting , or EOL
  bool field_touched = false;  // a byte of the current field was consumed
  int64_t quote_line = 0;
  auto end_field = [&] {
    if (!record_too_long_) record->fields.push_back(std::move(field));
    field.clear();
    after_quote = false;
    field_touched = false;
  };

  while (true) {
    c = Get();
    if (quoted) {
      if (c < 0) {
        SetError(record,
                 absl::StrCat("unterminated quoted field (opened on line ",
                              quote_line, ")"));
        end_field();
        return true;
      }
      if (c == '"') {
        if (Peek() == '"') {
          Get();
          Append(&field, '"', record);
        } else {
          quoted = false;
          after_quote = true;
        }
        continue;
      }
      if (c == '\r' || c == '\n') {
        // Kept verbatim; only the line count needs to follow.
        Append(&field, static_cast<char>(c), record);
        if (c == '\r' && Peek() == '\n') {
          Append(&field, static_cast<char>(Get()), record);
        }
        ++line_;
        continue;
      }
      Append(&field, static_cast<char>(c), record);
      continue;
    }

    if (c < 0) {
      end_field();
      return true;
    }
    if (c == '\n' || c == '\r') {
      FinishLineBreak(c);
      end_field();
      return true;
    }
    if (c == ',') {
      end_field();
      continue;
    }
    if (c == '"') {
      if (!field_touched) {
        quoted = true;
        field_touched = true;
        quote_line = line_;
        continue;
      }
      SetError(record,
               after_quote
                   ? "quote inside a quoted field must be doubled (\"\")"
                   : "quote inside an unquoted field (quote the whole "
                     "field and double the quote)");
      Append(&field, '"', record);
      continue;
    }
    if (after_quote) {
      SetError(record, "text after the closing quote of a field");
      after_quote = false;
    }
    field_touched = true;
    Append(&field, static_cast<char>(c), record);
  }
}

}  // namespace cxscore::client
