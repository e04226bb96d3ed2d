#include "client/documents/messages.h"

#include <array>
#include <cmath>
#include <cstdlib>

#include "absl/strings/ascii.h"
#include "absl/strings/numbers.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/str_format.h"
#include "absl/strings/str_replace.h"
#include "absl/time/time.h"

namespace cxscore::client {
namespace {

struct Entry {
  std::string_view en;
  std::string_view nl;
};

constexpr std::array<Entry, static_cast<size_t>(Msg::kCount)> kCatalogue = {{
#define CXSCORE_MESSAGE(key, en, nl) {en, nl},
#include "client/documents/messages_catalogue.inc"
#undef CXSCORE_MESSAGE
}};

constexpr std::array<std::string_view, 12> kMonthsEn = {
    "January", "February", "March",     "April",   "May",      "June",
    "July",    "August",   "September", "October", "November", "December"};
constexpr std::array<std::string_view, 12> kMonthsNl = {
    "januari", "februari", "maart",     "april",   "mei",      "juni",
    "juli",    "augustus", "september", "oktober", "november", "december"};
constexpr std::array<std::string_view, 12> kShortMonthsEn = {
    "Jan", "Feb", "Mar", "Apr", "May", "Jun",
    "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"};
constexpr std::array<std::string_view, 12> kShortMonthsNl = {
    "jan", "feb", "mrt", "apr", "mei", "jun",
    "jul", "aug", "sep", "okt", "nov", "dec"};

absl::CivilDay CivilOf(int32_t day) { return absl::CivilDay(1970, 1, 1) + day; }

// "2025-W07" -> (2025, 7); nullopt for other keys.
std::optional<std::pair<int, int>> WeekOf(std::string_view key) {
  if (key.size() != 8 || key[4] != '-' || key[5] != 'W') return std::nullopt;
  int year = 0, week = 0;
  if (!absl::SimpleAtoi(AbslView(key.substr(0, 4)), &year) ||
      !absl::SimpleAtoi(AbslView(key.substr(6, 2)), &week)) {
    return std::nullopt;
  }
  return std::make_pair(year, week);
}

}  // namespace

absl::StatusOr<Lang> ParseLang(std::string_view text) {
  const std::string lower = absl::AsciiStrToLower(
      absl::StripAsciiWhitespace(absl::string_view(text.data(), text.size())));
  if (lower == "en") return Lang::kEn;
  if (lower == "nl") return Lang::kNl;
  return absl::InvalidArgumentError(
      absl::StrCat("--lang \"", AbslView(text), "\": expected en or nl"));
}

std::string_view LangCode(Lang lang) { return lang == Lang::kNl ? "nl" : "en"; }

std::string_view RawText(Lang lang, Msg msg) {
  const Entry& e = kCatalogue[static_cast<size_t>(msg)];
  return lang == Lang::kNl ? e.nl : e.en;
}

std::string Text(Lang lang, Msg msg, std::initializer_list<MsgArg> args) {
  std::string text(RawText(lang, msg));
  if (args.size() == 0) return text;
  std::vector<std::pair<std::string, std::string>> replacements;
  for (const MsgArg& arg : args) {
    replacements.emplace_back(absl::StrCat("{", AbslView(arg.first), "}"),
                              arg.second);
  }
  return absl::StrReplaceAll(text, replacements);
}

std::string LocaleFormat::Number(double value, int decimals) const {
  if (std::isnan(value)) return std::string(kMissing);
  std::string text = absl::StrFormat("%.*f", decimals, value);
  // "-0.0" and "-0" read as a negative zero; show them as zero.
  if (text[0] == '-' && text.find_first_not_of("-0.") == std::string::npos) {
    text.erase(0, 1);
  }
  if (lang_ == Lang::kNl) {
    for (char& c : text) {
      if (c == '.') c = ',';
    }
  }
  return text;
}

std::string LocaleFormat::Signed(double value, int decimals) const {
  std::string text = Number(value, decimals);
  // Not text.insert(0, "+"): GCC 12 warns (-Wrestrict) on it, a known false
  // positive of its inlined memcpy.
  if (!text.empty() && text[0] != '-' &&
      text.find_first_not_of("0.,") != std::string::npos) {
    return "+" + text;
  }
  return text;
}

std::string LocaleFormat::Count(int64_t n) const {
  std::string digits = absl::StrCat(std::llabs(n));
  const char sep = lang_ == Lang::kNl ? '.' : ',';
  std::string out;
  const int len = static_cast<int>(digits.size());
  for (int i = 0; i < len; ++i) {
    if (i > 0 && (len - i) % 3 == 0) out.push_back(sep);
    out.push_back(digits[i]);
  }
  return n < 0 ? "-" + out : out;
}

std::string LocaleFormat::Percent(double value, int decimals) const {
  return absl::StrCat(Number(value, decimals), "%");
}

std::string LocaleFormat::Ratio(double value) const {
  return absl::StrCat(Number(value, 1), "×");
}

std::string LocaleFormat::Interval(double low, double high,
                                   int decimals) const {
  return absl::StrCat("[", Number(low, decimals),
                      lang_ == Lang::kNl ? "; " : ", ", Number(high, decimals),
                      "]");
}

std::string LocaleFormat::Or(std::optional<double> value, int decimals) const {
  if (!value.has_value()) return std::string(kMissing);
  return Number(*value, decimals);
}

std::string LocaleFormat::Date(int32_t day) const {
  const absl::CivilDay d = CivilOf(day);
  const auto& months = lang_ == Lang::kNl ? kMonthsNl : kMonthsEn;
  return absl::StrCat(d.day(), " ", AbslView(months[d.month() - 1]), " ",
                      d.year());
}

std::string LocaleFormat::ShortDate(int32_t day) const {
  const absl::CivilDay d = CivilOf(day);
  const auto& months = lang_ == Lang::kNl ? kShortMonthsNl : kShortMonthsEn;
  return absl::StrCat(d.day(), " ", AbslView(months[d.month() - 1]));
}

std::string LocaleFormat::PeriodLabel(std::string_view key) const {
  const auto week = WeekOf(key);
  if (!week.has_value()) return std::string(key);
  return absl::StrCat("week ", week->second, ", ", week->first);
}

std::string LocaleFormat::ShortPeriodLabel(std::string_view key) const {
  const auto week = WeekOf(key);
  if (!week.has_value()) return std::string(key);
  return lang_ == Lang::kNl ? absl::StrCat("wk ", week->second)
                            : absl::StrFormat("W%02d", week->second);
}

std::string LocaleFormat::Duration(double seconds) const {
  if (std::isnan(seconds)) return std::string(kMissing);
  const std::string_view hour = lang_ == Lang::kNl ? "u" : "h";
  const int64_t s = std::llround(std::max(seconds, 0.0));
  if (s < 60) return absl::StrFormat("%ds", s);
  if (s < 3600) return absl::StrFormat("%dm %02ds", s / 60, s % 60);
  const int64_t m = (s + 30) / 60;  // minutes, rounded
  if (m < 24 * 60) {
    return absl::StrFormat("%d%s %02dm", m / 60, hour, m % 60);
  }
  const int64_t h = (s + 1800) / 3600;  // hours, rounded
  return absl::StrFormat("%dd %02d%s", h / 24, h % 24, hour);
}

}  // namespace cxscore::client
