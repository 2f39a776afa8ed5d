// Text put into HTML or XML: one escaper for every page and file the project writes (the
// jaune's HTML, the IATI XML, the server's pages, the diff and the rule-base site), so that
// the same characters are escaped the same way everywhere.
#pragma once

#include <string>
#include <string_view>

namespace subsidia::output {

// & < > " ' become entities (&#39; for the quote: valid in HTML and XML alike); control
// characters other than tab and line breaks, which XML 1.0 forbids, become a space.
// Safe in element text and in double- or single-quoted attribute values.
void append_markup_escaped(std::string& out, std::string_view text);
std::string markup_escaped(std::string_view text);

}  // namespace subsidia::output
