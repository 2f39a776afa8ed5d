#include "diff/rule_causes.hpp"

#include <filesystem>
#include <initializer_list>
#include <variant>
#include <vector>

#include "fmt/same_meaning.hpp"
#include "parse/keywords.hpp"
#include "parse/parser.hpp"

namespace subsidia::workbench {

namespace {

using parse::is_word_byte;

std::string_view span_text(const diag::SourceSet& sources, diag::SourceSpan span) {
  if (span.file >= sources.size()) return {};
  const std::string& text = sources.file(span.file).text();
  if (span.begin > text.size() || span.end > text.size() || span.end < span.begin) return {};
  return std::string_view(text).substr(span.begin, span.end - span.begin);
}

}  // namespace

namespace {

// A word or one punctuation byte of a rule text, outside comments and message prose.
struct Token {
  std::string_view text;
  bool word = false;
  bool after_dot = false;  // a field of a path: `pays` in `action.pays`
};

std::vector<Token> tokens_of(std::string_view text) {
  std::vector<Token> tokens;
  bool in_string = false;
  int braces = 0;  // inside a string: depth of `{…}`
  for (std::size_t i = 0; i < text.size();) {
    const auto c = static_cast<unsigned char>(text[i]);
    if (!in_string && c == '#') {
      while (i < text.size() && text[i] != '\n') ++i;
      continue;
    }
    if (c == '"' && (!in_string || braces == 0)) {
      in_string = !in_string;
      ++i;
      continue;
    }
    if (in_string && c == '\\') {
      i += 2;
      continue;
    }
    // `{{` and `}}` in a message are braces printed, not a placeholder (review 22: a definition
    // named inside them counted as used).
    if (in_string && braces == 0 && (c == '{' || c == '}') && i + 1 < text.size() && text[i + 1] == text[i]) {
      i += 2;
      continue;
    }
    if (in_string && c == '{') ++braces;
    if (in_string && c == '}' && braces > 0) --braces;
    if (in_string && braces == 0) {
      ++i;
      continue;
    }
    if (is_word_byte(c)) {
      const std::size_t start = i;
      while (i < text.size() && is_word_byte(static_cast<unsigned char>(text[i]))) ++i;
      tokens.push_back(Token{text.substr(start, i - start), true, start > 0 && text[start - 1] == '.'});
      continue;
    }
    if (c != ' ' && c != '\t' && c != '\n' && c != '\r') tokens.push_back(Token{text.substr(i, 1), false, false});
    ++i;
  }
  return tokens;
}

bool is_one_of(std::string_view word, std::initializer_list<std::string_view> words) {
  for (std::string_view w : words)
    if (w == word) return true;
  return false;
}

// Whether tokens[k] is a variable being bound: `tous l dans`, `au moins un l dans`, `aucun l
// dans`, `pour l dans`, `somme(l dans`, `nombre(l dans`… (docs/dsl.md, primary).
bool binds_a_variable(const std::vector<Token>& tokens, std::size_t k) {
  if (k == 0 || k + 1 >= tokens.size() || !tokens[k].word || tokens[k].after_dot) return false;
  if (!is_one_of(tokens[k + 1].text, {"dans", "in"})) return false;
  const std::string_view before = tokens[k - 1].text;
  if (is_one_of(before, {"tous", "toutes", "all", "un", "une", "some", "aucun", "aucune", "none", "pour", "for"}))
    return true;
  return before == "(" && k >= 2 &&
         is_one_of(tokens[k - 2].text, {"somme", "sum", "nombre", "count", "distincts", "distinct", "min", "max", "liste"});
}

}  // namespace

std::set<std::string> mentioned_names(std::string_view text) {
  const std::vector<Token> tokens = tokens_of(text);
  std::set<std::string> names, bound;
  for (std::size_t k = 0; k < tokens.size(); ++k) {
    if (!tokens[k].word || tokens[k].after_dot) continue;
    if (binds_a_variable(tokens, k)) bound.emplace(tokens[k].text);
    names.emplace(tokens[k].text);
  }
  // A variable's scope is the rest of its expression; a text that binds `seuil` and also reads
  // a definition `seuil` is one no lawyer should write, and the variable wins in it.
  for (const std::string& variable : bound) names.erase(variable);
  return names;
}

RuleCauses::Declarations RuleCauses::declarations_of(const api::Loaded& loaded, DefinitionWords* words,
                                                     ParsedTexts& parsed) {
  Declarations out;
  std::map<std::string, const std::string*> inputs;
  for (const auto& [path, content] : loaded.inputs) inputs[path] = &content;
  for (std::size_t id = 0; id < loaded.sources.size(); ++id) {
    const diag::SourceFile& file = loaded.sources.file(static_cast<diag::FileId>(id));
    const std::string_view text = file.text();
    // Most files are the same bytes in both bases: each distinct text is parsed once. Spans
    // are offsets into the text, so they hold for either file.
    auto found = parsed.find(text);
    if (found == parsed.end()) {
      auto result = parse::parse_rules(text, static_cast<diag::FileId>(id));
      found = parsed.emplace(text, std::move(result.value)).first;
    }
    if (!found->second) continue;
    auto of = [&](diag::SourceSpan span) {
      return span.end <= text.size() && span.begin <= span.end ? text.substr(span.begin, span.end - span.begin)
                                                               : std::string_view();
    };
    for (const ast::Declaration& d : found->second->declarations) {
      if (const auto* def = std::get_if<ast::DefinitionDecl>(&d)) {
        out[{RuleCause::Kind::Definition, def->name}] = fmt::code_signature(of(def->span));
        if (words != nullptr) (*words)[def->name] = mentioned_names(of(def->span));
      } else if (const auto* source = std::get_if<ast::SourceDecl>(&d)) {
        out[{RuleCause::Kind::Source, source->name}] = fmt::code_signature(of(source->span));
      } else if (const auto* table = std::get_if<ast::TableDecl>(&d)) {
        // The table's bytes, found as the loader read them (relative to the declaring file).
        const std::string where = (std::filesystem::path(file.path()).parent_path() / table->file.value)
                                      .lexically_normal()
                                      .generic_string();
        const auto input = inputs.find(where);
        out[{RuleCause::Kind::Table, table->name}] = input != inputs.end() ? *input->second : where;
      }
    }
  }
  return out;
}

RuleCauses::RuleCauses(const api::Loaded& before, const api::Loaded& after) : sources_after_(after.sources) {
  ParsedTexts parsed;
  const Declarations a = declarations_of(before, nullptr, parsed);
  const Declarations b = declarations_of(after, &definition_words_, parsed);
  for (const auto& [key, signature] : b) {
    const auto found = a.find(key);
    if (found == a.end() || found->second != signature) changed_.insert(key);
  }
}

std::vector<RuleCause> RuleCauses::of(const model::RuleFamily& family) const {
  // Every name the family reaches: its versions' words, then the words of each definition
  // reached, until none is new.
  std::set<std::string> reached;
  std::vector<std::string> pending;
  for (const model::Rule& version : family.versions) {
    for (const std::string& name : mentioned_names(span_text(sources_after_, version.span))) pending.push_back(name);
  }
  while (!pending.empty()) {
    std::string name = std::move(pending.back());
    pending.pop_back();
    if (!reached.insert(name).second) continue;
    const auto words = definition_words_.find(name);
    if (words == definition_words_.end()) continue;
    for (const std::string& next : words->second) pending.push_back(next);
  }
  std::vector<RuleCause> out;
  for (const RuleCause::Kind kind : {RuleCause::Kind::Definition, RuleCause::Kind::Table, RuleCause::Kind::Source}) {
    for (const std::string& name : reached) {
      if (changed_.count({kind, name})) out.push_back(RuleCause{kind, name});
    }
  }
  return out;
}

}  // namespace subsidia::workbench
