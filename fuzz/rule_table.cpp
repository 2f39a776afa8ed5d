// libFuzzer target "rule-table": a CSV rule table's bytes through the table reader
// (check/csv.hpp). Thin on purpose: it calls the reader's entry point and nothing else, so
// that a rewrite of the reader only changes this call.
#include <cstddef>
#include <cstdint>
#include <string_view>

#include "check/csv.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const std::string_view text(reinterpret_cast<const char*>(data), size);
  const subsidia::check::CsvResult result = subsidia::check::read_csv(text);
  (void)result;
  return 0;
}
