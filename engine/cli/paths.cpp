#include "cli/paths.hpp"

#include <algorithm>
#include <system_error>

namespace subsidia::cli {

namespace fs = std::filesystem;

fs::path executable_dir() {
  std::error_code ec;
  const fs::path exe = fs::read_symlink("/proc/self/exe", ec);
  return ec ? fs::current_path(ec) : exe.parent_path();
}

fs::path data_dir() {
  std::error_code ec;
  const fs::path bin = executable_dir();
  const fs::path installed = (bin / ".." / "share" / "subsidia").lexically_normal();
  if (fs::is_directory(installed / "rules", ec)) return installed;
  // A build folder inside the source tree (build/, build-asan/, …).
  return (bin / "..").lexically_normal();
}

fs::path default_rules_dir() { return data_dir() / "rules"; }
fs::path default_cases_dir() { return data_dir() / "cases"; }

fs::path default_schema_for(const fs::path& rules) {
  std::error_code ec;
  const fs::path folder = fs::is_directory(rules, ec) ? rules : rules.parent_path();
  fs::path beside = folder / "dossier.schema.json";
  if (fs::is_regular_file(beside, ec)) return beside;
  return default_rules_dir() / "dossier.schema.json";
}

std::optional<std::string> output_clobbers_input(const fs::path& output, const std::vector<fs::path>& inputs) {
  if (output.empty()) return std::nullopt;
  std::error_code ec;
  // The folder the output will be written in, resolved as far as it exists.
  const fs::path where = fs::weakly_canonical(fs::absolute(output, ec), ec);
  std::string extension = output.extension().string();
  std::transform(extension.begin(), extension.end(), extension.begin(),
                 [](unsigned char c) { return static_cast<char>(c >= 'A' && c <= 'Z' ? c - 'A' + 'a' : c); });
  const bool read_as_dossier = extension == ".json" || extension == ".jsonl";
  for (const fs::path& input : inputs) {
    std::error_code input_ec;
    if (fs::exists(output, input_ec) && fs::equivalent(output, input, input_ec)) {
      return "le fichier de sortie " + output.string() + " est aussi un fichier lu (" + input.string() +
             ") : il serait remplacé par le rapport. Écrivez la sortie ailleurs.";
    }
    if (!read_as_dossier || !fs::is_directory(input, input_ec)) continue;
    fs::path folder = fs::weakly_canonical(fs::absolute(input, input_ec), input_ec);
    if (input_ec) continue;
    if (folder.filename().empty()) folder = folder.parent_path();  // "cases/": no empty last element
    // Inside the folder, at any depth (folders are read with their subfolders).
    const auto [end, rest] = std::mismatch(folder.begin(), folder.end(), where.begin(), where.end());
    if (end == folder.end()) {
      return "le fichier de sortie " + output.string() + " est dans le dossier lu " + input.string() +
             " : la prochaine lecture le prendrait pour un dossier. Écrivez la sortie hors de ce dossier.";
    }
  }
  return std::nullopt;
}

}  // namespace subsidia::cli
