// What moved under a rule whose text did not: the definitions, tables and legal sources the
// rule reaches (by name, or through the definitions it names) whose text, content or dates
// differ between the two bases. `subsidia diff` shows them beside « texte inchangé », so that
// a lawyer sees which definition turned a rule's verdicts, not only that something did.
#pragma once

#include <map>
#include <optional>
#include <string_view>
#include <set>
#include <string>
#include <vector>

#include "api/engine.hpp"
#include "diff/diff_report.hpp"
#include "parse/ast.hpp"

namespace subsidia::workbench {

class RuleCauses {
 public:
  RuleCauses(const api::Loaded& before, const api::Loaded& after);

  // For a family of the "après" base: what changed under it, definitions first, then tables,
  // then sources, each in the order of their names.
  std::vector<RuleCause> of(const model::RuleFamily& family) const;

 private:
  // kind + name -> signature (a declaration's words without layout, or a table's bytes)
  using Declarations = std::map<std::pair<RuleCause::Kind, std::string>, std::string>;
  using DefinitionWords = std::map<std::string, std::set<std::string>>;  // names a definition's text mentions
  // Each distinct file text is parsed once for both bases (the bases own the texts, which
  // outlive the constructor); `words` (when given) gets every definition's names.
  using ParsedTexts = std::map<std::string_view, std::optional<ast::RuleFile>>;
  static Declarations declarations_of(const api::Loaded& loaded, DefinitionWords* words, ParsedTexts& parsed);

  const diag::SourceSet& sources_after_;
  std::set<std::pair<RuleCause::Kind, std::string>> changed_;
  DefinitionWords definition_words_;
};

// The names a rule or definition text mentions: words that are not a field of a path (after a
// '.'), outside comments, and inside strings only within `{…}` placeholders. A variable the
// text binds (`l` in `tous l dans …`, `somme(x dans …)`, `… pour l dans …`) is not a name it
// reaches, even when a definition bears the same name.
std::set<std::string> mentioned_names(std::string_view text);

}  // namespace subsidia::workbench
