#include "output/markup.hpp"

namespace subsidia::output {

namespace {

constexpr std::string_view kReplacement = "\xEF\xBF\xBD";  // U+FFFD

// U+FFFE or U+FFFF (EF BF BE, EF BF BF) at `i`: not characters in XML 1.0.
bool xml_noncharacter_at(std::string_view text, std::size_t i) {
  return i + 2 < text.size() && text[i] == '\xEF' && text[i + 1] == '\xBF' &&
         (text[i + 2] == '\xBE' || text[i + 2] == '\xBF');
}

}  // namespace

std::string xml_characters(std::string_view text) {
  std::string out;
  out.reserve(text.size());
  for (std::size_t i = 0; i < text.size(); ++i) {
    if (xml_noncharacter_at(text, i)) {
      out += kReplacement;
      i += 2;
    } else {
      out += text[i];
    }
  }
  return out;
}

void append_markup_escaped(std::string& out, std::string_view text) {
  out.reserve(out.size() + text.size());
  for (std::size_t i = 0; i < text.size(); ++i) {
    const char c = text[i];
    if (c == '\xEF' && xml_noncharacter_at(text, i)) {
      out += kReplacement;
      i += 2;
      continue;
    }
    switch (c) {
      case '&': out += "&amp;"; break;
      case '<': out += "&lt;"; break;
      case '>': out += "&gt;"; break;
      case '"': out += "&quot;"; break;
      case '\'': out += "&#39;"; break;
      default:
        if (static_cast<unsigned char>(c) < 0x20 && c != '\t' && c != '\n' && c != '\r')
          out += ' ';
        else
          out += c;
    }
  }
}

std::string markup_escaped(std::string_view text) {
  std::string out;
  append_markup_escaped(out, text);
  return out;
}

}  // namespace subsidia::output
