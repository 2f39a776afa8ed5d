// The first step of every worker (check, jaune): one input entry read into a dossier, or the
// errors that say why it could not be.
#pragma once

#include <optional>
#include <vector>

#include "pipeline/pipeline.hpp"
#include "io/reader.hpp"

namespace subsidia::pipeline {

// std::nullopt with `errors` filled when the entry is an input error, when the reader
// rejects the text, or when a lower layer throws (a bug: it becomes this dossier's error,
// "erreur interne", and the run goes on).
std::optional<io::Dossier> read_entry(io::DossierReader& reader, InputEntry& entry,
                                      std::vector<io::InputError>& errors);

}  // namespace subsidia::pipeline
