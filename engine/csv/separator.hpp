// Which separator a published CSV file uses: ';' (French spreadsheets), ',' (RFC 4180),
// tab (spreadsheet "texte" exports) or '|'.
#pragma once

#include <string_view>

namespace subsidia::csv {

// Each candidate splits the first 50 non-blank records (quotes honoured); the one whose most
// frequent number of fields (above one) is found on the most records wins, then the one with
// more fields, then the first of ';', ',', tab, '|'. A title line above the header does not
// mislead it. ',' when no candidate splits anything.
char sniff_separator(std::string_view text);

// French name for messages: "point-virgule", "virgule", "tabulation", "barre verticale".
std::string_view separator_label(char separator);

}  // namespace subsidia::csv
