// Where a rule base of `subsidia diff` comes from: a folder as it is, or `git:REV`, the
// repository's rules/ at a revision, extracted into a temporary folder that lives as long as
// the MaterialisedBase (removed by its destructor).
#pragma once

#include <filesystem>
#include <optional>
#include <string>
#include <string_view>

namespace subsidia::workbench {

class MaterialisedBase {
 public:
  MaterialisedBase() = default;
  MaterialisedBase(const MaterialisedBase&) = delete;
  MaterialisedBase& operator=(const MaterialisedBase&) = delete;
  MaterialisedBase(MaterialisedBase&& other) noexcept;
  MaterialisedBase& operator=(MaterialisedBase&& other) noexcept;
  ~MaterialisedBase();

  std::filesystem::path rules;  // the folder to load (its dossier.schema.json comes with it)
  std::string label;            // as the user wrote it: "rules", "git:HEAD~3"

  // A message about the base's files with the temporary folder of a git base written as git
  // names the files ("HEAD~3:rules/sources.regles:12:5"); unchanged for a folder.
  std::string shown(std::string message) const;

 private:
  friend struct BaseMaterialiser;
  std::filesystem::path temporary_;  // removed on destruction; empty for a plain folder
};

struct BaseOrError {
  std::optional<MaterialisedBase> base;
  std::string error;  // French, when `base` is empty
};

// `spec` is a folder (or one .regles file), or "git:REV": rules/ of the git repository that
// contains `repository` (the current folder for the CLI), at REV, by `git archive`.
BaseOrError materialise_base(std::string_view spec, const std::filesystem::path& repository);

}  // namespace subsidia::workbench
