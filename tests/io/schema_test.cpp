#include <gtest/gtest.h>

#include <stdexcept>

#include "io/schema.hpp"
#include "test_dossiers.hpp"

namespace subsidia::schema {
namespace {

const Node& field(const Node& node, std::string_view name) {
  const int i = node.field_index(name);
  if (i < 0) throw std::logic_error("no field " + std::string(name));
  return *node.fields[static_cast<std::size_t>(i)].node;
}

TEST(Schema, KeepsFieldsInSchemaOrder) {
  const Node& root = io::testing::vendored_schema().root();
  ASSERT_EQ(root.type, Type::Object);
  ASSERT_GE(root.fields.size(), 6u);
  EXPECT_EQ(root.fields[0].name, "id");
  EXPECT_EQ(root.fields[1].name, "exercice");
  EXPECT_EQ(root.fields[2].name, "collectivite");
  EXPECT_EQ(root.field_index("id"), 0);
  EXPECT_EQ(root.field_index("nope"), -1);
}

TEST(Schema, MapsDefsToTypedLeaves) {
  const Node& root = io::testing::vendored_schema().root();
  EXPECT_EQ(field(root, "montant").type, Type::Money);
  EXPECT_EQ(field(field(root, "deliberation"), "date").type, Type::Date);
  EXPECT_EQ(field(field(root, "beneficiaire"), "pays").type, Type::Country);
  const Node& plan = field(field(root, "financement"), "plan");
  ASSERT_EQ(plan.type, Type::Array);
  EXPECT_EQ(field(*plan.items, "part").type, Type::Decimal);
}

TEST(Schema, ReadsRequiredEnumPatternBoundsAndNullable) {
  const Node& root = io::testing::vendored_schema().root();
  EXPECT_TRUE(root.fields[static_cast<std::size_t>(root.field_index("montant"))].required);
  EXPECT_FALSE(root.fields[static_cast<std::size_t>(root.field_index("convention"))].required);
  EXPECT_TRUE(field(root, "convention").nullable);
  EXPECT_FALSE(field(root, "collectivite").nullable);
  const Node& type = field(root, "type_intervention");
  EXPECT_EQ(type.type, Type::Enum);
  EXPECT_EQ(type.enum_values.front(), "subvention");
  EXPECT_EQ(field(field(root, "imputation"), "chapitre").pattern, "^[0-9]{2,5}$");
  EXPECT_EQ(field(root, "exercice").minimum, 1980);
  EXPECT_EQ(field(root, "exercice").maximum, 2100);
  EXPECT_EQ(field(root, "id").min_length, 1u);
}

TEST(Schema, RejectsUnknownReferenceNamingItsPointer) {
  try {
    Schema::parse(R"({"type":"object","properties":{"a":{"$ref":"#/$defs/autre"}}})", "x.json");
    FAIL() << "no exception";
  } catch (const std::runtime_error& e) {
    EXPECT_NE(std::string(e.what()).find("/properties/a/$ref"), std::string::npos) << e.what();
  }
}

TEST(Schema, RejectsUnknownKeywordNamingItsPointer) {
  try {
    Schema::parse(R"({"type":"object","properties":{"a":{"type":"string","format":"email"}}})", "x.json");
    FAIL() << "no exception";
  } catch (const std::runtime_error& e) {
    EXPECT_NE(std::string(e.what()).find("/properties/a/format"), std::string::npos) << e.what();
  }
}

TEST(Schema, RejectsRequiredFieldThatIsNotDeclared) {
  EXPECT_THROW(Schema::parse(R"({"type":"object","required":["b"],"properties":{"a":{"type":"string"}}})", "x.json"),
               std::runtime_error);
}

// A comma left after the last property (adding a field by hand): line, column and the cause.
TEST(Schema, TrailingCommaIsLocatedAndNamedInFrench) {
  try {
    Schema::parse("{\"type\": \"object\",\n \"properties\": {\"a\": {\"type\": \"string\"},\n }\n}", "s.json");
    FAIL() << "a broken schema must not load";
  } catch (const std::runtime_error& e) {
    const std::string message = e.what();
    EXPECT_NE(message.find("s.json:3:2"), std::string::npos) << message;
    EXPECT_NE(message.find("virgule en trop"), std::string::npos) << message;
  }
}

TEST(Schema, NamesTypesInFrench) {
  EXPECT_EQ(type_french(Type::Money), "montant");
  EXPECT_EQ(type_french(Type::Date), "date");
}

}  // namespace
}  // namespace subsidia::schema
