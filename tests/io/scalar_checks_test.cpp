// The scalar checks alone: each value against a schema node, its code and message.
#include <gtest/gtest.h>

#include "io/scalar_checks.hpp"
#include "test_dossiers.hpp"

namespace subsidia::io {
namespace {

const schema::Node& field(std::initializer_list<std::string_view> path) {
  const schema::Node* node = &testing::vendored_schema().root();
  for (std::string_view name : path) node = node->fields[static_cast<std::size_t>(node->field_index(name))].node.get();
  return *node;
}

TEST(ScalarChecks, IntegerWithinItsBounds) {
  std::int64_t value = 0;
  EXPECT_FALSE(check_integer("2019", "2019", field({"exercice"}), value));
  EXPECT_EQ(value, 2019);
  EXPECT_EQ(check_integer("1900", "1900", field({"exercice"}), value)->code, ReadCode::IntegerOutOfRange);
  EXPECT_EQ(check_integer("2019.0", "2019.0", field({"exercice"}), value)->code, ReadCode::NotAnInteger);
  EXPECT_EQ(check_integer("99999999999999999999999", "…", field({"exercice"}), value)->code, ReadCode::IntegerOutOfRange);
}

TEST(ScalarChecks, EnumValueIsTheSchemasOwnText) {
  const std::string* value = nullptr;
  EXPECT_FALSE(check_enum("region", "\"region\"", field({"collectivite", "categorie"}), value));
  ASSERT_NE(value, nullptr);
  EXPECT_EQ(*value, "region");
  const auto problem = check_enum("Region", "\"Region\"", field({"collectivite", "categorie"}), value);
  ASSERT_TRUE(problem);
  EXPECT_EQ(problem->code, ReadCode::UnknownEnumValue);
  EXPECT_NE(problem->message.find("departement"), std::string::npos) << problem->message;
}

TEST(ScalarChecks, DatesOfTheCalendarOnly) {
  calendar::Date date;
  EXPECT_FALSE(check_date("2016-02-29", "\"2016-02-29\"", date));
  EXPECT_EQ(check_date("2019-02-29", "\"2019-02-29\"", date)->code, ReadCode::ImpossibleDate);
  EXPECT_EQ(check_date("14/03/2019", "\"14/03/2019\"", date)->code, ReadCode::BadDate);
}

TEST(ScalarChecks, CountryCodesAreAssignedOnes) {
  const schema::Node& pays = field({"beneficiaire", "pays"});
  EXPECT_FALSE(check_country("NI", "\"NI\"", pays));
  const auto xx = check_country("XX", "\"XX\"", pays);
  ASSERT_TRUE(xx);
  EXPECT_EQ(xx->code, ReadCode::UnknownCountry);
  EXPECT_NE(xx->message.find("aucun pays"), std::string::npos) << xx->message;
  EXPECT_NE(check_country("uk", "\"uk\"", pays)->message.find("\"GB\""), std::string::npos);
}

TEST(ScalarChecks, TextLengthAndPattern) {
  const schema::Node& id = field({"id"});
  EXPECT_EQ(check_text("", "\"\"", id, nullptr)->code, ReadCode::TextTooShort);
  EXPECT_FALSE(check_text("D-1", "\"D-1\"", id, nullptr));
  // Blanks alone, ASCII or no-break, are no text (review 28: an object of blanks made a dossier
  // conforme); a text with blanks around a word is one.
  for (const char* blanks : {" ", "   ", "\u00a0", "\t \u2003"}) {
    auto problem = check_text(blanks, "\"…\"", id, nullptr);
    ASSERT_TRUE(problem) << blanks;
    EXPECT_EQ(problem->code, ReadCode::TextTooShort);
    EXPECT_NE(problem->message.find("blancs seulement"), std::string::npos) << problem->message;
  }
  EXPECT_FALSE(check_text(" D-1 ", "\" D-1 \"", id, nullptr));
  const schema::Node& chapitre = field({"imputation", "chapitre"});
  const StringPattern pattern(*chapitre.pattern);
  EXPECT_FALSE(check_text("930", "\"930\"", chapitre, &pattern));
  EXPECT_EQ(check_text("93O", "\"93O\"", chapitre, &pattern)->code, ReadCode::PatternMismatch);
}

}  // namespace
}  // namespace subsidia::io
