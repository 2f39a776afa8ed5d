// Every dossier judged under two rule bases, and what changes (diff_report.hpp).
//
// Each dossier is read once when both bases share their schema text (twice, once per schema,
// otherwise), evaluated under each base without explanations (eval::Detail::None), and only a
// dossier whose verdict or some rule status differs is evaluated again, with explanations, to
// say why: the cost of a diff stays close to that of one `check --explication aucune` pass.
#pragma once

#include <filesystem>
#include <string>

#include "api/engine.hpp"
#include "diff/diff_report.hpp"
#include "io/inputs.hpp"

namespace subsidia::workbench {

struct BaseUnderDiff {
  const api::Loaded* loaded = nullptr;  // ok()
  std::string label;                    // "rules", "git:HEAD~1"
};

struct DiffSettings {
  // Evaluate under the "après" base only the rule families that can judge differently
  // (narrowed_base.hpp); off, every family is evaluated under both (the tests compare both).
  bool narrow = true;
};

DiffReport diff_from_bases(const BaseUnderDiff& before, const BaseUnderDiff& after, io::InputStream& input,
                           const DiffSettings& settings = {});

}  // namespace subsidia::workbench
