#include "pipeline/read_entry.hpp"

#include <exception>
#include <string>

namespace subsidia::pipeline {

std::optional<io::Dossier> read_entry(io::DossierReader& reader, InputEntry& entry,
                                      std::vector<io::InputError>& errors) {
  if (auto* error = std::get_if<io::InputError>(&entry)) {
    errors.push_back(std::move(*error));
    return std::nullopt;
  }
  const io::InputItem& item = std::get<io::InputItem>(entry);
  try {
    io::ReadOutcome read = reader.read(item.text, item.file, item.line, item.first_line);
    if (read.dossier) return std::move(read.dossier);
    errors = std::move(read.errors);
    if (errors.empty()) errors.push_back({item.file, item.line, "", "dossier illisible", "", io::ReadCode::InternalError});
    io::locate_in_file(item, errors);
  } catch (const std::exception& e) {
    errors.push_back({item.file, item.line, "", std::string("erreur interne : ") + e.what(), "", io::ReadCode::InternalError});
  }
  return std::nullopt;
}

}  // namespace subsidia::pipeline
