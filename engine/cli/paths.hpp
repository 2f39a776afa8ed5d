// Default locations, found relative to the executable, so that no path of the build machine
// is baked into the binary:
//   - installed: <prefix>/bin/subsidia finds <prefix>/share/subsidia/rules (and cases);
//   - built in the source tree: <source>/build*/subsidia finds <source>/rules (and cases).
// `--regles` defaults to that rules folder even when ./rules exists in the working directory:
// one rule base, the same wherever the command runs. The schema is <regles>/dossier.schema.json,
// else the default rules folder's.
#pragma once

#include <filesystem>
#include <optional>
#include <string>
#include <vector>

namespace subsidia::cli {

std::filesystem::path executable_dir();      // the folder of /proc/self/exe
std::filesystem::path data_dir();            // <prefix>/share/subsidia, or the source tree
std::filesystem::path default_rules_dir();   // <data>/rules
std::filesystem::path default_cases_dir();   // <data>/cases

// The schema to use for `rules` (a folder or one .regles file) when --schema is not given.
std::filesystem::path default_schema_for(const std::filesystem::path& rules);

// Why `output` (-o) must not be written, given the dossiers read from `inputs`, or nothing:
// it is one of the input files (the report would replace the dossiers it was made from), or
// a .json / .jsonl file inside an input folder (the next run would read the report as a
// dossier). Checked before anything is read or written.
std::optional<std::string> output_clobbers_input(const std::filesystem::path& output,
                                                 const std::vector<std::filesystem::path>& inputs);

}  // namespace subsidia::cli
