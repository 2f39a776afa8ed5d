#include "io/scalar_checks.hpp"

#include "diag/spelling.hpp"

#include <algorithm>

#include "decimal/decimal.hpp"
#include "io/country_codes.hpp"
#include "io/internal/read_messages.hpp"
#include "io/identifier.hpp"

namespace subsidia::io {

using internal::shown;

std::optional<ScalarProblem> check_integer(std::string_view digits, std::string_view raw, const schema::Node& node,
                                           std::int64_t& value) {
  decimal::ParseError parse_error{};
  const std::optional<decimal::Decimal> number = decimal::Decimal::parse(digits, &parse_error);
  if (!number && parse_error == decimal::ParseError::Syntax) {
    return ScalarProblem{ReadCode::MalformedJson, "JSON mal formé : nombre mal écrit : " + shown(raw)};
  }
  if (digits.find_first_of(".eE") != std::string_view::npos) {
    return ScalarProblem{ReadCode::NotAnInteger, "entier attendu (sans point ni exposant), reçu : " + shown(raw)};
  }
  const std::optional<std::int64_t> integer = number ? number->to_int64() : std::nullopt;
  if (!integer) return ScalarProblem{ReadCode::IntegerOutOfRange, "entier trop grand : " + shown(raw)};
  if ((node.minimum && *integer < *node.minimum) || (node.maximum && *integer > *node.maximum)) {
    std::string bounds;
    if (node.minimum && node.maximum) {
      bounds = "entre " + std::to_string(*node.minimum) + " et " + std::to_string(*node.maximum);
    } else if (node.minimum) {
      bounds = "au moins " + std::to_string(*node.minimum);
    } else {
      bounds = "au plus " + std::to_string(*node.maximum);
    }
    return ScalarProblem{ReadCode::IntegerOutOfRange, "entier hors limites : attendu " + bounds + ", reçu : " + shown(raw)};
  }
  value = *integer;
  return std::nullopt;
}

std::optional<ScalarProblem> check_enum(std::string_view text, std::string_view raw, const schema::Node& node,
                                        const std::string*& value) {
  for (const std::string& allowed : node.enum_values) {
    if (allowed == text) {
      value = &allowed;
      return std::nullopt;
    }
  }
  // « région », « Commission_permanente », « m71 »: the allowed value once case and accents
  // are folded is the certain fix, said as such (review 19: only the list was given).
  std::string message = "valeur inconnue " + shown(raw);
  const std::string folded = diag::fold_case_and_accents(text);
  const std::string* same = nullptr;
  for (const std::string& allowed : node.enum_values) {
    if (diag::fold_case_and_accents(allowed) == folded) {
      same = same == nullptr ? &allowed : nullptr;
      if (same == nullptr) break;  // two allowed values fold alike: no single fix
    }
  }
  if (same != nullptr) message += " ; vouliez-vous dire \"" + *same + "\" ?";
  message += " ; valeurs permises : " + internal::enum_list(node);
  return ScalarProblem{ReadCode::UnknownEnumValue, std::move(message)};
}

std::optional<ScalarProblem> check_date(std::string_view text, std::string_view raw, calendar::Date& value) {
  if (const std::optional<calendar::Date> date = calendar::Date::parse(text)) {
    value = *date;
    return std::nullopt;
  }
  const bool shaped = text.size() == 10 && text[4] == '-' && text[7] == '-' &&
                      std::all_of(text.begin(), text.end(), [](char c) { return c == '-' || (c >= '0' && c <= '9'); });
  if (shaped) return ScalarProblem{ReadCode::ImpossibleDate, "date impossible : " + shown(raw) + " n'existe pas au calendrier"};
  return ScalarProblem{ReadCode::BadDate, "date attendue au format AAAA-MM-JJ, reçu : " + shown(raw)};
}

std::optional<ScalarProblem> check_country(std::string_view text, std::string_view raw, const schema::Node& node) {
  if (is_country_code(text)) return std::nullopt;
  std::string message = std::string(internal::expected_french(node)) + ", reçu : " + shown(raw);
  if (const std::optional<std::string> code = suggest_country_code(text)) {
    message += " ; vouliez-vous dire \"" + *code + "\" ?";
  } else if (text.size() == 2 && text[0] >= 'A' && text[0] <= 'Z' && text[1] >= 'A' && text[1] <= 'Z') {
    message += " : ce code n'est attribué à aucun pays";
  }
  return ScalarProblem{ReadCode::UnknownCountry, std::move(message)};
}

std::optional<ScalarProblem> check_text(std::string_view text, std::string_view raw, const schema::Node& node,
                                        const StringPattern* pattern) {
  // A text of blanks alone (spaces, no-break spaces, tabs) says nothing: « " " » passed where « "" »
  // did not, and an object, a beneficiary's or a collectivité's name of blanks made a dossier
  // conforme (review 28). (A field marked x-empty-means-absent is read absent before this.)
  if (node.min_length && *node.min_length > 0 && !text.empty() && is_blank_text(text))
    return ScalarProblem{ReadCode::TextTooShort, "texte fait de blancs seulement, non autorisé : écrire le texte, reçu : " + shown(raw)};
  if (node.min_length && internal::code_points(text) < *node.min_length) {
    return ScalarProblem{ReadCode::TextTooShort,
                         text.empty() ? std::string("texte vide non autorisé")
                                      : "texte trop court (au moins " + std::to_string(*node.min_length) +
                                            " caractères), reçu : " + shown(raw)};
  }
  if (pattern != nullptr && node.pattern && !pattern->matches(text)) {
    return ScalarProblem{ReadCode::PatternMismatch,
                         "texte au format inattendu (motif " + *node.pattern + "), reçu : " + shown(raw)};
  }
  return std::nullopt;
}

}  // namespace subsidia::io
