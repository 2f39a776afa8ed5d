// What a badly written amount most likely says, as people and spreadsheets write them
// ("1 500,00 €", "1.500,00", "2,43E+13"). Pure functions: the reader turns the advice into
// its message. A fix is only offered when the text has one reading and the fixed text is
// one the reader accepts: "1,500" (1,5 or 1 500?) gets an explanation, never a guess.
#pragma once

#include <optional>
#include <string>
#include <string_view>

namespace subsidia::io {

struct AmountAdvice {
  std::optional<std::string> fix;  // the same value written as the schema wants it
  std::string reason;              // French: what is wrong, or why no fix is offered
};

// `text` is the content of a JSON string (or a JSON number's literal) the reader refused.
// `max_decimals` is 2 for an amount, -1 for a share (no limit).
AmountAdvice advise_amount_text(std::string_view text, int max_decimals);

// Whether `text` is "-?[0-9]+(\.[0-9]+)?" with at most `max_decimals` decimals (-1: any).
bool is_plain_decimal_text(std::string_view text, int max_decimals = -1);

}  // namespace subsidia::io
