#include "reports/zone_table.hpp"

#include <gtest/gtest.h>

namespace subsidia::reports {
namespace {

TEST(ZoneTable, BuiltinCopyMapsCountriesToSurveyZones) {
  ZoneTable table = ZoneTable::builtin();
  ASSERT_NE(table.zone_of("FR"), nullptr);
  EXPECT_EQ(*table.zone_of("FR"), "France");
  EXPECT_EQ(*table.zone_of("SN"), "Afrique subsaharienne");
  EXPECT_EQ(*table.zone_of("CA"), "Amérique du Nord");
  EXPECT_EQ(*table.zone_of("VN"), "Asie");
  EXPECT_EQ(table.zone_of("QQ"), nullptr);
  EXPECT_EQ(table.country_name("AX"), "Åland, Îles");  // a quoted field with a comma
}

TEST(ZoneTable, RejectsATableWithoutZoneColumn) {
  std::string error;
  EXPECT_FALSE(ZoneTable::parse("pays,nom\nFR,France\n", "t.csv", &error).has_value());
  EXPECT_NE(error.find("t.csv:1"), std::string::npos);
}

TEST(ZoneTable, RejectsADuplicateCountry) {
  std::string error;
  EXPECT_FALSE(ZoneTable::parse("pays,nom,zone\nFR,France,France\nFR,France,Europe\n", "t.csv", &error).has_value());
  EXPECT_NE(error.find("t.csv:3"), std::string::npos);
}

}  // namespace
}  // namespace subsidia::reports
