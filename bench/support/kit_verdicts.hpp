// The peers kit's view of a result: for R1..R7 of bench/peers/, "pass" (respectee or
// sans_objet) or "fail" (violee). The benchmark format has no third value, so an
// indeterminee verdict or an unreadable dossier is kept apart and written as such: the
// kit's compare.py then reports it as a disagreement instead of it hiding in "fail".
#pragma once

#include <array>
#include <cstdint>
#include <filesystem>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "eval/result.hpp"
#include "model/rule_base.hpp"

namespace subsidia::bench {

inline constexpr std::array<std::string_view, 7> kKitRules = {"R1", "R2", "R3", "R4", "R5", "R6", "R7"};

enum class KitVerdict : std::uint8_t { Fail, Pass, Indeterminate, ReadError };

// Where each kit rule sits in DossierResult::rules (one entry per family, base order).
class KitRuleMap {
 public:
  // std::nullopt (and `missing` set to the absent id) when the base lacks one of R1..R7.
  static std::optional<KitRuleMap> from_base(const model::RuleBase& base, std::string& missing);
  KitVerdict verdict(const eval::DossierResult& result, std::size_t kit_rule) const;

 private:
  std::array<std::size_t, 7> family_index_{};
};

// Per-dossier verdicts in file order: ids[i] and cells[i * 7 + r].
struct KitVerdicts {
  std::vector<std::string> ids;
  std::vector<KitVerdict> cells;

  void resize(std::size_t dossiers);
  std::size_t size() const { return ids.size(); }
  // Dossiers whose verdict on R_r is not "pass" (the kit counts anything but pass as a fail).
  std::array<std::size_t, 7> fails_per_rule() const;
  std::size_t count(KitVerdict verdict) const;
  // One {"id":…,"R1":"pass",…} line per dossier; false when the file cannot be written.
  bool write_jsonl(const std::filesystem::path& file) const;
};

}  // namespace subsidia::bench
