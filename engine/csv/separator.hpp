// Which separator a published CSV file uses: ';' (French spreadsheets), ',' (RFC 4180),
// tab (spreadsheet "texte" exports) or '|'.
#pragma once

#include <string_view>

namespace subsidia::csv {

// The candidate that splits the first non-blank line into more than one field and the next
// records (up to 50, quotes honoured) into that same number of fields most often; on a tie
// the first of ';', ',', tab, '|'. ',' when no candidate splits the first line.
char sniff_separator(std::string_view text);

// French name for messages: "point-virgule", "virgule", "tabulation", "barre verticale".
std::string_view separator_label(char separator);

}  // namespace subsidia::csv
