// The formatter's own safety net: two texts mean the same to the parser when they have the
// same words in the same order and the same strings once adjacent ones are joined (the
// parser joins them, across blanks and comments alike); comments must also all be there, in
// the same order. `subsidia fmt` refuses to write a file whose layout fails this (a bug).
#pragma once

#include <string>
#include <string_view>

namespace subsidia::workbench::fmt {

bool same_meaning(std::string_view original, std::string_view formatted);

// What the parser sees of a text, as one string: its words and its joined strings, in order,
// without blanks or comments. Equal signatures, same meaning (subsidia diff uses it to tell a
// rewritten rule from a reformatted one).
std::string code_signature(std::string_view text);

}  // namespace subsidia::workbench::fmt
