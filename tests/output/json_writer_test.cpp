#include "output/json_writer.hpp"

#include <gtest/gtest.h>

#include <nlohmann/json.hpp>

namespace subsidia::output {
namespace {

std::string as_json_string(std::string_view text) {
  std::string out;
  json::append_string(out, text);
  return out;
}

TEST(JsonWriter, EscapesQuotesAndBackslashes) {
  EXPECT_EQ(as_json_string("a\"b\\c"), "\"a\\\"b\\\\c\"");
}

TEST(JsonWriter, EscapesControlCharacters) {
  EXPECT_EQ(as_json_string("l1\nl2\tx\r"), "\"l1\\nl2\\tx\\r\"");
  EXPECT_EQ(as_json_string(std::string_view("\x01\x1f", 2)), "\"\\u0001\\u001f\"");
  EXPECT_EQ(as_json_string(std::string_view("a\0b", 3)), "\"a\\u0000b\"");
}

TEST(JsonWriter, PassesUtf8Through) {
  EXPECT_EQ(as_json_string("Région Île-de-France – 10 000,00 €"), "\"Région Île-de-France – 10 000,00 €\"");
}

TEST(JsonWriter, EveryByteBelowSpaceRoundTripsThroughAJsonParser) {
  std::string all;
  for (int c = 0; c < 0x20; ++c) all.push_back(static_cast<char>(c));
  all += "\"\\/é";
  EXPECT_EQ(nlohmann::json::parse(as_json_string(all)).get<std::string>(), all);
}

TEST(JsonWriter, WritesKeysAndIntegers) {
  std::string out = "{";
  json::append_key(out, "ligne");
  json::append_integer(out, 18446744073709551615ull);
  out += "}";
  EXPECT_EQ(out, "{\"ligne\":18446744073709551615}");
}

}  // namespace
}  // namespace subsidia::output
