// Jaune entries kept as bytes in one buffer, for a caller that extracts the facts of every
// dossier and needs few of them back (`subsidia diff` rebuilds the jaune only of the exercices
// where a verdict moved). One JauneEntry is some fifteen strings and vectors on the heap, half a
// kilobyte with them; ten thousand of them scattered in memory slowed the evaluation that went
// on beside them. Here an entry is appended to one growing buffer and read back, field for
// field, as it was given.
#pragma once

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "decimal/decimal.hpp"
#include "reports/jaune_entry.hpp"

namespace subsidia::reports {

class PackedEntries {
 public:
  void add(const JauneEntry& entry);
  std::size_t size() const { return offsets_.size(); }
  // The entry as it was added.
  JauneEntry entry(std::size_t i) const;
  // Its first fields alone, without unpacking the rest; `id` views this buffer.
  struct Head {
    std::string_view id;
    std::optional<int> exercice;
    decimal::Decimal montant;
  };
  Head head(std::size_t i) const;

 private:
  std::string bytes_;
  std::vector<std::size_t> offsets_;
};

}  // namespace subsidia::reports
