#include "iati/dac_sectors.hpp"

#include <gtest/gtest.h>

#include <fstream>
#include <sstream>

namespace subsidia::interop::iati {
namespace {

// Every code the mapping gives is an active code of the shipped Sector codelist, with the
// French name it says.
TEST(DacSectors, EveryCodeIsAnActiveCodeOfTheShippedCodelistWithItsFrenchName) {
  std::ifstream in(std::string(SUBSIDIA_TEST_SOURCE_DIR) + "/interop/standards/iati-2.03/Sector.xml");
  std::stringstream text;
  text << in.rdbuf();
  const std::string codelist = text.str();
  ASSERT_FALSE(codelist.empty());
  const char* natures[] = {"cooperation", "aide_au_developpement", "humanitaire", "promotion_economique",
                           "culture_rayonnement", "enseignement_recherche", "mobilite_jeunesse",
                           "representation_europeenne", "autre", ""};
  const char* services[] = {"", "eau_assainissement", "electricite_gaz", "dechets", "mobilite"};
  for (const char* nature : natures) {
    for (const char* service : services) {
      for (bool france : {false, true}) {
        const DacSector s = dac_sector(nature, "animation_regionale_francophonie", service, france);
        const std::string item = "<code>" + std::string(s.code) + "</code>";
        const std::size_t at = codelist.find(item);
        ASSERT_NE(at, std::string::npos) << s.code;
        const std::size_t start = codelist.rfind("<codelist-item", at);
        EXPECT_EQ(codelist.find("status=\"active\"", start), codelist.find("status=", start)) << s.code;
        const std::size_t end = codelist.find("</codelist-item>", at);
        const std::string french = "<narrative xml:lang=\"fr\">" + std::string(s.name) + "</narrative>";
        const std::size_t name = codelist.find(french, at);
        EXPECT_TRUE(name != std::string::npos && name < end) << s.code << " " << s.name;
      }
    }
  }
}

TEST(DacSectors, NatureDomainAndServiceChooseTheSector) {
  EXPECT_EQ(dac_sector("cooperation", "", "", false).code, "15112");
  EXPECT_EQ(dac_sector("humanitaire", "", "", false).code, "72010");
  EXPECT_EQ(dac_sector("aide_au_developpement", "", "eau_assainissement", false).code, "14030");
  EXPECT_EQ(dac_sector("autre", "animation_regionale_francophonie", "", true).code, "99820");
  EXPECT_EQ(dac_sector("representation_europeenne", "", "", false).code, "99810");
}

}  // namespace
}  // namespace subsidia::interop::iati
