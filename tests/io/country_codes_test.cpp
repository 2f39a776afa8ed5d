// Country codes are checked against ISO 3166-1, the same list as the rule base's zone table.
#include <gtest/gtest.h>

#include <algorithm>
#include <fstream>
#include <string>
#include <vector>

#include "io/country_codes.hpp"

namespace subsidia::io {
namespace {

TEST(CountryCodes, AssignedCodesAreKnownOthersAreNot) {
  EXPECT_TRUE(is_country_code("FR"));
  EXPECT_TRUE(is_country_code("NI"));
  EXPECT_TRUE(is_country_code("XK"));  // Kosovo, used by the EU and IATI
  EXPECT_FALSE(is_country_code("XX"));
  EXPECT_FALSE(is_country_code("UK"));
  EXPECT_FALSE(is_country_code("fr"));
}

// The bit table answers as the list does for every pair of bytes, and no other length is a code.
TEST(CountryCodes, EveryPairOfBytesIsACodeExactlyWhenTheListHasIt) {
  const auto codes = country_codes();
  std::size_t known = 0;
  for (int a = 0; a < 256; ++a) {
    for (int b = 0; b < 256; ++b) {
      const char pair[2] = {static_cast<char>(a), static_cast<char>(b)};
      const std::string_view code(pair, 2);
      const bool listed = std::find(codes.begin(), codes.end(), code) != codes.end();
      ASSERT_EQ(is_country_code(code), listed) << a << " " << b;
      known += listed;
    }
  }
  EXPECT_EQ(known, codes.size());
  EXPECT_FALSE(is_country_code(""));
  EXPECT_FALSE(is_country_code("F"));
  EXPECT_FALSE(is_country_code("FRA"));
}

TEST(CountryCodes, SuggestsOnlyWhatIsMeant) {
  EXPECT_EQ(suggest_country_code("fr"), "FR");
  EXPECT_EQ(suggest_country_code("UK"), "GB");
  EXPECT_EQ(suggest_country_code("EL"), "GR");
  EXPECT_FALSE(suggest_country_code("XX"));
  EXPECT_FALSE(suggest_country_code("xx"));
}

// The reader's list and the table of zones (rules/tables/pays-zones.csv) hold the same codes.
TEST(CountryCodes, SameListAsTheZoneTable) {
  std::ifstream table(SUBSIDIA_SOURCE_DIR "/rules/tables/pays-zones.csv");
  ASSERT_TRUE(table);
  std::string line;
  std::getline(table, line);  // header
  std::vector<std::string> codes;
  while (std::getline(table, line)) {
    if (!line.empty()) codes.push_back(line.substr(0, 2));
  }
  std::vector<std::string> known(country_codes().begin(), country_codes().end());
  EXPECT_EQ(codes, known);
}

}  // namespace
}  // namespace subsidia::io
