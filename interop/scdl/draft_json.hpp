// A DossierDraft as the JSON dossier the reader validates against rules/dossier.schema.json
// (one line, no trailing newline). Amounts are JSON strings of their exact decimal ("10000.00").
#pragma once

#include <string>

#include "scdl/draft.hpp"

namespace subsidia::interop::scdl {

void append_draft_json(std::string& out, const DossierDraft& draft);

}  // namespace subsidia::interop::scdl
