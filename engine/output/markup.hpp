// Text put into HTML or XML: one escaper for every page and file the project writes (the
// jaune's HTML, the IATI XML, the server's pages, the diff and the rule-base site), so that
// the same characters are escaped the same way everywhere.
#pragma once

#include <string>
#include <string_view>

namespace subsidia::output {

// & < > " ' become entities (&#39; for the quote: valid in HTML and XML alike); control
// characters other than tab and line breaks, which XML 1.0 forbids, become a space; the two
// other characters it forbids that valid UTF-8 can hold, U+FFFE and U+FFFF, become U+FFFD
// (the replacement character), as in xml_characters below.
// Safe in element text and in double- or single-quoted attribute values.
void append_markup_escaped(std::string& out, std::string_view text);
std::string markup_escaped(std::string_view text);

// `text` (valid UTF-8) with U+FFFE and U+FFFF replaced by U+FFFD: for a library that escapes
// XML's five characters itself but passes these through (libxlsxwriter), which would leave a
// file no XML parser opens.
std::string xml_characters(std::string_view text);

}  // namespace subsidia::output
