// Dossier ids seen in one run, to report the same id given twice with both places. Kept
// compact for runs of millions of dossiers: a 64-bit fingerprint of the id and its place
// (file number, line or array position), 24 bytes a dossier in an open-addressing table;
// the ids themselves are not stored (two different ids sharing a fingerprint, about one
// chance in 10^7 for a million dossiers, would be reported as the same).
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace subsidia::io {

class IdRegistry {
 public:
  struct Place {
    std::string file;
    std::size_t line = 0;   // JSONL line or line where an array element starts; 0: the whole file
  };

  // Records `id` at `place`; returns the place where it was first seen, if it was.
  std::optional<Place> record(std::string_view id, const Place& place);

  std::size_t size() const { return used_; }

 private:
  struct Slot {
    std::uint64_t fingerprint = 0;  // 0: empty (a zero fingerprint is stored as 1)
    std::uint32_t file = 0;
    std::uint32_t line = 0;
  };
  void grow();
  std::vector<Slot> slots_;
  std::vector<std::string> files_;  // distinct file names, in order of appearance
  std::size_t used_ = 0;
};

}  // namespace subsidia::io
