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

TEST(Markup, AppendsAfterWhatIsThere) {
  std::string out = "<p>";
  append_markup_escaped(out, "1 < 2");
  EXPECT_EQ(out, "<p>1 &lt; 2");
}

}  // namespace
}  // namespace subsidia::output
