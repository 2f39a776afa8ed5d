#include "output/json_writer.hpp"

#include <gtest/gtest.h>

#include <nlohmann/json.hpp>

#include <random>

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

// The escaping as the JSON grammar states it, one byte at a time: what the block scans
// (sixteen and eight bytes at once) must give, byte for byte.
std::string escaped_byte_by_byte(std::string_view text) {
  std::string out = "\"";
  for (unsigned char c : text) {
    if (c == '"') out += "\\\"";
    else if (c == '\\') out += "\\\\";
    else if (c == '\n') out += "\\n";
    else if (c == '\r') out += "\\r";
    else if (c == '\t') out += "\\t";
    else if (c == '\b') out += "\\b";
    else if (c == '\f') out += "\\f";
    else if (c < 0x20) {
      static constexpr char kHex[] = "0123456789abcdef";
      out += "\\u00";
      out += kHex[c >> 4];
      out += kHex[c & 0xF];
    } else {
      out += static_cast<char>(c);
    }
  }
  return out + "\"";
}

TEST(JsonWriter, AByteToEscapeIsFoundAtEveryPlaceOfABlock) {
  // 47 clean bytes cross two 16-byte blocks and the 8-byte words after them; each byte that
  // needs an escape, and its clean neighbours (space, DEL, UTF-8 bytes), at every place.
  const std::string clean(47, 'x');
  for (int probe : {0x00, 0x01, 0x08, 0x1F, 0x20, 0x22, 0x5C, 0x2F, 0x7F, 0x80, 0xC3, 0xFF}) {  // quote, backslash, slash
    for (std::size_t at = 0; at < clean.size(); ++at) {
      std::string text = clean;
      text[at] = static_cast<char>(probe);
      EXPECT_EQ(as_json_string(text), escaped_byte_by_byte(text)) << "byte " << int(probe) << " at " << at;
    }
  }
}

TEST(JsonWriter, RandomStringsAreEscapedAsByteByByte) {
  std::mt19937 random(20261201);
  // Mostly letters, with now and then a byte to escape or a high byte.
  const std::string alphabet = std::string("abcdefghijklmnopqrstuvwxyz0123456789 ,.\"\\\n\t\x01\x1f\x7f") + "\xc3\xa9\xe2\x82\xac";
  std::uniform_int_distribution<std::size_t> length(0, 120), pick(0, alphabet.size() - 1), rare(0, 40);
  for (int n = 0; n < 20000; ++n) {
    std::string text;
    const std::size_t size = length(random);
    for (std::size_t i = 0; i < size; ++i) text += rare(random) == 0 ? alphabet[pick(random)] : 'a' + static_cast<char>(i % 26);
    ASSERT_EQ(as_json_string(text), escaped_byte_by_byte(text)) << "string " << n;
  }
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
