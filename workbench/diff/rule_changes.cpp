#include "diff/rule_changes.hpp"

#include <map>
#include <string>

#include "fmt/same_meaning.hpp"

namespace subsidia::workbench {

std::string normalised_family_text(const model::RuleFamily& family, const diag::SourceSet& sources) {
  std::string out;
  for (const model::Rule& version : family.versions) {
    const diag::SourceSpan span = version.span;
    if (span.file >= sources.size()) continue;
    const std::string& text = sources.file(span.file).text();
    out += workbench::fmt::code_signature(std::string_view(text).substr(span.begin, span.end - span.begin));
    out += '\n';
  }
  return out;
}

std::vector<RuleChange> rule_changes(const api::Loaded& before, const api::Loaded& after) {
  std::vector<RuleChange> out;
  const model::RuleBase& a = before.engine->rules();
  const model::RuleBase& b = after.engine->rules();
  std::map<std::string_view, const model::RuleFamily*> in_before;
  for (const model::RuleFamily& family : a.families) in_before[family.id] = &family;
  std::map<std::string_view, bool> in_after;
  for (const model::RuleFamily& family : b.families) {
    in_after[family.id] = true;
    auto found = in_before.find(family.id);
    if (found == in_before.end()) {
      out.push_back({family.id, RuleChangeKind::Added, true, 0});
      continue;
    }
    if (normalised_family_text(*found->second, before.sources) != normalised_family_text(family, after.sources))
      out.push_back({family.id, RuleChangeKind::Changed, true, 0});
  }
  for (const model::RuleFamily& family : a.families)
    if (!in_after.count(family.id)) out.push_back({family.id, RuleChangeKind::Removed, true, 0});
  return out;
}

}  // namespace subsidia::workbench
