// The checks of one scalar value against its schema node, as pure functions: an integer's
// digits and bounds, an enum value, a date, a country code, a text's length and pattern. The
// reader walks the JSON and calls them; they are tested alone (tests/io/scalar_checks_test).
// Amounts and shares: io/amount_text.hpp.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

#include "calendar/date.hpp"
#include "io/read_error.hpp"
#include "io/schema.hpp"
#include "io/string_pattern.hpp"

namespace subsidia::io {

// What is wrong with a value: its stable code and the French message (which quotes `shown`,
// the value as the dossier wrote it).
struct ScalarProblem {
  ReadCode code;
  std::string message;
};

// A JSON number's digits for an integer field (no point, no exponent, within the bounds).
std::optional<ScalarProblem> check_integer(std::string_view digits, std::string_view shown, const schema::Node& node,
                                           std::int64_t& value);
// One of the field's values; `value` points at the schema's own text.
std::optional<ScalarProblem> check_enum(std::string_view text, std::string_view shown, const schema::Node& node,
                                        const std::string*& value);
// "AAAA-MM-JJ", and a day of the calendar.
std::optional<ScalarProblem> check_date(std::string_view text, std::string_view shown, calendar::Date& value);
// An assigned ISO 3166-1 alpha-2 code, with the code meant when there is one ("fr", "UK").
std::optional<ScalarProblem> check_country(std::string_view text, std::string_view shown, const schema::Node& node);
// A free text: its minimum length and its pattern (null: none compiled).
std::optional<ScalarProblem> check_text(std::string_view text, std::string_view shown, const schema::Node& node,
                                        const StringPattern* pattern);

}  // namespace subsidia::io
