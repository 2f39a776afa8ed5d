// Loading a rule base: read the files, parse each, follow imports, check everything, and
// build the immutable model. Every error of every file is reported, sorted by position.
#pragma once

#include <filesystem>
#include <memory>
#include <vector>

#include "diag/diagnostic.hpp"
#include "io/schema.hpp"
#include "model/rule_base.hpp"

namespace subsidia::check {

struct LoadResult {
  diag::SourceSet sources;                        // to print the diagnostics
  std::shared_ptr<const model::RuleBase> base;    // null when there is any error
  std::vector<diag::Diagnostic> diagnostics;
  // Every file the base was made of (rule files and tables), path as read and content, in
  // reading order: what a fingerprint of the base is computed from.
  std::vector<std::pair<std::string, std::string>> inputs;
};

// `where` is a folder (every *.regles in it, sorted, plus what they import) or one file.
LoadResult load_rule_base(const std::filesystem::path& where, const schema::Schema& schema);

// The same from texts in memory (tests): name -> text; imports resolve among these names.
LoadResult load_rule_base_from_texts(const std::vector<std::pair<std::string, std::string>>& files,
                                     const schema::Schema& schema);

}  // namespace subsidia::check
