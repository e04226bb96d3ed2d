// The words of scorecards and reports, in English and Dutch, and the
// formatting of numbers and dates per language. Every sentence lives in one
// catalogue (client/messages_catalogue.inc), not in the renderers.
#ifndef CXSCORE_CLIENT_DOCUMENTS_MESSAGES_H_
#define CXSCORE_CLIENT_DOCUMENTS_MESSAGES_H_

#include <cstdint>
#include <initializer_list>
#include <optional>
#include <string>
#include <string_view>
#include <utility>

#include "absl/status/statusor.h"
#include "absl/strings/string_view.h"

namespace cxscore::client {

enum class Lang { kEn, kNl };

// "en" or "nl" (case-insensitive). InvalidArgument naming --lang otherwise.
absl::StatusOr<Lang> ParseLang(std::string_view text);
std::string_view LangCode(Lang lang);

// Debian's Abseil has its own string_view, which StrCat and friends take.
inline absl::string_view AbslView(std::string_view s) {
  return absl::string_view(s.data(), s.size());
}

// One enumerator per catalogue entry: Msg::kScorecardTitle, ...
enum class Msg {
#define CXSCORE_MESSAGE(key, en, nl) key,
#include "client/documents/messages_catalogue.inc"
#undef CXSCORE_MESSAGE
  kCount
};

// A named value for a {placeholder} of a message.
using MsgArg = std::pair<std::string_view, std::string>;

// The message in `lang` with each {name} replaced by its argument. A
// placeholder without an argument is left as is (tests catch that).
std::string Text(Lang lang, Msg msg, std::initializer_list<MsgArg> args = {});

// The raw catalogue entry (for tests: every entry has both languages).
std::string_view RawText(Lang lang, Msg msg);

// Numbers, dates and durations as a reader of `lang` expects them:
// English 1,234.5 and "3 March 2025"; Dutch 1.234,5 and "3 maart 2025".
class LocaleFormat {
 public:
  explicit LocaleFormat(Lang lang) : lang_(lang) {}
  Lang lang() const { return lang_; }

  // Fixed decimals, decimal point or comma; no grouping. Never "-0.0".
  std::string Number(double value, int decimals = 1) const;
  // As Number, with "+" for positive values.
  std::string Signed(double value, int decimals = 1) const;
  // A count with thousands grouping: 1,234 / 1.234.
  std::string Count(int64_t n) const;
  // "72.5%" / "72,5%".
  std::string Percent(double value, int decimals = 1) const;
  // "2.3×"-style ratio: "2.3" / "2,3" followed by the multiplication sign.
  std::string Ratio(double value) const;
  // Interval bounds "[20.1, 43.0]" / "[20,1; 43,0]" (Dutch uses a
  // semicolon, the comma being the decimal sign).
  std::string Interval(double low, double high, int decimals = 1) const;
  // Absent values: an en dash.
  static constexpr std::string_view kMissing = "–";
  std::string Or(std::optional<double> value, int decimals = 1) const;

  // Day number (days since 1970-01-01 UTC): "3 March 2025" / "3 maart 2025".
  std::string Date(int32_t day) const;
  // "3 Mar" / "3 mrt".
  std::string ShortDate(int32_t day) const;
  // "2025-W07" -> "week 7, 2025" / "week 7, 2025"; other keys unchanged.
  std::string PeriodLabel(std::string_view key) const;
  // "W07" style short label of a week key ("wk 7" in Dutch).
  std::string ShortPeriodLabel(std::string_view key) const;
  // Seconds for reading: "45s", "12m 30s", "3h 05m", "2d 04h"; Dutch uses
  // "u" for hours ("3u 05m").
  std::string Duration(double seconds) const;

 private:
  Lang lang_;
};

}  // namespace cxscore::client

#endif  // CXSCORE_CLIENT_DOCUMENTS_MESSAGES_H_
