#include "fixture.hpp"

#include <algorithm>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <sstream>

#include "check/load.hpp"
#include "diag/utf8.hpp"
#include "io/reader.hpp"

namespace subsidia::fuzz {

namespace {

namespace fs = std::filesystem;

std::string slurp(const fs::path& file) {
  std::ifstream in(file, std::ios::binary);
  std::ostringstream text;
  text << in.rdbuf();
  return text.str();
}

// A broken fixture is a broken harness, not a finding: say so and stop.
[[noreturn]] void fail(const std::string& message) {
  std::fprintf(stderr, "fuzz fixture: %s\n", message.c_str());
  std::exit(2);
}

Fixture load_fixture() {
  const fs::path source(SUBSIDIA_SOURCE_DIR);
  Fixture f{schema::Schema::load(source / "rules" / "dossier.schema.json"), {}, nullptr, {}};
  for (const auto& entry : fs::recursive_directory_iterator(source / "rules")) {
    const fs::path ext = entry.path().extension();
    if (entry.is_regular_file() && (ext == ".regles" || ext == ".csv")) {
      const fs::path relative = fs::relative(entry.path(), source);
      f.rule_files[relative.generic_string()] = slurp(entry.path());
    }
  }
  const check::LoadResult loaded = check::load_rule_base(source / "rules", f.schema);
  if (!loaded.base) fail("the rule base of rules/ does not load");
  f.plan = std::make_shared<const eval::Plan>(loaded.base);

  std::vector<fs::path> case_files;
  for (const auto& entry : fs::directory_iterator(source / "cases")) {
    const std::string name = entry.path().filename().string();
    if (entry.path().extension() == ".json" && name.find(".attendu.") == std::string::npos) {
      case_files.push_back(entry.path());
    }
  }
  std::sort(case_files.begin(), case_files.end());
  io::DossierReader reader(schema::unowned(f.schema));
  for (const fs::path& file : case_files) {
    io::ReadOutcome read = reader.read(slurp(file), file.filename().string());
    if (!read.dossier) fail("case " + file.string() + " does not read");
    f.cases.push_back(std::move(*read.dossier));
  }
  return f;
}

}  // namespace

const Fixture& fixture() {
  static const Fixture f = load_fixture();
  return f;
}

void require_utf8(std::string_view text, std::string_view what) {
  if (const std::optional<std::size_t> bad = diag::first_invalid_utf8(text)) {
    std::fprintf(stderr, "invalid UTF-8 at byte %zu of %.*s:\n%.*s\n", *bad, static_cast<int>(what.size()),
                 what.data(), static_cast<int>(text.size()), text.data());
    std::abort();
  }
}

}  // namespace subsidia::fuzz
