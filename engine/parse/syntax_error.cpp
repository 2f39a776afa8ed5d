#include "parse/syntax_error.hpp"

#include <algorithm>
#include <array>
#include <vector>

#include "diag/spelling.hpp"
#include "parse/keywords.hpp"

namespace subsidia::parse {

namespace {

// Cuts at most `limit` bytes without splitting a UTF-8 sequence.
std::string_view clip(std::string_view s, std::size_t limit) {
  if (s.size() <= limit) return s;
  std::size_t n = limit;
  while (n > 0 && (static_cast<unsigned char>(s[n]) & 0xC0) == 0x80) --n;
  return s.substr(0, n);
}

// The word, string or character that starts at `offset`, as the person wrote it.
std::string_view offending_text(std::string_view text, std::size_t offset) {
  const std::string_view rest = text.substr(offset);
  const auto c = static_cast<unsigned char>(rest[0]);
  std::size_t n = 1;
  if (c == '"') {
    while (n < rest.size() && rest[n] != '"' && rest[n] != '\n' && rest[n] != '\r') ++n;
    if (n < rest.size() && rest[n] == '"') ++n;
  } else if (is_word_byte(c)) {
    // A French elision belongs to the word (`s'appliqe`): quoting « s » alone showed a text the
    // writer did not type.
    for (;;) {
      while (n < rest.size() && is_word_byte(static_cast<unsigned char>(rest[n]))) ++n;
      if (n + 1 < rest.size() && rest[n] == '\'' && is_word_byte(static_cast<unsigned char>(rest[n + 1]))) {
        ++n;
        continue;
      }
      break;
    }
  } else if (c >= 0x80) {
    while (n < rest.size() && (static_cast<unsigned char>(rest[n]) & 0xC0) == 0x80) ++n;
  }
  return clip(rest.substr(0, n), 40);
}

constexpr std::array<Keyword, 5> declaration_keywords{kw::rule, kw::source, kw::table, kw::definition, kw::import_};

bool starts_declaration(std::string_view line) {
  for (const Keyword& k : declaration_keywords) {
    std::string_view rest = k.spellings;
    while (!rest.empty()) {
      const std::size_t bar = rest.find('|');
      const std::string_view spelling = rest.substr(0, bar);
      rest = bar == std::string_view::npos ? std::string_view{} : rest.substr(bar + 1);
      if (line.substr(0, spelling.size()) == spelling &&
          (line.size() == spelling.size() || !is_word_byte(static_cast<unsigned char>(line[spelling.size()])))) {
        return true;
      }
    }
  }
  return false;
}

// The clauses of a rule and of a source, in the order the guide gives them.
constexpr std::array<std::string_view, 11> rule_clauses{
    "titre", "source", "en vigueur", "gravité", "s'applique si", "exige",
    "si respectée", "si violée", "si indéterminée", "si sans objet", "fin"};
constexpr std::array<std::string_view, 7> source_clauses{
    "intitulé", "référence", "note", "origine de la date", "date discutée", "en vigueur", "fin"};

std::string_view line_at(std::string_view text, std::size_t begin) {
  const std::size_t end = text.find('\n', begin);
  return text.substr(begin, end == std::string_view::npos ? std::string_view::npos : end - begin);
}

// The first `words` blank-separated words of `line`, joined by one space.
std::string first_words(std::string_view line, std::size_t words) {
  std::string out;
  std::size_t i = 0;
  for (std::size_t w = 0; w < words; ++w) {
    while (i < line.size() && (line[i] == ' ' || line[i] == '\t')) ++i;
    if (i >= line.size() || line[i] == '"') break;
    if (w > 0) out += ' ';
    while (i < line.size() && line[i] != ' ' && line[i] != '\t' && line[i] != '\r' && line[i] != '"') out += line[i++];
  }
  return out;
}

// The declaration (`règle x`, `source Y`…) whose first line is the last one above `line_begin`
// that starts one, or none.
struct BlockAbove {
  bool in_rule = false, in_source = false;
  std::string_view first_line;
  std::size_t begin = 0;
};

BlockAbove block_above(std::string_view text, std::size_t line_begin) {
  BlockAbove block;
  for (std::size_t p = line_begin; p > 0;) {
    const std::size_t above_end = p - 1;  // the line break that ends the line above
    const std::size_t found = above_end == 0 ? std::string_view::npos : text.rfind('\n', above_end - 1);
    const std::size_t above_begin = found == std::string_view::npos ? 0 : found + 1;
    const std::string_view above = text.substr(above_begin, above_end - above_begin);
    if (starts_declaration(above)) {
      block.in_rule = above.rfind("règle", 0) == 0 || above.rfind("regle", 0) == 0 || above.rfind("rule", 0) == 0;
      block.in_source = above.rfind("source", 0) == 0;
      block.first_line = above;
      block.begin = above_begin;
      break;
    }
    p = above_begin;
  }
  return block;
}

// « la règle x, ouverte ligne N, n'est pas close par « fin » ».
std::string not_closed(std::string_view text, const BlockAbove& block) {
  const std::string name = first_words(block.first_line, 2).substr(first_words(block.first_line, 1).size());
  const auto line_number = std::count(text.begin(), text.begin() + static_cast<std::ptrdiff_t>(block.begin), '\n') + 1;
  return std::string(block.in_rule ? "la règle" : "la source") + name + ", ouverte ligne " + std::to_string(line_number) +
         ", n'est pas close par « fin »";
}

// Where the parenthesis still open at `offset` was opened, counted from the start of the
// declaration around it (strings and comments skipped), or npos.
std::size_t unclosed_parenthesis(std::string_view text, std::size_t offset) {
  std::size_t line_begin = text.rfind('\n', offset == 0 ? 0 : offset - 1);
  line_begin = line_begin == std::string_view::npos ? 0 : line_begin + 1;
  const BlockAbove block = block_above(text, line_begin);
  std::vector<std::size_t> open;
  for (std::size_t i = block.begin; i < offset && i < text.size(); ++i) {
    const char c = text[i];
    if (c == '"') {
      for (++i; i < offset && text[i] != '"' && text[i] != '\n'; ++i)
        if (text[i] == '\\') ++i;
    } else if (c == '#') {
      while (i < offset && text[i] != '\n') ++i;
    } else if (c == '(') {
      open.push_back(i);
    } else if (c == ')' && !open.empty()) {
      open.pop_back();
    }
  }
  return open.empty() ? std::string_view::npos : open.back();
}

// Inside a rule or a source, a line that starts with no clause is most often a misspelt one
// (`titr`, `s'appliqe si`): name the clauses of that block and the nearest one, instead of
// "le mot-clé fin" alone. The block is the last declaration above the line.
void explain_unknown_clause(std::string_view text, std::size_t offset, std::string& message, std::string& expected) {
  std::size_t line_begin = text.rfind('\n', offset == 0 ? 0 : offset - 1);
  line_begin = line_begin == std::string_view::npos ? 0 : line_begin + 1;
  for (std::size_t i = line_begin; i < offset; ++i) {
    if (text[i] != ' ' && text[i] != '\t') return;  // not the first word of its line
  }
  const BlockAbove block = block_above(text, line_begin);
  const bool in_rule = block.in_rule, in_source = block.in_source;
  if (!in_rule && !in_source) return;
  const std::string_view line = line_at(text, offset);
  // The next declaration where a clause or `fin` was expected: the block above was left open.
  if (starts_declaration(line)) {
    message += " : " + not_closed(text, block);
    return;
  }
  std::string_view best;
  std::size_t best_distance = std::string_view::npos;
  std::string list;
  auto consider = [&](std::string_view clause) {
    list += (list.empty() ? "" : ", ") + std::string(clause);
    const std::size_t words = static_cast<std::size_t>(std::count(clause.begin(), clause.end(), ' ')) + 1;
    const std::string written = diag::fold_case_and_accents(first_words(line, words));
    const std::string folded = diag::fold_case_and_accents(clause);
    std::size_t d = diag::edit_distance(written, folded);
    // Two neighbours swapped (`exgie`) is one slip, though two edits for Levenshtein.
    if (d == 2 && diag::misspelt_name(written, {std::string_view(folded)})) d = 1;
    if (d < best_distance) {
      best_distance = d;
      best = clause;
    }
  };
  if (in_rule) {
    for (std::string_view c : rule_clauses) consider(c);
  } else {
    for (std::string_view c : source_clauses) consider(c);
  }
  // One slip in a short word, two in a longer one: further than that it is another word.
  if (best_distance > 0 && best_distance <= (best.size() >= 6 ? 2u : 1u)) {
    message += " : vouliez-vous dire « " + std::string(best) + " » ?";
  }
  expected = std::string(in_rule ? "une clause de règle (" : "une clause de source (") + list + ")";
}

}  // namespace

diag::Diagnostic syntax_error(std::string_view text, diag::FileId file, std::uint32_t offset, std::string expected,
                              std::uint32_t string_open) {
  if (expected == "un guillemet fermant" && offset < text.size() && (text[offset] == '\n' || text[offset] == '\r')) {
    return {diag::Code::UnterminatedString, {file, string_open, offset}, "chaîne non terminée", std::move(expected)};
  }
  // An expectation fails before its parser skips blanks: point at the text, not at the blank.
  while (offset < text.size()) {
    const char c = text[offset];
    if (c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v') {
      ++offset;
    } else if (c == '#') {
      while (offset < text.size() && text[offset] != '\n') ++offset;
    } else {
      break;
    }
  }
  if (offset >= text.size()) {
    const auto end = static_cast<std::uint32_t>(text.size());
    if (expected == "un guillemet fermant") {
      return {diag::Code::UnterminatedString, {file, string_open, end}, "chaîne non terminée", std::move(expected)};
    }
    std::string message = "fin du fichier inattendue";
    // The last rule or source of the file left open: name it, as when the next one starts.
    if (expected == kw::end.expected) {
      const BlockAbove block = block_above(text, text.size());
      if (block.in_rule || block.in_source) message += " : " + not_closed(text, block);
    }
    return {diag::Code::SyntaxError, {file, end, end}, std::move(message), std::move(expected)};
  }
  const std::string_view found = offending_text(text, offset);
  std::string message = "texte inattendu « " + std::string(found) + " »";
  // `régle`, `Règle`, `definition` where a declaration starts: the keyword meant (review 18).
  if (expected.rfind("une déclaration", 0) == 0) {
    static const std::vector<std::string_view> declarations = {"règle", "source", "table", "définition", "importer"};
    const std::string folded = diag::fold_case_and_accents(found);
    for (std::string_view keyword : declarations) {
      if (diag::fold_case_and_accents(keyword) == folded && keyword != found) {
        message += " ; vouliez-vous dire « " + std::string(keyword) + " » ?";
        break;
      }
    }
    if (message.find("vouliez-vous") == std::string::npos) {
      if (const auto meant = diag::misspelt_name(found, declarations)) message += " ; vouliez-vous dire « " + *meant + " » ?";
    }
  }
  // `montant > 23 000`: without its unit the number stops at the blank (review 18: « attendu :
  // le mot-clé fin » sent the writer elsewhere).
  if (!found.empty() && std::all_of(found.begin(), found.end(), [](char c) { return c >= '0' && c <= '9'; })) {
    std::size_t before = offset;
    while (before > 0 && (text[before - 1] == ' ' || text[before - 1] == '\t')) --before;
    if (before < offset && before > 0 && text[before - 1] >= '0' && text[before - 1] <= '9') {
      message += " : un nombre écrit avec des espaces est un montant, qui prend son unité (23 000 €) ; sans unité, "
                 "écrire le nombre sans espace (23000)";
    }
  }
  if (expected == kw::end.expected) explain_unknown_clause(text, offset, message, expected);
  if (found == "{" && expected.rfind("une accolade fermante }", 0) == 0) message = "accolade « { » non fermée dans le message";
  // A missing `)` is found where the next clause starts, lines below: say where it was opened.
  if (expected.rfind("une parenthèse fermante )", 0) == 0) {
    if (const std::size_t open = unclosed_parenthesis(text, offset); open != std::string_view::npos) {
      const std::size_t open_line_begin = open == 0 ? 0 : text.rfind('\n', open - 1) + 1;
      const auto line_number = std::count(text.begin(), text.begin() + static_cast<std::ptrdiff_t>(open), '\n') + 1;
      // Columns count code points, as every position the engine prints (diag/source.hpp).
      std::size_t column = 1;
      for (std::size_t i = open_line_begin; i < open; ++i) column += (static_cast<unsigned char>(text[i]) & 0xC0) != 0x80;
      message += " : la parenthèse ouverte ligne " + std::to_string(line_number) + ", colonne " +
                 std::to_string(column) + " n'est pas fermée";
    }
  }
  return {diag::Code::SyntaxError,
          {file, offset, static_cast<std::uint32_t>(offset + found.size())},
          std::move(message),
          std::move(expected)};
}

std::uint32_t next_declaration_start(std::string_view text, std::uint32_t from) {
  std::size_t p = from;
  if (p > 0 && p <= text.size() && text[p - 1] != '\n') {
    const std::size_t nl = text.find('\n', p);
    p = nl == std::string_view::npos ? text.size() : nl + 1;
  }
  while (p < text.size()) {
    if (starts_declaration(text.substr(p))) return static_cast<std::uint32_t>(p);
    const std::size_t nl = text.find('\n', p);
    if (nl == std::string_view::npos) break;
    p = nl + 1;
  }
  return static_cast<std::uint32_t>(text.size());
}

}  // namespace subsidia::parse
