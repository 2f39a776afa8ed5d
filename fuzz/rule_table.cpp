// libFuzzer target "rule-table": a CSV rule table's bytes through the table reader. Thin on
// purpose: it calls the reader's entry point and nothing else. The integrator is replacing
// check/csv.hpp (read_csv) by the csv/ layer (read_table); whichever is there is fuzzed.
#include <cstddef>
#include <cstdint>
#include <string_view>

#if __has_include("csv/table.hpp")
#include "csv/table.hpp"
#else
#include "check/csv.hpp"
#endif

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const std::string_view text(reinterpret_cast<const char*>(data), size);
#if __has_include("csv/table.hpp")
  const auto result = subsidia::csv::read_table(text);
#else
  const auto result = subsidia::check::read_csv(text);
#endif
  (void)result;
  return 0;
}
