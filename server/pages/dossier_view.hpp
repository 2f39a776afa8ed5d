// The page of one dossier as a finance officer reads it: the verdict and who judged it (engine
// version, rule base fingerprint), the documents to ask for, the rules that decide first (then
// the others, the « sans objet » folded), each with its status and severity in French, its
// explanation, sources, lawyers' notes and facts, and a plain-text note to paste.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "pages/html.hpp"
#include "store/store.hpp"

namespace subsidia::server::pages {

// The document that carries a missing field ("deliberation.date" -> "la délibération de
// l'organe délibérant (date, organe)").
std::string document_for(std::string_view path);

// <span class="code">LABEL</span> of a verdict code.
std::string verdict_span(std::string_view code);

// An amount of a dossier in French ("48 250,75 €"), or as written when it is not a number.
std::string amount_french(const std::string& amount);

// French of a rule status code ("violee" -> "violée") and of a severity ("bloquante").
std::string_view status_label(std::string_view code);

// The explanation of one check (`result_json`, the dossier's object of `check --format json`):
// the documents to ask for, a plain-text note to paste (naming `engine`, the engine and rule base
// that judged), the rules in reading order, the « sans objet » folded. Shared by the dossier's
// page and the page of one of its versions.
std::string explanation_html(const std::string& result_json, const std::string& id, const std::string& objet,
                             const std::string& verdict, const std::string& engine);

// The table of a dossier's versions, newest first, each a link to its own page.
std::string versions_table(const std::string& id, const std::vector<store::VersionInfo>& versions, std::int64_t current);

// The body of the dossier page (without the layout). `may_amend`: a link to the form;
// `may_delete`: the admin's delete form, with `user`'s CSRF field.
// `fingerprint_in_service`: the rule base the server judges with now; a verdict rendered with
// another is marked as such.
std::string dossier_view(const store::DossierDetail& d, const PageUser& user, bool may_amend, bool may_delete,
                         const std::string& fingerprint_in_service = {});

}  // namespace subsidia::server::pages
