// libFuzzer target "rule-table": a CSV rule table's bytes through the table reader (engine/csv).
// Thin on purpose: it calls the reader's entry point and nothing else.
#include <cstddef>
#include <cstdint>
#include <string_view>

#include "csv/table.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const std::string_view text(reinterpret_cast<const char*>(data), size);
  const auto result = subsidia::csv::read_table(text);
  (void)result;
  return 0;
}
