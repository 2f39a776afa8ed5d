#include "diff/rule_changes.hpp"

#include <map>
#include <string>

#include "fmt/same_meaning.hpp"

namespace subsidia::workbench {

namespace {

std::string_view version_text(const model::Rule& version, const diag::SourceSet& sources) {
  const diag::SourceSpan span = version.span;
  if (span.file >= sources.size()) return {};
  return std::string_view(sources.file(span.file).text()).substr(span.begin, span.end - span.begin);
}

// Whether two families read the same once layout and comments are set aside. Most families
// of two bases are byte for byte the same text: only the others are lexed.
bool same_family_text(const model::RuleFamily& a, const diag::SourceSet& sources_a, const model::RuleFamily& b,
                      const diag::SourceSet& sources_b) {
  if (a.versions.size() != b.versions.size())
    return normalised_family_text(a, sources_a) == normalised_family_text(b, sources_b);
  for (std::size_t i = 0; i < a.versions.size(); ++i) {
    const std::string_view x = version_text(a.versions[i], sources_a), y = version_text(b.versions[i], sources_b);
    if (x != y && workbench::fmt::code_signature(x) != workbench::fmt::code_signature(y)) return false;
  }
  return true;
}

}  // namespace

std::string normalised_family_text(const model::RuleFamily& family, const diag::SourceSet& sources) {
  std::string out;
  for (const model::Rule& version : family.versions) {
    const diag::SourceSpan span = version.span;
    if (span.file >= sources.size()) continue;
    out += workbench::fmt::code_signature(version_text(version, sources));
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
      out.push_back({family.id, RuleChangeKind::Added, true, 0, {}});
      continue;
    }
    if (!same_family_text(*found->second, before.sources, family, after.sources))
      out.push_back({family.id, RuleChangeKind::Changed, true, 0, {}});
  }
  for (const model::RuleFamily& family : a.families)
    if (!in_after.count(family.id)) out.push_back({family.id, RuleChangeKind::Removed, true, 0, {}});
  return out;
}

}  // namespace subsidia::workbench
