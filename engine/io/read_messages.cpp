#include <string>
#include "io/internal/read_messages.hpp"
#include "diag/utf8.hpp"

namespace subsidia::io::internal {

using schema::Node;
using schema::Type;

namespace {
constexpr std::size_t kShownValueLength = 40;
}  // namespace

std::string_view trim_right(std::string_view s) {
  while (!s.empty() && (s.back() == ' ' || s.back() == '\t' || s.back() == '\n' || s.back() == '\r')) s.remove_suffix(1);
  return s;
}

// The offending value as the dossier wrote it, cut at a character boundary.
std::string shown(std::string_view raw) {
  raw = trim_right(raw);
  if (raw.size() <= kShownValueLength) return std::string(raw);
  std::size_t cut = kShownValueLength;
  while (cut > 0 && (static_cast<unsigned char>(raw[cut]) & 0xC0) == 0x80) --cut;
  return std::string(raw.substr(0, cut)) + "…";
}

std::string syntax_message(simdjson::error_code code) {
  switch (code) {
    case simdjson::UTF8_ERROR: return "texte invalide : ce n'est pas de l'UTF-8 valide";
    case simdjson::UNCLOSED_STRING: return "JSON mal formé : chaîne de caractères non terminée";
    case simdjson::STRING_ERROR: return "JSON mal formé : chaîne de caractères invalide (échappement ou caractère de contrôle)";
    case simdjson::NUMBER_ERROR: return "JSON mal formé : nombre mal écrit";
    case simdjson::T_ATOM_ERROR: return "JSON mal formé : littéral invalide (attendu : true)";
    case simdjson::F_ATOM_ERROR: return "JSON mal formé : littéral invalide (attendu : false)";
    case simdjson::N_ATOM_ERROR: return "JSON mal formé : littéral invalide (attendu : null)";
    case simdjson::EMPTY: return "texte vide : aucun document JSON";
    case simdjson::DEPTH_ERROR: return "imbrication trop profonde";
    case simdjson::INCOMPLETE_ARRAY_OR_OBJECT: return "JSON tronqué : objet ou tableau non fermé";
    case simdjson::INCORRECT_TYPE: return "JSON mal formé : littéral invalide (attendu : true, false, null, un nombre ou une chaîne)";
    case simdjson::CAPACITY: return "document trop volumineux";
    case simdjson::MEMALLOC: return "mémoire insuffisante pour lire le document";
    case simdjson::TAPE_ERROR:
      return "JSON mal formé : structure invalide (virgule manquante ou en trop, accolade ou crochet, clé sans "
             "guillemets doubles, ou valeur qui n'est pas du JSON : NaN, Infinity, True, False, guillemets simples)";
    case simdjson::UNESCAPED_CHARS: return "JSON mal formé : caractère de contrôle non échappé dans une chaîne";
    case simdjson::NUMBER_OUT_OF_RANGE: return "nombre hors de la plage lisible";
    case simdjson::TRAILING_CONTENT: return "JSON mal formé : texte après la fin du document";
    // The others are the reader's own misuse, not the dossier's: said in French, named for a
    // developer (no English sentence in front of a finance officer).
    default:
      return std::string("JSON illisible (erreur de lecture ") + std::to_string(static_cast<int>(code)) +
             ", à signaler)";
  }
}

const char* expected_french(const Node& node) {
  switch (node.type) {
    case Type::Object: return "objet attendu";
    case Type::Array: return "tableau attendu";
    case Type::String: return "texte attendu";
    case Type::Enum: return "valeur de liste attendue";
    case Type::Integer: return "entier attendu";
    case Type::Boolean: return "booléen attendu (true ou false)";
    case Type::Money: return "montant attendu (nombre JSON ou texte comme \"12.50\", deux décimales au plus)";
    case Type::Decimal: return "nombre décimal attendu (nombre JSON ou texte comme \"0.25\")";
    case Type::Date: return "date attendue au format AAAA-MM-JJ";
    case Type::Country: return "code pays attendu (deux lettres majuscules ISO 3166-1, comme \"FR\")";
  }
  return "valeur attendue";
}

std::string enum_list(const Node& node) {
  std::string out;
  for (const std::string& v : node.enum_values) {
    if (!out.empty()) out += ", ";
    out += v;
  }
  return out;
}

// The letter a byte stands for in Windows-1252 when it is one French writes, else empty:
// how an encoding error tells a Latin-1 file from garbage.
std::string_view windows_1252_letter(unsigned char byte) {
  switch (byte) {
    case 0xE0: return "à"; case 0xE2: return "â"; case 0xE7: return "ç"; case 0xE8: return "è";
    case 0xE9: return "é"; case 0xEA: return "ê"; case 0xEB: return "ë"; case 0xEE: return "î";
    case 0xEF: return "ï"; case 0xF4: return "ô"; case 0xF9: return "ù"; case 0xFB: return "û";
    case 0xFC: return "ü"; case 0xC0: return "À"; case 0xC7: return "Ç"; case 0xC8: return "È";
    case 0xC9: return "É"; case 0xCA: return "Ê"; case 0xCE: return "Î"; case 0xD4: return "Ô";
    case 0x9C: return "œ"; case 0x8C: return "Œ"; case 0x80: return "€"; case 0xB0: return "°";
    case 0xA0: return "espace insécable"; case 0x92: return "’"; case 0xAB: return "«"; case 0xBB: return "»";
    default: return {};
  }
}

std::size_t code_points(std::string_view s) { return diag::code_point_count(s); }

}  // namespace subsidia::io::internal
