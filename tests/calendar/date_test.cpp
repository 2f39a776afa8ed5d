// Calendar dates: what parses and what does not, leap years, day counts and their order,
// the ISO and French forms.
#include <gtest/gtest.h>

#include "calendar/date.hpp"

namespace subsidia::calendar {
namespace {

Date date(const char* text) {
  const std::optional<Date> d = Date::parse(text);
  if (!d) ADD_FAILURE() << text << " should parse";
  return d.value_or(Date());
}

TEST(Date, ParsesIsoTextIntoItsParts) {
  const Date d = date("2006-07-06");
  EXPECT_EQ(d.year(), 2006);
  EXPECT_EQ(d.month(), 7);
  EXPECT_EQ(d.day(), 6);
  EXPECT_EQ(d.iso(), "2006-07-06");
}

TEST(Date, RejectsDaysThatDoNotExist) {
  for (const char* text : {"2014-02-30", "2014-04-31", "2014-13-01", "2014-00-10", "2014-01-00", "2014-01-32",
                           "0000-01-01"}) {
    EXPECT_FALSE(Date::parse(text)) << text;
  }
}

TEST(Date, RejectsAnythingButTenCharactersYyyyMmDd) {
  for (const char* text : {"", "2014-1-01", "2014-01-1", "14-01-2014", "2014/01/01", "2014-01-01 ", " 2014-01-01",
                           "2014-01-01T00:00", "20140101", "2014-0a-01", "+014-01-01", "-2014-01-01", "2014--1-01"}) {
    EXPECT_FALSE(Date::parse(text)) << '"' << text << '"';
  }
}

TEST(Date, FebruaryTwentyNinthOnlyInLeapYears) {
  EXPECT_TRUE(Date::parse("2024-02-29"));
  EXPECT_TRUE(Date::parse("2000-02-29"));   // divisible by 400
  EXPECT_FALSE(Date::parse("1900-02-29"));  // divisible by 100, not by 400
  EXPECT_FALSE(Date::parse("2023-02-29"));
  EXPECT_FALSE(Date::parse("2024-02-30"));
}

TEST(Date, FromYmdChecksTheRangeOfEveryPart) {
  EXPECT_TRUE(Date::from_ymd(1, 1, 1));
  EXPECT_TRUE(Date::from_ymd(9999, 12, 31));
  EXPECT_FALSE(Date::from_ymd(0, 12, 31));
  EXPECT_FALSE(Date::from_ymd(10000, 1, 1));
  EXPECT_FALSE(Date::from_ymd(2020, -1, 1));
  EXPECT_FALSE(Date::from_ymd(2020, 6, 31));
}

TEST(Date, DaysSinceEpochCountsFromNineteenSeventy) {
  EXPECT_EQ(date("1970-01-01").days_since_epoch(), 0);
  EXPECT_EQ(date("1970-01-02").days_since_epoch(), 1);
  EXPECT_EQ(date("1969-12-31").days_since_epoch(), -1);
  EXPECT_EQ(date("2000-01-01").days_since_epoch(), 10957);
  EXPECT_EQ(date("2000-03-01").days_since_epoch() - date("2000-02-28").days_since_epoch(), 2);  // leap
  EXPECT_EQ(date("1900-03-01").days_since_epoch() - date("1900-02-28").days_since_epoch(), 1);  // not leap
  EXPECT_EQ(date("2015-01-01").days_since_epoch() - date("2014-01-01").days_since_epoch(), 365);
  EXPECT_EQ(date("2017-01-01").days_since_epoch() - date("2016-01-01").days_since_epoch(), 366);
}

TEST(Date, OrderOfDatesIsTheOrderOfTheirDayCounts) {
  const char* texts[] = {"0001-01-01", "1899-12-31", "1969-12-31", "1970-01-01", "1992-02-07",
                         "2014-07-08", "2014-07-09", "2014-08-01", "2015-01-01", "9999-12-31"};
  for (std::size_t i = 0; i + 1 < std::size(texts); ++i) {
    const Date a = date(texts[i]), b = date(texts[i + 1]);
    EXPECT_LT(a, b) << texts[i] << " < " << texts[i + 1];
    EXPECT_LT(a.days_since_epoch(), b.days_since_epoch()) << texts[i] << " < " << texts[i + 1];
  }
  EXPECT_EQ(date("2014-07-08"), *Date::from_ymd(2014, 7, 8));
}

TEST(Date, EveryDayOfFourHundredYearsFollowsThePreviousOne) {
  // A whole Gregorian cycle: each valid day is exactly one after the day before it.
  std::int32_t previous = date("1999-12-31").days_since_epoch();
  int days = 0;
  for (int y = 2000; y < 2400; ++y) {
    for (int m = 1; m <= 12; ++m) {
      for (int d = 1; d <= 31; ++d) {
        const std::optional<Date> day = Date::from_ymd(y, m, d);
        if (!day) continue;
        ASSERT_EQ(day->days_since_epoch(), previous + 1) << day->iso();
        previous = day->days_since_epoch();
        ++days;
      }
    }
  }
  EXPECT_EQ(days, 146097);
}

TEST(Date, FrenchFormWritesFirstAsPremierAndMonthsInFull) {
  EXPECT_EQ(date("1992-02-01").french(), "1er février 1992");
  EXPECT_EQ(date("2006-07-06").french(), "6 juillet 2006");
  EXPECT_EQ(date("2099-12-31").french(), "31 décembre 2099");
  EXPECT_EQ(date("2014-08-15").french(), "15 août 2014");
}

TEST(Date, IsoFormPadsWithZeros) {
  EXPECT_EQ(date("0001-02-03").iso(), "0001-02-03");
  EXPECT_EQ(Date::from_ymd(987, 6, 5)->iso(), "0987-06-05");
}

}  // namespace
}  // namespace subsidia::calendar
