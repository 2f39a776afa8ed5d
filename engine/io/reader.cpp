// Schema-directed walk of a simdjson On-Demand document. Each value is read once, in
// text order, straight into the dossier's arena; numbers are taken from their raw token
// and parsed as exact decimals. Schema errors are collected and the walk goes on; a
// syntax error (or excessive nesting) stops it, since nothing after it can be trusted.
#include "io/reader.hpp"

#include <simdjson.h>

#include <algorithm>
#include <cstdio>
#include <cstring>
#include <new>
#include <unordered_map>
#if defined(__SSE2__)
#include <emmintrin.h>
#endif

#include "diag/spelling.hpp"
#include "diag/utf8.hpp"
#include "io/amount_text.hpp"
#include "io/internal/read_messages.hpp"
#include "io/scalar_checks.hpp"
#include "io/identifier.hpp"
#include "io/inputs.hpp"
#include "io/string_pattern.hpp"

namespace subsidia::io {

namespace od = simdjson::ondemand;
using schema::Node;
using schema::Type;
using internal::code_points;
using internal::enum_list;
using internal::expected_french;
using internal::shown;
using internal::syntax_message;
using internal::trim_right;
using internal::windows_1252_letter;

namespace {

// One step of the JSON Pointer being walked: a key, or an array index when key.data() is
// null. The pointer text is only built when an error needs it.
struct PathStep {
  std::string_view key;
  std::size_t index = 0;
};

void append_pointer(std::string& out, const std::vector<PathStep>& steps) {
  for (const PathStep& step : steps) {
    out += '/';
    if (step.key.data() == nullptr) {
      out += std::to_string(step.index);
      continue;
    }
    for (char c : step.key) {
      if (c == '~') out += "~0";
      else if (c == '/') out += "~1";
      else out += c;
    }
  }
}

// A field's key without copying it: keys rarely hold escapes, and simdjson has already
// checked that strings are closed, so the first quote ends an escape-free key.
simdjson::error_code key_of(od::field& field, std::string_view& key) {
  const char* begin = field.key().raw();
  const char* end = begin;
#if defined(__SSE2__)
  // Sixteen bytes at a time (a dossier has some sixty keys): the closing quote is in the
  // dossier's text, and the reader's buffer has simdjson's padding (64 bytes) after it, so a
  // block read from before the quote stays inside the buffer.
  const __m128i quote = _mm_set1_epi8('"');
  const __m128i backslash = _mm_set1_epi8('\\');
  for (;;) {
    const __m128i block = _mm_loadu_si128(reinterpret_cast<const __m128i*>(end));
    const int hits = _mm_movemask_epi8(_mm_or_si128(_mm_cmpeq_epi8(block, quote), _mm_cmpeq_epi8(block, backslash)));
    if (hits != 0) {
      end += __builtin_ctz(static_cast<unsigned>(hits));
      break;
    }
    end += 16;
  }
  if (*end == '\\') return field.unescaped_key().get(key);
#else
  while (*end != '"') {
    if (*end == '\\') return field.unescaped_key().get(key);
    ++end;
  }
#endif
  key = std::string_view(begin, static_cast<std::size_t>(end - begin));
  return simdjson::SUCCESS;
}

}  // namespace

struct DossierReader::Impl {
  explicit Impl(std::shared_ptr<const schema::Schema> s) : shared_schema(std::move(s)), schema(shared_schema.get()) {
    compile_patterns(schema->root());
    id_slot = schema->root().field_index("id");
  }

  void compile_patterns(const Node& node) {
    if (node.pattern && node.type == Type::String) patterns.emplace(&node, StringPattern(*node.pattern));
    for (const schema::Field& f : node.fields) compile_patterns(*f.node);
    if (node.items) compile_patterns(*node.items);
  }

  // ---- state kept between dossiers (buffers reused) ----
  std::shared_ptr<const schema::Schema> shared_schema;
  const schema::Schema* schema;
  std::unordered_map<const Node*, StringPattern> patterns;
  int id_slot = -1;  // the dossier's id, checked once read (identifier.hpp)
  std::size_t first_line = 1;  // the file's line where the text starts (place_of)
  od::parser parser;
  std::unique_ptr<char[]> buffer;
  std::size_t buffer_capacity = 0;
  std::vector<PathStep> path;               // JSON Pointer of the value being read
  std::vector<Value> item_stack;            // array elements until their count is known
  std::vector<std::uint8_t> seen_stack;     // known fields seen, per open object
  std::vector<std::string_view> key_stack;  // unknown keys seen, per open object
  std::size_t unknown_keys_read = 0;         // in the whole document (kMaxUnknownKeys)
  std::vector<std::string> unknown_fields;  // JSON Pointers of keys the schema does not know

  // ---- per dossier ----
  std::pmr::monotonic_buffer_resource* arena = nullptr;
  std::vector<InputError>* errors = nullptr;
  std::string_view file;
  std::size_t line = 0;
  const char* text = nullptr;
  std::size_t text_size = 0;

  std::size_t line_at(const char* where) const {
    if (line != 0) return line;
    if (where == nullptr || where < text || where > text + text_size) return 0;
    return 1 + count_line_breaks(text, where);
  }

  void error(const char* where, ReadCode code, std::string message) {
    std::string pointer;
    append_pointer(pointer, path);
    errors->push_back(InputError{std::string(file), line_at(where), std::move(pointer), std::move(message), {}, code});
  }

  // Line and column (in characters) of a byte of the text, for the messages of errors that
  // simdjson reports without a place.
  std::string place_of(std::size_t offset) const {
    std::size_t line_number = 1, column = 1;
    for (std::size_t i = 0; i < offset && i < text_size; ++i) {
      if (text[i] == '\n' || (text[i] == '\r' && (i + 1 >= text_size || text[i + 1] != '\n'))) {
        ++line_number;
        column = 1;
      } else if ((static_cast<unsigned char>(text[i]) & 0xC0) != 0x80) {
        ++column;
      }
    }
    if (line != 0) line_number = line;  // a JSONL line: the dossier is that one line
    else line_number += first_line - 1;  // the file's line, not the array element's (review 19)
    return "ligne " + std::to_string(line_number) + ", colonne " + std::to_string(column);
  }

  // simdjson finds an unterminated string before any walk, without a place. A JSON string
  // never spans a line (a line break in it must be written \n): the string still open at the
  // end of a line, or of the text, is the one whose closing quote is missing.
  const char* unclosed_string_start() const {
    bool in_string = false;
    const char* open = nullptr;
    for (std::size_t i = 0; i < text_size; ++i) {
      const char c = text[i];
      if (!in_string) {
        if (c == '"') {
          in_string = true;
          open = text + i;
        }
      } else if (c == '\\') {
        ++i;
      } else if (c == '"') {
        in_string = false;
      } else if (c == '\n') {
        return open;
      }
    }
    return in_string ? open : nullptr;
  }

  // The first control character (below U+0020) inside a string, which JSON forbids unescaped.
  const char* control_in_string() const {
    bool in_string = false;
    for (std::size_t i = 0; i < text_size; ++i) {
      const char c = text[i];
      if (!in_string) {
        in_string = c == '"';
      } else if (c == '\\') {
        ++i;
      } else if (c == '"') {
        in_string = false;
      } else if (static_cast<unsigned char>(c) < 0x20) {
        return text + i;
      }
    }
    return nullptr;
  }

  // Syntax errors stop the walk: report where the iterator stands, then return false.
  bool syntax(simdjson::error_code code, od::document& doc) {
    const char* where = nullptr;
    if (auto location = doc.current_location(); location.error() == simdjson::SUCCESS) where = location.value_unsafe();
    else where = text + text_size;
    if (code == simdjson::UTF8_ERROR) return invalid_utf8();
    std::string message = syntax_message(code);
    if (where && where < text + text_size) message += " (" + place_of(static_cast<std::size_t>(where - text)) + ")";
    error(where, code == simdjson::DEPTH_ERROR ? ReadCode::TooDeep
                 : code == simdjson::CAPACITY  ? ReadCode::TooLarge
                                               : ReadCode::MalformedJson,
          std::move(message));
    return false;
  }

  // simdjson says the text is not UTF-8; say where, and what it most likely is instead: a
  // spreadsheet in France saves Windows-1252 by default.
  bool invalid_utf8() {
    const std::optional<std::size_t> at = diag::first_invalid_utf8(std::string_view(text, text_size));
    const std::size_t offset = at.value_or(0);
    std::string message = "texte invalide : ce n'est pas de l'UTF-8 valide";
    if (at) {
      const unsigned char byte = static_cast<unsigned char>(text[offset]);
      char hex[8];
      std::snprintf(hex, sizeof hex, "0x%02X", byte);
      message += " (" + place_of(offset) + " : " + hex + ")";
      if (const std::string_view letter = windows_1252_letter(byte); !letter.empty()) {
        message += " ; l'octet " + std::string(hex) + " est « " + std::string(letter) +
                   " » en Windows-1252 / Latin-1 : le fichier semble dans cet encodage, l'enregistrer en UTF-8 "
                   "(par exemple : iconv -f WINDOWS-1252 -t UTF-8)";
      }
    }
    error(at ? text + offset : nullptr, ReadCode::InvalidUtf8, std::move(message));
    return false;
  }

  std::string_view copy(std::string_view s) {
    if (s.empty()) return {};
    char* out = static_cast<char*>(arena->allocate(s.size(), 1));
    std::memcpy(out, s.data(), s.size());
    return {out, s.size()};
  }

  Value* allocate_values(std::size_t n) {
    if (n == 0) return nullptr;
    void* memory = arena->allocate(n * sizeof(Value), alignof(Value));
    Value* values = static_cast<Value*>(memory);
    for (std::size_t i = 0; i < n; ++i) new (values + i) Value();
    return values;
  }

  bool too_deep(std::size_t depth, const char* where) {
    if (depth <= kMaxDepth) return false;
    error(where, ReadCode::TooDeep, "imbrication trop profonde : plus de " + std::to_string(kMaxDepth) + " niveaux d'objets ou de tableaux");
    return true;
  }

  // A key already seen in this object? Unknown keys are compared with a short linear scan:
  // dossiers have few of them, and a document with more than kMaxUnknownKeys in all (under
  // unknown subtrees too) is refused, which bounds the scans: 100 000 unknown keys in a 2 MB
  // body cost 18 s of comparisons before the bound, holding a server worker.
  static constexpr std::size_t kMaxUnknownKeys = 1000;
  enum class UnknownKey { Fresh, Duplicate, TooMany };
  static constexpr std::size_t kMaxListItems = 1000;

  UnknownKey unknown_key_seen(std::size_t base, std::string_view key, const char* where) {
    if (++unknown_keys_read > kMaxUnknownKeys) {
      error(where, ReadCode::TooManyUnknownFields,
            "plus de " + std::to_string(kMaxUnknownKeys) +
                " clés que le schéma ne connaît pas : ce document n'est pas un dossier de ce schéma");
      return UnknownKey::TooMany;
    }
    for (std::size_t i = base; i < key_stack.size(); ++i) {
      if (key_stack[i] == key) return UnknownKey::Duplicate;
    }
    key_stack.push_back(key);
    return UnknownKey::Fresh;
  }

  // A key the schema does not know. One slip away from a field (« délibération »,
  // « deliberaton »): an error with the field meant, since silently ignoring it could turn
  // a dossier compliant. Otherwise it is kept in the dossier's list of unknown fields,
  // which every output reports.
  void unknown_key(const Node& node, std::string_view key, const char* where) {
    std::vector<std::string_view> names;
    names.reserve(node.fields.size());
    for (const schema::Field& f : node.fields) names.push_back(f.name);
    if (const std::vector<std::string> meant = diag::misspelt_names(key, names); !meant.empty()) {
      std::string choices;
      for (std::size_t i = 0; i < meant.size(); ++i)
        choices += (i == 0 ? "« " : i + 1 == meant.size() ? " ou « " : ", « ") + meant[i] + " »";
      // A blank at either end cannot be seen between « »: said in words, or « montant » would be
      // told to be « montant » (review 19).
      // (A no-break space counts: « objet » and one showed as « objet » too, review 28.)
      std::size_t first = 0;
      const bool blank_first = !key.empty() && (key[0] == '\t' || diag::is_unicode_blank(diag::next_code_point(key, first)));
      std::size_t last_start = key.size();
      while (last_start > 0 && (static_cast<unsigned char>(key[last_start - 1]) & 0xC0) == 0x80) --last_start;
      if (last_start > 0) --last_start;
      std::size_t at = last_start;
      const bool blank_last = key.size() > 1 && (key.back() == '\t' || diag::is_unicode_blank(diag::next_code_point(key, at)));
      const std::string blanks = blank_first && blank_last ? " (avec des blancs au début et à la fin)"
                                 : blank_first             ? " (avec un blanc au début)"
                                 : blank_last              ? " (avec un blanc à la fin)"
                                                           : "";
      error(where, ReadCode::MisspeltField,
            "« " + std::string(key) + " »" + blanks + " : champ inconnu ; vouliez-vous dire " + choices + " ?");
      return;
    }
    std::string pointer;
    append_pointer(pointer, path);
    unknown_fields.push_back(std::move(pointer));
  }

  // A number written as people or spreadsheets write it: say what is wrong and, only when
  // the text has one reading the schema accepts, how to write it.
  void bad_number_text(std::string_view raw, std::string_view text_of_number, const Node& node,
                       std::optional<ReadCode> code = std::nullopt) {
    const bool money = node.type == Type::Money;
    if (money && (text_of_number.starts_with('-') || text_of_number.starts_with("\u2212"))) {
      // « -12,50 »: badly written, but negative above all; the fix of its writing would only
      // lead to the next refusal.
      error(raw.data(), ReadCode::NegativeAmount,
            "montant négatif : " + shown(raw) +
                " ; un montant de dossier est positif ou nul (une annulation ou un reversement n'est pas un dossier à vérifier)");
      return;
    }
    // A JSON number with an exponent is exact, not a spreadsheet's lost digits: 1e-3 is refused
    // for its three decimals, as 0.001 is (review 25: it got the spreadsheet's message, and 1e3
    // is read).
    if (money && !raw.starts_with('"') && text_of_number.find_first_of("eE") != std::string_view::npos) {
      if (auto exact = decimal::Decimal::parse(text_of_number)) {
        // 100e-3 is 0.100, three decimals written, 0.10 once the zero is dropped: the fix is said.
        const decimal::Decimal value = exact->normalized();
        error(raw.data(), code.value_or(ReadCode::BadAmount),
              "montant mal écrit : " + shown(raw) + " vaut " + value.to_string() +
                  (value.scale() <= 2 ? " ; écrire \"" + value.to_fixed(2) + "\" (sans exposant, avec au plus deux décimales)"
                                      : std::string(" ; un montant a au plus deux décimales (centimes)")));
        return;
      }
    }
    const AmountAdvice advice = advise_amount_text(text_of_number, money ? 2 : -1);
    std::string message = std::string(money ? "montant" : "nombre décimal") + " mal écrit : " + shown(raw) +
                          " ; " + advice.reason;
    if (advice.fix) {
      message += " : écrire \"" + *advice.fix + "\"";
    } else if (!money || !code) {
      message += std::string(" (") + expected_french(node) + ")";
    }
    error(raw.data(), code.value_or(money ? ReadCode::BadAmount : ReadCode::BadDecimal), std::move(message));
  }

  // ---- walking ----

  // A value no schema field describes: checked as JSON all the same, then dropped.
  bool skip(od::value& v, std::size_t depth, od::document& doc) {
    od::json_type type;
    if (auto e = v.type().get(type)) return syntax(e, doc);
    switch (type) {
      case od::json_type::object: {
        std::string_view raw = v.raw_json_token();
        if (too_deep(depth, raw.data())) return false;
        od::object object;
        if (auto e = v.get_object().get(object)) return syntax(e, doc);
        const std::size_t key_base = key_stack.size();
        const std::size_t path_size = path.size();
        bool ok = true;
        for (auto field_result : object) {
          od::field field;
          if (auto e = std::move(field_result).get(field)) {
            ok = syntax(e, doc);
            break;
          }
          std::string_view key;
          if (auto e = key_of(field, key)) {
            ok = syntax(e, doc);
            break;
          }
          path.push_back({key, 0});
          od::value child = field.value();
          const UnknownKey seen = unknown_key_seen(key_base, key, child.raw_json_token().data());
          if (seen == UnknownKey::TooMany) {
            ok = false;
            path.resize(path_size);
            break;
          }
          if (seen == UnknownKey::Duplicate) error(child.raw_json_token().data(), ReadCode::DuplicateKey, "clé en double dans un même objet : \"" + shown(key) + "\"");
          ok = skip(child, depth + 1, doc);
          path.resize(path_size);
          if (!ok) break;
        }
        key_stack.resize(key_base);
        return ok;
      }
      case od::json_type::array: {
        std::string_view raw = v.raw_json_token();
        if (too_deep(depth, raw.data())) return false;
        od::array array;
        if (auto e = v.get_array().get(array)) return syntax(e, doc);
        const std::size_t path_size = path.size();
        std::size_t index = 0;
        for (auto element_result : array) {
          od::value element;
          if (auto e = std::move(element_result).get(element)) return syntax(e, doc);
          path.push_back({{}, index++});
          const bool ok = skip(element, depth + 1, doc);
          path.resize(path_size);
          if (!ok) return false;
        }
        return true;
      }
      case od::json_type::number: {
        std::string_view raw;
        raw = v.raw_json_token();
        decimal::ParseError parse_error{};
        if (!decimal::Decimal::parse(trim_right(raw), &parse_error) && parse_error == decimal::ParseError::Syntax) {
          error(raw.data(), ReadCode::MalformedJson, "JSON mal formé : nombre mal écrit : " + shown(raw));
          return false;
        }
        return true;
      }
      case od::json_type::string: {
        std::string_view s;
        if (auto e = v.get_string().get(s)) return syntax(e, doc);
        return true;
      }
      case od::json_type::boolean: {
        bool b;
        if (auto e = v.get_bool().get(b)) return syntax(e, doc);
        return true;
      }
      case od::json_type::null: {
        bool is_null;
        if (auto e = v.is_null().get(is_null)) return syntax(e, doc);
        if (!is_null) return syntax(simdjson::N_ATOM_ERROR, doc);
        return true;
      }
    }
    return true;
  }

  // Wrong JSON type for the schema: one error, then the value is still checked as JSON.
  bool mismatch(od::value& v, od::json_type type, const Node& node, std::size_t depth, od::document& doc) {
    std::string_view raw = v.raw_json_token();
    std::string received;
    if (type == od::json_type::object) received = "un objet";
    else if (type == od::json_type::array) received = "un tableau";
    else received = shown(raw);
    std::string message = expected_french(node);
    if (node.type == Type::Enum) message += " (" + enum_list(node) + ")";
    error(raw.data(), ReadCode::WrongType, message + ", reçu : " + received);
    return skip(v, depth, doc);
  }

  bool read_object(od::value& v, const Node& node, Value& out, std::size_t depth, od::document& doc) {
    const char* start = v.raw_json_token().data();
    if (too_deep(depth, start)) return false;
    od::object object;
    if (auto e = v.get_object().get(object)) return syntax(e, doc);
    const std::size_t n = node.fields.size();
    Value* slots = allocate_values(n);
    for (std::size_t i = 0; i < n; ++i) slots[i].schema = node.fields[i].node.get();
    const std::size_t seen_base = seen_stack.size();
    seen_stack.resize(seen_base + n, 0);
    const std::size_t key_base = key_stack.size();
    const std::size_t path_size = path.size();
    bool ok = true;
    std::size_t next_slot = 0;
    for (auto field_result : object) {
      od::field field;
      if (auto e = std::move(field_result).get(field)) {
        ok = syntax(e, doc);
        break;
      }
      std::string_view key;
      if (auto e = key_of(field, key)) {
        ok = syntax(e, doc);
        break;
      }
      path.push_back({key, 0});
      od::value child = field.value();
      // Dossiers mostly follow the schema's order: try the slot after the previous one first.
      const int slot = (next_slot < n && node.fields[next_slot].name == key) ? static_cast<int>(next_slot) : node.field_index(key);
      if (slot >= 0) next_slot = static_cast<std::size_t>(slot) + 1;
      if (slot < 0) {
        const UnknownKey seen = unknown_key_seen(key_base, key, child.raw_json_token().data());
        if (seen == UnknownKey::TooMany) {
          ok = false;
          path.resize(path_size);
          break;
        }
        if (seen == UnknownKey::Duplicate) {
          error(child.raw_json_token().data(), ReadCode::DuplicateKey, "clé en double dans un même objet : \"" + shown(key) + "\"");
        } else {
          unknown_key(node, key, child.raw_json_token().data());
        }
        ok = skip(child, depth + 1, doc);
      } else if (seen_stack[seen_base + static_cast<std::size_t>(slot)]) {
        error(child.raw_json_token().data(), ReadCode::DuplicateKey, "clé en double dans un même objet : \"" + shown(key) + "\"");
        ok = skip(child, depth + 1, doc);
      } else {
        seen_stack[seen_base + static_cast<std::size_t>(slot)] = 1;
        ok = read_value(child, *node.fields[static_cast<std::size_t>(slot)].node, slots[slot], depth + 1, doc);
      }
      path.resize(path_size);
      if (!ok) break;
    }
    if (ok) {
      for (std::size_t i = 0; i < n; ++i) {
        if (!node.fields[i].required || seen_stack[seen_base + i]) continue;
        // An unknown key of the same object that may be the missing field misspelt is named with
        // it: « noms » and « ids » are too short to be suggested on their own (review 28).
        std::string message = "champ obligatoire absent : " + node.fields[i].name;
        for (std::size_t k = key_base; k < key_stack.size(); ++k) {
          if (!diag::may_be_misspelt(key_stack[k], node.fields[i].name)) continue;
          message += " ; la clé « " + std::string(key_stack[k]) + " » de cet objet, inconnue du schéma, est-elle ce champ mal écrit ?";
          break;
        }
        error(start, ReadCode::MissingField, message);
      }
    }
    seen_stack.resize(seen_base);
    key_stack.resize(key_base);
    out.kind = Kind::Object;
    out.items = slots;
    out.count = static_cast<std::uint32_t>(n);
    return ok;
  }

  bool read_array(od::value& v, const Node& node, Value& out, std::size_t depth, od::document& doc) {
    const char* start = v.raw_json_token().data();
    if (too_deep(depth, start)) return false;
    od::array array;
    if (auto e = v.get_array().get(array)) return syntax(e, doc);
    const std::size_t base = item_stack.size();
    const std::size_t path_size = path.size();
    std::size_t index = 0;
    bool ok = true;
    for (auto element_result : array) {
      od::value element;
      if (auto e = std::move(element_result).get(element)) {
        ok = syntax(e, doc);
        break;
      }
      // A list longer than any dossier holds (a plan of financing, countries, clues: tens of
      // items) is refused: rules compare its items with each other, and 10 000 lines of a plan
      // took 23 s and 3.7 GB to check (review 33).
      if (index == kMaxListItems) {
        error(element.raw_json_token().data(), ReadCode::TooLarge,
              "liste trop longue : plus de " + std::to_string(kMaxListItems) +
                  " éléments, plus qu'aucun dossier n'en tient ; ce document n'est pas un dossier de ce schéma");
        ok = false;
        break;
      }
      path.push_back({{}, index++});
      Value item;
      item.schema = node.items.get();
      ok = read_value(element, *node.items, item, depth + 1, doc);
      path.resize(path_size);
      if (!ok) break;
      item_stack.push_back(item);
    }
    const std::size_t count = item_stack.size() - base;
    if (count == 0 && ok && node.empty_means_absent) {
      out.kind = Kind::Missing;  // as if the key were not there (schema.hpp, empty_means_absent)
      return true;
    }
    Value* items = allocate_values(count);
    std::copy(item_stack.begin() + static_cast<std::ptrdiff_t>(base), item_stack.end(), items);
    item_stack.resize(base);
    out.kind = Kind::Array;
    out.items = items;
    out.count = static_cast<std::uint32_t>(count);
    return ok;
  }

  // Money and Decimal, from a JSON number's literal or a JSON string of digits.
  bool read_decimal(od::value& v, od::json_type type, const Node& node, Value& out, std::size_t depth, od::document& doc) {
    std::string_view raw;
    raw = v.raw_json_token();
    std::string_view digits;
    decimal::ParseError parse_error{};
    std::optional<decimal::Decimal> number;
    if (type == od::json_type::number) {
      digits = trim_right(raw);
      number = decimal::Decimal::parse(digits, &parse_error);
      if (!number && parse_error == decimal::ParseError::Syntax) {
        error(raw.data(), ReadCode::MalformedJson, "JSON mal formé : nombre mal écrit : " + shown(raw));
        return false;
      }
    } else if (type == od::json_type::string) {
      if (auto e = v.get_string().get(digits)) return syntax(e, doc);
      if (!is_plain_decimal_text(digits)) {
        bad_number_text(raw, digits, node);
        return true;
      }
      // The schema allows leading zeros in strings ("007.50"); JSON numbers do not.
      const bool negative = digits.front() == '-';
      std::string_view body = digits.substr(negative ? 1 : 0);
      while (body.size() > 1 && body[0] == '0' && body[1] != '.') body.remove_prefix(1);
      char local[80];
      if (body.size() + (negative ? 1 : 0) == digits.size()) {
        number = decimal::Decimal::parse(digits, &parse_error);  // no leading zero taken off: as written
      } else if (body.size() + 1 <= sizeof local) {
        std::size_t n = 0;
        if (negative) local[n++] = '-';
        std::memcpy(local + n, body.data(), body.size());
        number = decimal::Decimal::parse(std::string_view(local, n + body.size()), &parse_error);
      } else {
        parse_error = decimal::ParseError::TooManyDigits;
      }
    } else {
      return mismatch(v, type, node, depth, doc);
    }
    if (!number) {
      if (parse_error == decimal::ParseError::Syntax) {
        bad_number_text(raw, digits, node);
      } else {
        error(raw.data(), ReadCode::NumberTooLong, std::string(decimal::parse_error_french(parse_error)) + " : " + shown(raw));
      }
      return true;
    }
    // The schema's limit, to the letter: "250.000" has three decimals even if they are zeros.
    if (node.type == Type::Money && number->scale() > 2) {
      bad_number_text(raw, digits, node, ReadCode::TooManyDecimals);
      return true;
    }
    // An amount of a dossier is zero or more: « -30000.00 » turned a subsidy with no convention
    // conforme (the 23 000 € threshold is never reached), a cumul under the 1 % ceiling, and was
    // taken off the jaune's total (review by mutation, 2 December 2026). A cancellation or a
    // repayment is not a dossier to check. « -0.00 » is zero written with a sign: refused too,
    // with the fix.
    if (node.type == Type::Money && !digits.empty() && digits.front() == '-') {
      error(raw.data(), ReadCode::NegativeAmount,
            number->is_zero() ? "montant écrit avec un signe moins : " + shown(raw) + " ; écrire \"0.00\""
                              : "montant négatif : " + shown(raw) +
                                    " ; un montant de dossier est positif ou nul (une annulation ou un reversement "
                                    "n'est pas un dossier à vérifier)");
      return true;
    }
    out.kind = Kind::Decimal;
    out.number = *number;
    out.text = copy(digits);
    return true;
  }

  bool read_value(od::value& v, const Node& node, Value& out, std::size_t depth, od::document& doc) {
    out.schema = &node;
    od::json_type type;
    if (auto e = v.type().get(type)) return syntax(e, doc);
    if (type == od::json_type::null) {
      bool is_null;
      if (auto e = v.is_null().get(is_null)) return syntax(e, doc);
      if (!is_null) return syntax(simdjson::N_ATOM_ERROR, doc);
      if (node.nullable) {
        out.kind = Kind::Null;
        return true;
      }
      std::string message = std::string("null non autorisé ici ; ") + expected_french(node);
      if (node.type == Type::Enum) message += " (" + enum_list(node) + ")";
      error(v.raw_json_token().data(), ReadCode::NullNotAllowed, std::move(message));
      return true;
    }
    switch (node.type) {
      case Type::Object:
        if (type != od::json_type::object) return mismatch(v, type, node, depth, doc);
        return read_object(v, node, out, depth, doc);
      case Type::Array:
        if (type != od::json_type::array) return mismatch(v, type, node, depth, doc);
        return read_array(v, node, out, depth, doc);
      case Type::Money:
      case Type::Decimal:
        return read_decimal(v, type, node, out, depth, doc);
      case Type::Boolean: {
        if (type != od::json_type::boolean) return mismatch(v, type, node, depth, doc);
        bool b;
        if (auto e = v.get_bool().get(b)) return syntax(e, doc);
        out.kind = Kind::Boolean;
        out.boolean = b;
        return true;
      }
      case Type::Integer: {
        if (type != od::json_type::number) return mismatch(v, type, node, depth, doc);
        std::string_view raw;
        raw = v.raw_json_token();
        const std::string_view digits = trim_right(raw);
        std::int64_t integer = 0;
        if (std::optional<ScalarProblem> problem = check_integer(digits, raw, node, integer)) {
          error(raw.data(), problem->code, std::move(problem->message));
          return problem->code != ReadCode::MalformedJson;  // bad JSON stops the walk
        }
        out.kind = Kind::Integer;
        out.number = decimal::Decimal::from_integer(integer);
        out.text = copy(digits);
        return true;
      }
      case Type::String:
      case Type::Enum:
      case Type::Date:
      case Type::Country:
        break;
    }
    // Every remaining type is a JSON string.
    if (type != od::json_type::string) return mismatch(v, type, node, depth, doc);
    std::string_view raw;
    raw = v.raw_json_token();
    std::string_view s;
    if (auto e = v.get_string().get(s)) return syntax(e, doc);
    switch (node.type) {
      case Type::Enum: {
        const std::string* allowed = nullptr;
        if (std::optional<ScalarProblem> problem = check_enum(s, raw, node, allowed)) {
          error(raw.data(), problem->code, std::move(problem->message));
          return true;
        }
        out.kind = Kind::String;
        out.text = *allowed;  // the schema lives as long as the dossier (shared)
        return true;
      }
      case Type::Date: {
        calendar::Date date;
        if (std::optional<ScalarProblem> problem = check_date(s, raw, date)) {
          error(raw.data(), problem->code, std::move(problem->message));
          return true;
        }
        out.kind = Kind::Date;
        out.date = date;
        out.text = copy(s);
        return true;
      }
      case Type::Country: {
        if (std::optional<ScalarProblem> problem = check_country(s, raw, node)) {
          error(raw.data(), problem->code, std::move(problem->message));
          return true;
        }
        out.kind = Kind::String;
        out.text = copy(s);
        return true;
      }
      default: {
        if (node.empty_means_absent && is_blank_text(s)) {
          out.kind = Kind::Missing;  // as if the key were not there (schema.hpp, empty_means_absent)
          return true;
        }
        const auto pattern = patterns.find(&node);
        if (std::optional<ScalarProblem> problem =
                check_text(s, raw, node, pattern != patterns.end() ? &pattern->second : nullptr)) {
          error(raw.data(), problem->code, std::move(problem->message));
          return true;
        }
        out.kind = Kind::String;
        out.text = copy(s);
        return true;
      }
    }
  }

  ReadOutcome read(std::string_view json_text, std::string_view file_name, std::size_t line_number,
                   std::size_t first_line_in_file) {
    ReadOutcome outcome;
    file = file_name;
    line = line_number;
    first_line = first_line_in_file == 0 ? 1 : first_line_in_file;
    errors = &outcome.errors;
    path.clear();
    item_stack.clear();
    seen_stack.clear();
    key_stack.clear();
    unknown_keys_read = 0;
    unknown_fields.clear();

    if (json_text.find_first_not_of(" \t\r\n") == std::string_view::npos) {
      text = json_text.data();
      text_size = json_text.size();
      error(nullptr, ReadCode::EmptyDocument, "texte vide : aucun document JSON");
      return outcome;
    }
    // Copy into a reused, padded buffer: simdjson reads a few bytes past the end.
    const std::size_t needed = json_text.size() + simdjson::SIMDJSON_PADDING;
    if (needed > buffer_capacity) {
      buffer_capacity = std::max(needed, buffer_capacity * 2);
      buffer.reset(new char[buffer_capacity]);
    }
    std::memcpy(buffer.get(), json_text.data(), json_text.size());
    std::memset(buffer.get() + json_text.size(), 0, simdjson::SIMDJSON_PADDING);
    text = buffer.get();
    text_size = json_text.size();

    auto arena_owner = std::make_unique<std::pmr::monotonic_buffer_resource>(2 * json_text.size() + 1024);
    arena = arena_owner.get();
    Value* root = allocate_values(1);
    root->schema = &schema->root();

    od::document doc;
    if (auto e = parser.iterate(simdjson::padded_string_view(buffer.get(), json_text.size(), buffer_capacity)).get(doc)) {
      if (e == simdjson::UTF8_ERROR) {
        invalid_utf8();
      } else if (const char* open = e == simdjson::UNCLOSED_STRING ? unclosed_string_start() : nullptr) {
        error(open, ReadCode::MalformedJson,
              syntax_message(e) + " : la chaîne ouverte à la " + place_of(static_cast<std::size_t>(open - text)) +
                  " n'est pas fermée (guillemet manquant ?)");
      } else if (const char* control = e == simdjson::UNESCAPED_CHARS ? control_in_string() : nullptr) {
        // simdjson gives no place: found here, with the character named (a tabulation pasted
        // into `objet` is the usual one; review 19).
        char code[8];
        std::snprintf(code, sizeof code, "U+%04X", static_cast<unsigned>(static_cast<unsigned char>(*control)));
        const char* name = *control == '\t' ? " (tabulation)" : *control == '\0' ? " (NUL)" : *control == '\r' ? " (retour chariot)" : "";
        error(control, ReadCode::MalformedJson,
              syntax_message(e) + " : " + code + name + " à la " + place_of(static_cast<std::size_t>(control - text)) +
                  " ; l'écrire échappé (\\t pour une tabulation) ou le retirer");
      } else {
        error(nullptr, e == simdjson::CAPACITY ? ReadCode::TooLarge : ReadCode::MalformedJson, syntax_message(e));
      }
      return finish(std::move(outcome), root);
    }
    od::value root_value;
    od::json_type type;
    if (auto e = doc.type().get(type)) {
      syntax(e, doc);
      return finish(std::move(outcome), root);
    }
    if (type != od::json_type::object) {
      std::string_view raw;
      if (doc.raw_json_token().get(raw) == simdjson::SUCCESS) {
        error(raw.data(), ReadCode::NotAnObject, "un dossier est un objet JSON, reçu : " +
                              (type == od::json_type::array ? std::string("un tableau") : shown(raw)));
      } else {
        error(nullptr, ReadCode::NotAnObject, "un dossier est un objet JSON");
      }
      return finish(std::move(outcome), root);
    }
    if (auto e = doc.get_value().get(root_value)) {
      syntax(e, doc);
      return finish(std::move(outcome), root);
    }
    if (!read_object(root_value, schema->root(), *root, 1, doc)) return finish(std::move(outcome), root);
    // Anything after the closing brace is a second document or garbage.
    if (auto location = doc.current_location(); location.error() == simdjson::SUCCESS) {
      const char* where = location.value_unsafe();
      const std::string_view trailing(where, static_cast<std::size_t>(text + text_size - where));
      // Another dossier after the first: a JSONL saved as .json (review 19).
      const bool another = trailing.find_first_not_of(" \t\r\n,") != std::string_view::npos &&
                           trailing[trailing.find_first_not_of(" \t\r\n,")] == '{';
      error(where, ReadCode::TrailingContent,
            "contenu inattendu après la fin du document : " + shown(trailing) +
                (another ? " ; plusieurs dossiers à la suite : un dossier par ligne dans un fichier .jsonl, ou un "
                           "tableau [ … ] de dossiers séparés par des virgules dans un fichier .json"
                         : ""));
      return finish(std::move(outcome), root);
    }
    if (id_slot >= 0 && root->slot(id_slot).kind == Kind::String) {
      if (std::optional<std::string> problem = identifier_problem(root->slot(id_slot).text)) {
        outcome.errors.push_back(
            InputError{std::string(file_name), line_number, "/id", std::move(*problem), "", ReadCode::PatternMismatch});
      }
    }
    if (outcome.errors.empty()) {
      Dossier dossier;
      dossier.schema_ = shared_schema;
      dossier.arena_ = std::move(arena_owner);
      dossier.root_ = root;
      dossier.file_ = std::string(file_name);
      dossier.line_ = line_number;
      dossier.unknown_fields_ = std::move(unknown_fields);
      unknown_fields.clear();
      outcome.dossier.emplace(std::move(dossier));
      return outcome;
    }
    return finish(std::move(outcome), root);
  }

  // On errors: label each with the dossier id when the walk got that far. The arena goes.
  ReadOutcome finish(ReadOutcome&& outcome, const Value* root) {
    std::string id;
    if (root->kind == Kind::Object) {
      const int slot = schema->root().field_index("id");
      if (slot >= 0 && root->slot(slot).kind == Kind::String) id = std::string(root->slot(slot).text);
    }
    for (InputError& e : outcome.errors) e.dossier_id = id;
    arena = nullptr;
    return std::move(outcome);
  }
};

DossierReader::DossierReader(std::shared_ptr<const schema::Schema> schema) : impl_(std::make_unique<Impl>(std::move(schema))) {}
DossierReader::~DossierReader() = default;
DossierReader::DossierReader(DossierReader&&) noexcept = default;
DossierReader& DossierReader::operator=(DossierReader&&) noexcept = default;

ReadOutcome DossierReader::read(std::string_view json_text, std::string_view file, std::size_t line,
                                std::size_t first_line) {
  return impl_->read(json_text, file, line, first_line);
}

}  // namespace subsidia::io
