// Loading a rule base: read the files, parse each, follow imports, check everything, and
// build the immutable model. Every error of every file is reported, sorted by position.
#pragma once

#include <filesystem>
#include <functional>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "diag/diagnostic.hpp"
#include "io/schema.hpp"
#include "model/rule_base.hpp"

namespace subsidia::check {

struct LoadResult {
  diag::SourceSet sources;                        // to print the diagnostics
  std::shared_ptr<const model::RuleBase> base;    // null when there is any error
  std::vector<diag::Diagnostic> diagnostics;
  // Printed, the base still loads: a source no rule cites, a rule id in two files, a period
  // cut to its sources' (diag::Level::Warning), sorted by position.
  std::vector<diag::Diagnostic> warnings;
  // Every file the base was made of (rule files and tables), path as read and content, in
  // reading order: what a fingerprint of the base is computed from.
  std::vector<std::pair<std::string, std::string>> inputs;
};

// `where` is a folder (every *.regles in it, sorted, plus what they import) or one file.
LoadResult load_rule_base(const std::filesystem::path& where, const schema::Schema& schema);

// The same from texts in memory (tests): name -> text; imports resolve among these names.
LoadResult load_rule_base_from_texts(const std::vector<std::pair<std::string, std::string>>& files,
                                     const schema::Schema& schema);

// A file's text by its path (already joined to the importing file's folder), or
// std::nullopt when there is no such file.
using TextReader = std::function<std::optional<std::string>(const std::string& path)>;

// The same with every file, rule file or table, read through `read` and nothing from the
// disk: the fuzz targets load one rule file per input, and an `importer "/dev/zero"` must
// not be read from the machine. `roots` are loaded in order, as a folder's files are.
LoadResult load_rule_base_through(const std::vector<std::string>& roots, const TextReader& read,
                                  const schema::Schema& schema);

}  // namespace subsidia::check
