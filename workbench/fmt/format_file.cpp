#include "fmt/format_file.hpp"

#include <algorithm>
#include <fstream>
#include <sstream>

#include "diag/diagnostic.hpp"
#include "diag/source.hpp"
#include "fmt/layout.hpp"
#include "fmt/same_meaning.hpp"
#include "parse/parser.hpp"
#include "reports/atomic_file.hpp"

namespace subsidia::workbench::fmt {

namespace fs = std::filesystem;

FileResult format_file(const fs::path& file, bool write) {
  FileResult result;
  std::ifstream in(file, std::ios::binary);
  if (!in) {
    result.outcome = FileOutcome::Error;
    result.error = file.string() + ": erreur : fichier illisible\n";
    return result;
  }
  std::ostringstream buffer;
  buffer << in.rdbuf();
  const std::string original = buffer.str();
  // Lone carriage returns end lines for the parser and for the layout alike: the file is
  // rewritten with line feeds.
  std::string text = original;
  diag::lone_carriage_returns_to_line_feeds(text);

  // A file the parser refuses is never rewritten: its errors, as `check` prints them.
  diag::SourceSet sources;
  const diag::FileId id = sources.add(file.string(), text);
  diag::Checked<ast::RuleFile> parsed = parse::parse_rules(text, id);
  if (!parsed.ok()) {
    result.outcome = FileOutcome::Error;
    result.error = diag::format_diagnostics(sources, parsed.diagnostics);
    if (result.error.empty()) result.error = file.string() + ": erreur : fichier refusé par l'analyseur\n";
    return result;
  }

  // A byte order mark is kept as the file had it, outside the layout (which would take it
  // for text and indent what follows).
  const std::string_view mark = std::string_view(text).substr(0, 3) == "\xEF\xBB\xBF" ? "\xEF\xBB\xBF" : "";
  result.formatted = std::string(mark) + layout(std::string_view(text).substr(mark.size()));
  if (!same_meaning(text, result.formatted)) {
    result.outcome = FileOutcome::Error;
    result.error = file.string() + ": erreur interne : la mise en forme changerait le sens du fichier ; il n'est pas réécrit\n";
    return result;
  }
  if (result.formatted == original) return result;
  result.outcome = FileOutcome::Changed;
  if (write) {
    // The rewritten file keeps the permissions of the one it replaces (the atomic write
    // creates a new file, 0644).
    std::error_code ec;
    const fs::perms permissions = fs::status(file, ec).permissions();
    if (auto failure = reports::write_file_atomically(file, result.formatted)) {
      result.outcome = FileOutcome::Error;
      result.error = file.string() + ": erreur : " + *failure + "\n";
    } else if (!ec) {
      fs::permissions(file, permissions, ec);
    }
  }
  return result;
}

std::vector<fs::path> rule_files(const fs::path& path) {
  std::vector<fs::path> files;
  std::error_code ec;
  if (!fs::is_directory(path, ec)) {
    files.push_back(path);
    return files;
  }
  for (auto it = fs::recursive_directory_iterator(path, ec); !ec && it != fs::recursive_directory_iterator(); it.increment(ec))
    if (it->is_regular_file(ec) && it->path().extension() == ".regles") files.push_back(it->path());
  std::sort(files.begin(), files.end());
  return files;
}

}  // namespace subsidia::workbench::fmt
