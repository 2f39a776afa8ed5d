// AST of every file of a rule base -> the immutable model, in named stages (names, paths,
// types, dates and versions, templates), every error collected.
#pragma once

#include <functional>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "diag/diagnostic.hpp"
#include "io/schema.hpp"
#include "model/rule_base.hpp"
#include "parse/ast.hpp"

namespace subsidia::check {

struct ParsedFile {
  std::string path;  // as loaded: tables are relative to its folder
  ast::RuleFile ast;
};

// Reads a table's file (path already made relative to the declaring file's folder);
// std::nullopt when it cannot be read.
using FileReader = std::function<std::optional<std::string>(const std::string& path)>;

struct ModelResult {
  std::shared_ptr<const model::RuleBase> base;  // null when there is any error
  std::vector<diag::Diagnostic> diagnostics;
  std::vector<diag::Diagnostic> warnings;  // the base loads with these (diag::Level::Warning)
};

ModelResult model_from_ast(const std::vector<ParsedFile>& files, const diag::SourceSet& sources,
                           const schema::Schema& schema, const FileReader& read_file);

}  // namespace subsidia::check
