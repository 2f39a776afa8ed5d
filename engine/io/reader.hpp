// JSON text -> Dossier, validated against the schema, every error with its JSON path.
//
// Decimals are read from their text (a JSON number's literal, or a string like "12.50"),
// never through a double. Rejected, each with a clear message: malformed JSON, duplicate
// keys, invalid UTF-8, nesting deeper than kMaxDepth, a wrong type, a value outside its
// enum or pattern, a missing required field, an amount with a comma, an exponent or more
// digits than exact arithmetic holds, an impossible date.
#pragma once

#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "io/dossier.hpp"
#include "io/read_error.hpp"
#include "io/schema.hpp"

namespace subsidia::io {

struct ReadOutcome {
  std::optional<Dossier> dossier;   // set when there is no error
  std::vector<InputError> errors;   // every schema error found, or the one syntax error
};

// Not thread-safe: one reader per thread. Reuses its buffers between dossiers.
class DossierReader {
 public:
  static constexpr std::size_t kMaxDepth = 64;

  // The reader, and every dossier it reads, share the schema: a dossier's values point into it
  // (field names, enum values), so it lives as long as they do.
  explicit DossierReader(std::shared_ptr<const schema::Schema> schema);
  ~DossierReader();
  DossierReader(DossierReader&&) noexcept;
  DossierReader& operator=(DossierReader&&) noexcept;

  // `file` and `line` only label the errors and the dossier. `first_line` is the line of the
  // file where the text starts (an element of an array, an object after blank lines), so that
  // the places a message names inside the text are the file's (errors' own `line` stays the
  // text's until io::locate_in_file).
  ReadOutcome read(std::string_view json_text, std::string_view file, std::size_t line = 0, std::size_t first_line = 1);

 private:
  struct Impl;
  std::unique_ptr<Impl> impl_;
};

}  // namespace subsidia::io
