#include "client/documents/messages.h"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <regex>
#include <set>
#include <string>

#include "absl/time/civil_time.h"

namespace cxscore::client {
namespace {

std::set<std::string> Placeholders(std::string_view text) {
  std::set<std::string> names;
  const std::string s(text);
  const std::regex re("\\{([a-z_]+)\\}");
  for (auto it = std::sregex_iterator(s.begin(), s.end(), re);
       it != std::sregex_iterator(); ++it) {
    names.insert((*it)[1]);
  }
  return names;
}

TEST(MessagesTest, EveryMessageHasBothLanguagesWithTheSamePlaceholders) {
  for (int i = 0; i < static_cast<int>(Msg::kCount); ++i) {
    const Msg msg = static_cast<Msg>(i);
    const std::string_view en = RawText(Lang::kEn, msg);
    const std::string_view nl = RawText(Lang::kNl, msg);
    EXPECT_FALSE(en.empty()) << "message " << i;
    EXPECT_FALSE(nl.empty()) << "message " << i;
    EXPECT_EQ(Placeholders(en), Placeholders(nl)) << en << " / " << nl;
  }
}

TEST(MessagesTest, TextFillsPlaceholders) {
  EXPECT_EQ(Text(Lang::kEn, Msg::kScorecardTitle, {{"agent", "ann"}}),
            "Scorecard ann");
  EXPECT_EQ(
      Text(Lang::kNl, Msg::kWarnFewClosed, {{"n", "4"}, {"needed", "10"}}),
      "Slechts 4 afgesloten tickets (minder dan 10): de doorlooptijd "
      "staat er, maar wordt niet beoordeeld.");
}

TEST(MessagesTest, ParseLang) {
  EXPECT_EQ(*ParseLang("NL"), Lang::kNl);
  EXPECT_EQ(*ParseLang("en"), Lang::kEn);
  EXPECT_FALSE(ParseLang("de").ok());
}

int32_t Day(int y, int m, int d) {
  return static_cast<int32_t>(absl::CivilDay(y, m, d) -
                              absl::CivilDay(1970, 1, 1));
}

TEST(LocaleFormatTest, EnglishNumbersAndDates) {
  const LocaleFormat f(Lang::kEn);
  EXPECT_EQ(f.Number(72.46), "72.5");
  EXPECT_EQ(f.Number(-0.04), "0.0");
  EXPECT_EQ(f.Signed(2.5), "+2.5");
  EXPECT_EQ(f.Signed(-2.5), "-2.5");
  EXPECT_EQ(f.Signed(0.01), "0.0");
  EXPECT_EQ(f.Count(1234567), "1,234,567");
  EXPECT_EQ(f.Percent(81.26), "81.3%");
  EXPECT_EQ(f.Interval(20.14, 43), "[20.1, 43.0]");
  EXPECT_EQ(f.Ratio(3.96), "4.0×");
  EXPECT_EQ(f.Date(Day(2025, 3, 1)), "1 March 2025");
  EXPECT_EQ(f.ShortDate(Day(2025, 10, 3)), "3 Oct");
  EXPECT_EQ(f.ShortPeriodLabel("2025-W07"), "W07");
  EXPECT_EQ(f.PeriodLabel("2025-W07"), "week 7, 2025");
  EXPECT_EQ(f.Duration(50400), "14h 00m");
  EXPECT_EQ(f.Duration(2 * 86400 + 4 * 3600), "2d 04h");
  EXPECT_EQ(f.Duration(750), "12m 30s");
}

TEST(LocaleFormatTest, DutchUsesTheDecimalCommaAndDutchDates) {
  const LocaleFormat f(Lang::kNl);
  EXPECT_EQ(f.Number(72.46), "72,5");
  EXPECT_EQ(f.Signed(-2.5), "-2,5");
  EXPECT_EQ(f.Count(1234567), "1.234.567");
  EXPECT_EQ(f.Percent(81.26), "81,3%");
  EXPECT_EQ(f.Interval(20.14, 43), "[20,1; 43,0]");
  EXPECT_EQ(f.Ratio(3.96), "4,0×");
  EXPECT_EQ(f.Date(Day(2025, 3, 1)), "1 maart 2025");
  EXPECT_EQ(f.ShortDate(Day(2025, 10, 3)), "3 okt");
  EXPECT_EQ(f.ShortPeriodLabel("2025-W07"), "wk 7");
  EXPECT_EQ(f.Duration(50400), "14u 00m");
  EXPECT_EQ(f.Duration(2 * 86400 + 4 * 3600), "2d 04u");
}

}  // namespace
}  // namespace cxscore::client
