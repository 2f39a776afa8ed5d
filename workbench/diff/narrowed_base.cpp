#include "diff/narrowed_base.hpp"

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <map>
#include <set>
#include <sstream>
#include <string>

#include "fmt/lexer.hpp"
#include "fmt/same_meaning.hpp"

namespace subsidia::workbench {

namespace {

namespace fs = std::filesystem;

std::string read_file(const fs::path& path) {
  std::ifstream in(path, std::ios::binary);
  std::ostringstream text;
  text << in.rdbuf();
  return text.str();
}

bool is_identifier_char(char c) {
  return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_';
}

// Whether `text` names `name` as a whole identifier (not as part of a longer one). A search
// for each changed name: the set of every identifier of every rule cost more than the rest of
// the narrowing.
bool names(std::string_view text, std::string_view name) {
  if (name.empty()) return false;
  for (std::size_t at = text.find(name); at != std::string_view::npos; at = text.find(name, at + 1)) {
    const std::size_t end = at + name.size();
    if ((at == 0 || !is_identifier_char(text[at - 1])) && (end == text.size() || !is_identifier_char(text[end])))
      return true;
  }
  return false;
}

bool names_any(std::string_view text, const std::set<std::string>& changed) {
  return std::any_of(changed.begin(), changed.end(), [&](const std::string& n) { return names(text, n); });
}

// Every file but the rule files under a base's folder, by relative path: tables, schema.
std::optional<std::map<std::string, std::string>> other_files(const fs::path& rules) {
  std::error_code ec;
  if (!fs::is_directory(rules, ec)) return std::nullopt;
  std::map<std::string, std::string> out;
  for (auto it = fs::recursive_directory_iterator(rules, ec); !ec && it != fs::recursive_directory_iterator(); it.increment(ec))
    if (it->is_regular_file(ec) && it->path().extension() != ".regles")
      out[fs::relative(it->path(), rules).generic_string()] = read_file(it->path());
  if (ec) return std::nullopt;
  return out;
}

// A base's top-level declarations as written: kind ("règle", "définition", "table", "source",
// anything else) and name, and their raw text (several pieces for a rule's versions).
struct Declaration {
  std::vector<std::string_view> pieces;  // views into the base's source texts
  std::string raw;
};

// Two declarations mean the same when their code signatures (words and string contents,
// without layout or comments) are equal. Most declarations of two bases are byte for byte
// the same: the signature, a lexing of the text, is only made for those that are not.
bool same_code(const Declaration& x, const Declaration& y) {
  if (x.pieces.size() != y.pieces.size()) return false;
  for (std::size_t i = 0; i < x.pieces.size(); ++i)
    if (x.pieces[i] != y.pieces[i] && fmt::code_signature(x.pieces[i]) != fmt::code_signature(y.pieces[i])) return false;
  return true;
}
using Declarations = std::map<std::pair<std::string, std::string>, Declaration>;

std::string canonical_kind(std::string_view w) {
  if (w == "règle" || w == "regle" || w == "rule") return "règle";
  if (w == "définition" || w == "definition" || w == "define") return "définition";
  if (w == "importer" || w == "import") return "importer";
  return std::string(w);
}

bool is_declaration_word(std::string_view w) {
  return w == "importer" || w == "import" || w == "source" || w == "table" || w == "définition" ||
         w == "definition" || w == "define" || w == "règle" || w == "regle" || w == "rule";
}

// Rules and sources are placed by the model (their spans); definitions, tables and import
// lines by their keyword at column 0 (as `subsidia fmt` lays them out), outside any rule or
// source, up to the next declaration. Returns nullopt when a name is declared twice: a reading
// this simple cannot vouch for such a file.
std::optional<Declarations> declarations(const api::Loaded& loaded) {
  Declarations out;
  const diag::SourceSet& sources = loaded.sources;
  const model::RuleBase& base = loaded.engine->rules();
  std::map<diag::FileId, std::vector<diag::SourceSpan>> spans;
  auto text_of = [&](const diag::SourceSpan& span) {
    return std::string_view(sources.file(span.file).text()).substr(span.begin, span.end - span.begin);
  };
  for (const model::RuleFamily& family : base.families) {
    Declaration& d = out[{"règle", family.id}];
    for (const model::Rule& version : family.versions) {
      if (version.span.file >= sources.size()) return std::nullopt;
      const std::string_view raw = text_of(version.span);
      d.pieces.push_back(raw);
      d.raw += raw;
      d.raw += '\n';
      spans[version.span.file].push_back(version.span);
    }
  }
  for (const auto& [name, source] : base.sources) {
    if (source.span.file >= sources.size()) return std::nullopt;
    const std::string_view raw = text_of(source.span);
    out[{"source", name}] = {{raw}, std::string(raw)};
    spans[source.span.file].push_back(source.span);
  }
  for (std::size_t f = 0; f < sources.size(); ++f) {
    const diag::SourceFile& file = sources.file(static_cast<diag::FileId>(f));
    if (fs::path(file.path()).extension() != ".regles") continue;
    const std::string& text = file.text();
    const auto& inside = spans[static_cast<diag::FileId>(f)];
    auto in_span = [&](std::size_t at) {
      return std::any_of(inside.begin(), inside.end(), [&](const diag::SourceSpan& s) { return at >= s.begin && at < s.end; });
    };
    const std::vector<fmt::Token> tokens = fmt::lex(text);
    auto offset = [&](std::size_t i) { return static_cast<std::size_t>(tokens[i].text.data() - text.data()); };
    auto starts = [&](std::size_t i) {
      const std::size_t at = offset(i);
      return tokens[i].kind == fmt::TokenKind::Word && is_declaration_word(tokens[i].text) &&
             (at == 0 || text[at - 1] == '\n') && !in_span(at);
    };
    for (std::size_t i = 0; i < tokens.size(); ++i) {
      if (!starts(i)) continue;
      const std::string kind = canonical_kind(tokens[i].text);
      if (kind == "règle" || kind == "source") return std::nullopt;  // one the model does not place
      std::size_t end = i + 1;
      while (end < tokens.size() && !starts(end) && !in_span(offset(end))) ++end;
      const std::size_t from = offset(i), to = end < tokens.size() ? offset(end) : text.size();
      const std::string_view raw = std::string_view(text).substr(from, to - from);
      std::string name;
      if (i + 1 < tokens.size()) {
        const std::string_view next = tokens[i + 1].text;
        std::size_t n = 0;
        while (n < next.size() && is_identifier_char(next[n])) ++n;
        name = std::string(next.substr(0, n));
      }
      // Import lines and unknown kinds are keyed by their whole text: any change shows.
      if (kind != "définition" && kind != "table") name = std::string(raw);
      // A table read from outside the base's folder is not covered by the file comparison.
      if (kind == "table" && (raw.find("..") != std::string::npos || raw.find("\"/") != std::string::npos))
        return std::nullopt;
      auto [it, inserted] = out.try_emplace({kind, name}, Declaration{{raw}, std::string(raw)});
      if (!inserted && kind != "importer") return std::nullopt;
    }
  }
  return out;
}

}  // namespace

std::optional<NarrowedBase> narrow_after_base(const api::Loaded& before, const api::Loaded& after) {
  const api::Engine& a = *before.engine;
  const api::Engine& b = *after.engine;
  // Tables and schema: byte for byte, or no narrowing.
  if (read_file(a.schema_path()) != read_file(b.schema_path())) return std::nullopt;
  const auto files_a = other_files(a.rules_path()), files_b = other_files(b.rules_path());
  if (!files_a || !files_b || *files_a != *files_b) return std::nullopt;

  const std::optional<Declarations> read_a = declarations(before), read_b = declarations(after);
  if (!read_a || !read_b) return std::nullopt;
  const Declarations& da = *read_a;
  const Declarations& db = *read_b;

  // Names whose declaration differs or exists on one side only.
  std::set<std::string> changed;
  std::set<std::pair<std::string, std::string>> keys;
  for (const auto& [key, value] : da) keys.insert(key);
  for (const auto& [key, value] : db) keys.insert(key);
  for (const auto& key : keys) {
    if (key.first == "règle") continue;
    auto x = da.find(key), y = db.find(key);
    const bool same = x != da.end() && y != db.end() && same_code(x->second, y->second);
    if (same) continue;
    if (key.first == "importer") continue;  // what an import brings shows in its declarations
    if (key.first != "définition" && key.first != "table" && key.first != "source") return std::nullopt;
    changed.insert(key.second);
  }
  // Definitions that name a changed name change with it, until nothing moves.
  for (bool grew = true; grew;) {
    grew = false;
    for (const auto& [key, value] : db) {
      if (key.first != "définition" || changed.count(key.second)) continue;
      if (names_any(value.raw, changed)) {
        changed.insert(key.second);
        grew = true;
      }
    }
  }

  NarrowedBase out;
  const model::RuleBase& rb = b.rules();
  std::size_t affected_count = 0;
  for (const model::RuleFamily& family : rb.families) {
    const Declaration& mine = db.at({"règle", family.id});
    auto theirs = da.find({"règle", family.id});
    bool affected = theirs == da.end() || !same_code(theirs->second, mine);
    if (!affected) {
      affected = names_any(mine.raw, changed);
    }
    out.affected.push_back(affected);
    affected_count += affected ? 1 : 0;
  }
  if (affected_count == rb.families.size()) return std::nullopt;  // nothing to gain
  return out;
}

}  // namespace subsidia::workbench
