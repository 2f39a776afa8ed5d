// `subsidia doc`: a static, self-contained website of a rule base (HTML and one CSS file, no
// script, no external resource), for lawyers: an index of the rules by family, a page per
// rule (title, severity, sources with their periods and notes, every version as written with
// the definitions and tables it names linked, its versions on a timeline, the cases that
// exercise it with their statuses, its coverage), a page per source listing the rules citing
// it, a page per definition and per table. Every page ends with the receipt `subsidia check`
// ends with: « Moteur subsidia 0.2.0 (commit …), base de règles sha256:… ».
#pragma once

#include <map>
#include <string>
#include <utility>
#include <vector>

#include "api/engine.hpp"
#include "eval/result.hpp"

namespace subsidia::workbench::doc {

// One case of cases/ run under the base: its name and each rule's status, by family id.
struct CaseStatuses {
  std::string name;  // file name without .json
  eval::Verdict verdict = eval::Verdict::Compliant;
  std::vector<std::pair<std::string, eval::RuleStatus>> rules;
};

// The cases run under the base, and the coverage `subsidia test --couverture` computes from
// them (testing::Coverage): per rule, respected and violated by some case; the versions no case
// reaches.
struct SiteCases {
  std::vector<CaseStatuses> cases;
  std::map<std::string, std::pair<bool, bool>> covered;  // rule id → (respectée, violée) by some case
  std::vector<std::string> unexercised_versions;       // as Coverage words them
};

struct SiteFile {
  std::string path;  // relative: "index.html", "regles/subventions.reversement.html", "style.css"
  std::string content;
};

// Every page of the site. `loaded` must be ok().
std::vector<SiteFile> build_site(const api::Loaded& loaded, const SiteCases& cases);

// Runs every dossier of the cases folder (NAME.json beside NAME.attendu.json) under the base,
// statuses only. Unreadable cases are skipped (subsidia test reports them).
SiteCases run_cases(const api::Engine& engine, const std::string& cases_folder);

}  // namespace subsidia::workbench::doc
