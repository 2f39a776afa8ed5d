// `subsidia doc`: a static, self-contained website of a rule base (HTML and one CSS file, no
// script, no external resource), for lawyers: an index of the rules by family, a page per
// rule (title, severity, sources with their periods and notes, every version as written with
// the definitions and tables it names linked, its versions on a timeline, the cases that
// exercise it with their statuses, its coverage), a page per source listing the rules citing
// it, a page per definition and per table.
#pragma once

#include <string>
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

struct SiteFile {
  std::string path;  // relative: "index.html", "regles/subventions.reversement.html", "style.css"
  std::string content;
};

// Every page of the site. `loaded` must be ok().
std::vector<SiteFile> build_site(const api::Loaded& loaded, const std::vector<CaseStatuses>& cases);

// Runs every dossier of the cases folder (NAME.json beside NAME.attendu.json) under the base,
// statuses only. Unreadable cases are skipped (subsidia test reports them).
std::vector<CaseStatuses> run_cases(const api::Engine& engine, const std::string& cases_folder);

}  // namespace subsidia::workbench::doc
