// The one escaper of HTML and XML text.
#include "output/markup.hpp"

#include <gtest/gtest.h>

namespace subsidia::output {
namespace {

TEST(Markup, EscapesTheFiveCharactersThatEndTextOrAttributes) {
  EXPECT_EQ(markup_escaped(R"(<script>alert("x") & 'y'</script>)"),
            "&lt;script&gt;alert(&quot;x&quot;) &amp; &#39;y&#39;&lt;/script&gt;");
}

TEST(Markup, KeepsUtf8TabsAndLineBreaks) {
  EXPECT_EQ(markup_escaped("Sénégal\t€\r\n"), "Sénégal\t€\r\n");
}

TEST(Markup, ReplacesControlCharactersXmlForbids) {
  EXPECT_EQ(markup_escaped(std::string("a\x01" "b\x1f" "c", 5)), "a b c");
  EXPECT_EQ(markup_escaped(std::string("a\0b", 3)), "a b");
}

// U+FFFE and U+FFFF are valid UTF-8 but not XML characters: a dossier's object holding one made
// the IATI file and the XLSX jaune unreadable. They become U+FFFD; their neighbours, other
// characters of the same lead byte (U+FFFD, U+FFEE) and text cut after EF BF stay as they are.
TEST(Markup, ReplacesTheNoncharactersXmlForbids) {
  const std::string fffe = "\xEF\xBF\xBE", ffff = "\xEF\xBF\xBF", fffd = "\xEF\xBF\xBD", ffee = "\xEF\xBF\xAE";
  EXPECT_EQ(markup_escaped("a" + fffe + "b" + ffff + "&"), "a" + fffd + "b" + fffd + "&amp;");
  EXPECT_EQ(markup_escaped(fffd + ffee + "é"), fffd + ffee + "é");
  EXPECT_EQ(xml_characters("x" + ffff + ffff + "y<"), "x" + fffd + fffd + "y<");  // escaping is the library's
  EXPECT_EQ(xml_characters(fffd + ffee), fffd + ffee);
  EXPECT_EQ(xml_characters(std::string("\xEF\xBF")), std::string("\xEF\xBF"));
}

TEST(Markup, AppendsAfterWhatIsThere) {
  std::string out = "<p>";
  append_markup_escaped(out, "1 < 2");
  EXPECT_EQ(out, "<p>1 &lt; 2");
}

}  // namespace
}  // namespace subsidia::output
