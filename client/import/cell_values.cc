#include "client/import/cell_values.h"

#include <string>

#include "absl/strings/ascii.h"
#include "absl/strings/numbers.h"
#include "absl/strings/str_cat.h"

namespace cxscore::client {
namespace {

// Quotes a user's value for an error message, shortened so that a stray
// comment in a score column does not flood the terminal.
std::string Quoted(absl::string_view value) {
  constexpr size_t kMaxShown = 40;
  if (value.size() <= kMaxShown) return absl::StrCat("\"", value, "\"");
  return absl::StrCat("\"", value.substr(0, kMaxShown), "...\"");
}

// Earliest and latest instants a google.protobuf.Timestamp may hold.
const absl::Time kMinTimestamp =
    absl::FromUnixSeconds(-62135596800);  // 0001-01-01
const absl::Time kMaxTimestamp =
    absl::FromUnixSeconds(253402300800);  // 10000-01-01

}  // namespace

absl::StatusOr<int32_t> ParseIntCell(absl::string_view cell) {
  absl::string_view text = absl::StripAsciiWhitespace(cell);
  bool digits_only = !text.empty();
  for (size_t i = 0; i < text.size(); ++i) {
    char c = text[i];
    bool sign = i == 0 && (c == '+' || c == '-') && text.size() > 1;
    if (!sign && !absl::ascii_isdigit(static_cast<unsigned char>(c))) {
      digits_only = false;
    }
  }
  if (!digits_only) {
    return absl::InvalidArgumentError(
        absl::StrCat("must be an integer, got ", Quoted(cell)));
  }
  int32_t value = 0;
  if (!absl::SimpleAtoi(text, &value)) {
    return absl::InvalidArgumentError(
        absl::StrCat("is out of range, got ", Quoted(cell)));
  }
  return value;
}

absl::StatusOr<bool> ParseBoolCell(absl::string_view cell) {
  std::string text = absl::AsciiStrToLower(absl::StripAsciiWhitespace(cell));
  if (text == "true" || text == "1" || text == "yes") return true;
  if (text == "false" || text == "0" || text == "no") return false;
  return absl::InvalidArgumentError(
      absl::StrCat("must be true/false, 1/0 or yes/no, got ", Quoted(cell)));
}

absl::StatusOr<absl::Time> ParseRfc3339(absl::string_view cell) {
  absl::string_view text = absl::StripAsciiWhitespace(cell);
  absl::Time t;
  std::string error;
  if (!absl::ParseTime(absl::RFC3339_full, text, &t, &error)) {
    return absl::InvalidArgumentError(
        absl::StrCat("must be an RFC 3339 timestamp with an offset, like "
                     "2025-02-13T09:30:00Z, got ",
                     Quoted(cell)));
  }
  if (t < kMinTimestamp || t >= kMaxTimestamp) {
    return absl::InvalidArgumentError(
        absl::StrCat("must lie in the years 0001..9999, got ", Quoted(cell)));
  }
  return t;
}

absl::StatusOr<absl::Time> ParseUtcDate(absl::string_view text) {
  auto bad = [&] {
    return absl::InvalidArgumentError(
        absl::StrCat("must be a date YYYY-MM-DD, got ", Quoted(text)));
  };
  if (text.size() != 10 || text[4] != '-' || text[7] != '-') return bad();
  for (size_t i : {0, 1, 2, 3, 5, 6, 8, 9}) {
    if (!absl::ascii_isdigit(static_cast<unsigned char>(text[i]))) return bad();
  }
  absl::Time t;
  std::string error;
  // absl rejects impossible dates such as 2025-02-30 ("Out-of-range field").
  if (!absl::ParseTime("%Y-%m-%d", text, absl::UTCTimeZone(), &t, &error) ||
      t < kMinTimestamp) {
    return bad();
  }
  return t;
}

google::protobuf::Timestamp ToProtoTimestamp(absl::Time t) {
  // ToUnixSeconds rounds toward the infinite past, so nanos stay in
  // [0, 1e9) also before 1970, as Timestamp requires.
  int64_t seconds = absl::ToUnixSeconds(t);
  google::protobuf::Timestamp out;
  out.set_seconds(seconds);
  out.set_nanos(static_cast<int32_t>(
      absl::ToInt64Nanoseconds(t - absl::FromUnixSeconds(seconds))));
  return out;
}

bool IsValidUtf8(absl::string_view text) {
  const auto* p = reinterpret_cast<const unsigned char*>(text.data());
  const unsigned char* end = p + text.size();
  while (p < end) {
    unsigned char c = *p;
    if (c < 0x80) {
      ++p;
      continue;
    }
    int extra;
    uint32_t min;
    uint32_t code;
    if ((c & 0xE0) == 0xC0) {
      extra = 1, min = 0x80, code = c & 0x1F;
    } else if ((c & 0xF0) == 0xE0) {
      extra = 2, min = 0x800, code = c & 0x0F;
    } else if ((c & 0xF8) == 0xF0) {
      extra = 3, min = 0x10000, code = c & 0x07;
    } else {
      return false;
    }
    if (end - p <= extra) return false;
    for (int i = 1; i <= extra; ++i) {
      if ((p[i] & 0xC0) != 0x80) return false;
      code = (code << 6) | (p[i] & 0x3F);
    }
    if (code < min || code > 0x10FFFF || (code >= 0xD800 && code <= 0xDFFF)) {
      return false;
    }
    p += extra + 1;
  }
  return true;
}

}  // namespace cxscore::client
