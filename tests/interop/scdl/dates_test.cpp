#include "scdl/dates.hpp"

#include <gtest/gtest.h>

namespace subsidia::interop::scdl {
namespace {

std::string iso(std::string_view text) {
  DateReading r = read_date(text);
  return r.status == DateReading::Status::Ok ? r.date->iso() : "";
}

TEST(Dates, ReadsTheWritingsOfPublishedFiles) {
  EXPECT_EQ(iso("2017-04-13"), "2017-04-13");
  EXPECT_EQ(iso("2017-04-13T00:00:00"), "2017-04-13");
  EXPECT_EQ(iso("13/04/2017"), "2017-04-13");
  EXPECT_EQ(iso("3/4/2017"), "2017-04-03");
  EXPECT_EQ(iso("13-04-2017"), "2017-04-13");
  EXPECT_EQ(iso("13.04.2017 10:30"), "2017-04-13");
  EXPECT_EQ(iso("2017/09/08"), "2017-09-08");
  EXPECT_EQ(iso("20170908"), "2017-09-08");
}

TEST(Dates, ReadsAYearAloneAsAYear) {
  DateReading r = read_date("2016");
  EXPECT_EQ(r.status, DateReading::Status::YearOnly);
  EXPECT_EQ(r.year, 2016);
}

TEST(Dates, SaysWhenItGuessed) {
  DateReading serial = read_date("42736");
  ASSERT_EQ(serial.status, DateReading::Status::Ok);
  EXPECT_EQ(serial.date->iso(), "2017-01-01");
  EXPECT_FALSE(serial.guess.empty());
  DateReading month_first = read_date("04/13/2017");
  ASSERT_EQ(month_first.status, DateReading::Status::Ok);
  EXPECT_EQ(month_first.date->iso(), "2017-04-13");
  EXPECT_FALSE(month_first.guess.empty());
}

TEST(Dates, RefusesWhatItCannotRead) {
  EXPECT_EQ(read_date("13/04/17").status, DateReading::Status::Invalid);
  EXPECT_EQ(read_date("2017-02-30").status, DateReading::Status::Invalid);
  EXPECT_EQ(read_date("DELIB 06FIN").status, DateReading::Status::Invalid);
  EXPECT_EQ(read_date("NC").status, DateReading::Status::Missing);
}

TEST(Dates, SaysWhetherTheMonthOrTheDayDoesNotExist) {
  EXPECT_EQ(read_date("2017-13-01").reason, "date illisible « 2017-13-01 » : mois 13 inexistant");
  EXPECT_EQ(read_date("2017-02-30").reason, "date illisible « 2017-02-30 » : le 30 février 2017 n'existe pas");
  EXPECT_EQ(read_date("2017-02-29").reason, "date illisible « 2017-02-29 » : le 29 février 2017 n'existe pas");
  EXPECT_EQ(read_date("2016-02-29").status, DateReading::Status::Ok);
  EXPECT_EQ(read_date("31/04/2017").reason, "date illisible « 31/04/2017 » : le 31 avril 2017 n'existe pas");
  EXPECT_EQ(read_date("32/13/2017").reason, "date illisible « 32/13/2017 » : mois 13 inexistant");
}

// A year out of 1900-2100 is a typo in every form, said with the year.
TEST(Dates, RefusesAnImpossibleYearInEveryForm) {
  for (auto text : {"13/04/0217", "0217-04-13", "0217/04/13", "13-04-0217", "13.04.0217", "02170413", "0217",
                    "13/04/2217", "04/13/0217", "0217-04-13T00:00:00"}) {
    DateReading r = read_date(text);
    EXPECT_EQ(r.status, DateReading::Status::Invalid) << text;
    EXPECT_NE(r.reason.find("hors de 1900-2100"), std::string::npos) << text << " : " << r.reason;
  }
  EXPECT_EQ(iso("01/01/1900"), "1900-01-01");
  EXPECT_EQ(iso("2100-12-31"), "2100-12-31");
  EXPECT_FALSE(read_period("2017-01-01/0217-12-31"));
}

TEST(Dates, ReadsPeriodsOfPayment) {
  EXPECT_EQ(read_period("2017-01-01_2017-12-31"), "2017-01-01/2017-12-31");
  EXPECT_EQ(read_period("2017-01-01/2017-12-31"), "2017-01-01/2017-12-31");
  EXPECT_EQ(read_period("2017/09/08_2021/09/07"), "2017-09-08/2021-09-07");
  EXPECT_EQ(read_period("01/01/2017 au 31/12/2017"), "2017-01-01/2017-12-31");
  EXPECT_EQ(read_period("2017-08-16"), "2017-08-16");
  EXPECT_EQ(read_period("au printemps"), std::nullopt);
  // A year alone is paid within that year: its whole year (it was « illisible »).
  EXPECT_EQ(read_period("2019"), "2019-01-01/2019-12-31");
  EXPECT_EQ(read_period(" 2008 "), "2008-01-01/2008-12-31");
  EXPECT_EQ(read_period("0219"), std::nullopt);
}

// Mayenne writes its payment dates one per line in the cell: a list, read as the period from the
// first to the last; anything else in the list leaves it unread (review of real files).
TEST(Dates, ReadsAListOfPaymentDatesAsTheirPeriod) {
  EXPECT_EQ(read_period("2019-02-25\n2020-01-31\n2021-01-31").value_or(""), "2019-02-25/2021-01-31");
  EXPECT_EQ(read_period("31/01/2020 ; 25/02/2019").value_or(""), "2019-02-25/2020-01-31");  // sorted
  EXPECT_EQ(read_period("2019-02-25 et 2019-06-30").value_or(""), "2019-02-25/2019-06-30");
  EXPECT_EQ(read_date_list("2019-02-25\r\n2020-01-31").size(), 2u);
  EXPECT_TRUE(read_date_list("2019-02-25").empty());                 // one date is no list
  EXPECT_TRUE(read_date_list("2019-02-25\nen attente").empty());     // every piece a date
  EXPECT_TRUE(read_date_list("2019-02-25\n04/13/2019").empty());     // no guessed date in a list
  EXPECT_FALSE(read_period("2019-02-25\nsolde à la fin"));
}

}  // namespace
}  // namespace subsidia::interop::scdl
