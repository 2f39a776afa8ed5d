#include "cli/paths.hpp"

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

}  // namespace subsidia::cli
