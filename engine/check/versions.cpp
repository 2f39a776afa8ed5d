// The versions of each rule: one id may carry several versions, one per wording of the law;
// together they must neither overlap (two texts in force at once) nor leave days between
// them (a day when no version is in force would make every dossier of that day sans objet
// without a word). Then the families, each's versions sorted by period.
#include <algorithm>
#include <map>

#include "check/internal/checker.hpp"

namespace subsidia::check::internal {

namespace {

bool overlap(const model::Period& a, const model::Period& b) {
  if (a.to && b.from && *a.to < *b.from) return false;
  if (b.to && a.from && *b.to < *a.from) return false;
  return true;
}

bool starts_before(const model::Period& a, const model::Period& b) {
  if (!a.from) return b.from.has_value();
  return b.from && *a.from < *b.from;
}

// Indices of the versions of each id, ids in order of their first version.
std::vector<std::pair<std::string, std::vector<std::size_t>>> group_by_id(const std::vector<RuleVersion>& versions) {
  std::vector<std::pair<std::string, std::vector<std::size_t>>> groups;
  std::map<std::string, std::size_t> index;
  for (std::size_t i = 0; i < versions.size(); ++i) {
    const std::string& id = versions[i].rule.id;
    auto found = index.find(id);
    if (found == index.end()) {
      found = index.emplace(id, groups.size()).first;
      groups.push_back({id, {}});
    }
    groups[found->second].second.push_back(i);
  }
  return groups;
}

}  // namespace

void Checker::check_versions(const std::vector<RuleVersion>& versions) {
  for (const auto& [id, list] : group_by_id(versions)) {
    // Versions of one rule belong together: the same id in another file is more often a
    // copied rule left with its old name than a new version, and it would judge the dossiers
    // of its period in place of the first one without a word.
    for (std::size_t j = 1; j < list.size(); ++j) {
      const diag::SourceSpan first = versions[list[0]].id_span;
      const diag::SourceSpan here = versions[list[j]].id_span;
      if (here.file == first.file) continue;
      warn(diag::Code::RuleInSeveralFiles, here,
           "la règle " + id + " est aussi déclarée dans " + sources_.file(first.file).path() +
               " : les deux déclarations sont lues comme des versions d'une même règle",
           "les versions d'une règle dans un même fichier, ou un autre identifiant si c'est une autre règle");
    }
    for (std::size_t j = 1; j < list.size(); ++j) {
      for (std::size_t i = 0; i < j; ++i) {
        const model::Rule& a = versions[list[i]].rule;
        const model::Rule& b = versions[list[j]].rule;
        if (!a.period.bounded() && !b.period.bounded()) {
          error(diag::Code::DuplicateRule, versions[list[j]].id_span, "règle déclarée deux fois : " + id,
                "des versions avec des périodes « en vigueur » disjointes, ou un autre identifiant");
          break;
        }
        if (overlap(a.period, b.period)) {
          error(diag::Code::OverlappingVersions, versions[list[j]].id_span,
                "deux versions de la règle " + id + " sont en vigueur en même temps : « " + b.title + " » (" +
                    model::period_french(b.period) + ") et « " + a.title + " » (" + model::period_french(a.period) + ")",
                "des périodes disjointes : clore la source de la version la plus ancienne la veille du début de "
                "la nouvelle (« en vigueur du … au … » dans sources.regles)");
          break;
        }
      }
    }
    std::vector<std::size_t> sorted = list;
    std::sort(sorted.begin(), sorted.end(),
              [&](std::size_t x, std::size_t y) { return starts_before(versions[x].rule.period, versions[y].rule.period); });
    for (std::size_t k = 1; k < sorted.size(); ++k) {
      const model::Rule& before = versions[sorted[k - 1]].rule;
      const model::Rule& after = versions[sorted[k]].rule;
      if (!before.period.to || !after.period.from) continue;
      if (after.period.from->days_since_epoch() > before.period.to->days_since_epoch() + 1) {
        error(diag::Code::VersionGap, versions[sorted[k]].id_span,
              "aucune version de la règle " + id + " n'est en vigueur entre le " + before.period.to->french() +
                  " (fin de « " + before.title + " ») et le " + after.period.from->french() +
                  " (début de « " + after.title + " ») : un dossier délibéré ces jours-là serait sans objet",
              "des versions qui se suivent sans trou : clore l'ancienne source la veille du début de la nouvelle");
      }
    }
  }
}

void Checker::build_families(std::vector<RuleVersion>&& versions, model::RuleBase& base) {
  for (const auto& [id, list] : group_by_id(versions)) {
    model::RuleFamily family;
    family.id = id;
    for (std::size_t i : list) family.versions.push_back(std::move(versions[i].rule));
    std::stable_sort(family.versions.begin(), family.versions.end(),
                     [](const model::Rule& a, const model::Rule& b) { return starts_before(a.period, b.period); });
    base.families.push_back(std::move(family));
  }
}

}  // namespace subsidia::check::internal
