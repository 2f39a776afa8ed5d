// A temporary folder with a small rule base (three rules) and helpers to write dossiers
// and run the built `subsidia` binary on them.
//
// The rules, on the real dossier schema:
//   montant.positif        bloquante      montant > 0 €                 (violated: montant "0.00")
//   deliberation.recente   bloquante      si subvention : date >= 2000  (violated: 1999; indéterminée
//                                                                       without deliberation; sans
//                                                                       objet for a cotisation)
//   beneficiaire.identifie avertissement  beneficiaire existe           (violated without beneficiaire)
#pragma once

#include <gtest/gtest.h>

#include <filesystem>
#include <functional>
#include <nlohmann/json.hpp>
#include <string>
#include <vector>

#include "run_process.hpp"

namespace subsidia::testing {

class CliTest : public ::testing::Test {
 protected:
  void SetUp() override;
  void TearDown() override;

  // Writes `text` at dir/relative (folders created) and returns the full path.
  std::filesystem::path write(const std::string& relative, const std::string& text) const;
  // Runs build/subsidia with `args`.
  ProcessResult run(const std::vector<std::string>& args) const;

  // A compliant dossier; `edit` changes it before it is written.
  static nlohmann::json dossier(const std::string& id,
                                const std::function<void(nlohmann::json&)>& edit = {});
  static nlohmann::json non_compliant(const std::string& id);  // montant "0.00"
  static nlohmann::json incomplete(const std::string& id);     // no deliberation

  std::string rules_dir() const { return (dir_ / "rules").string(); }
  const std::filesystem::path& dir() const { return dir_; }

  static const char* const kRules;

 private:
  std::filesystem::path dir_;
};

}  // namespace subsidia::testing
