// The form of a whole dossier for people who do not write JSON: one labelled field for each fact
// the rules read (deliberation, beneficiary, action, conventions, financing plan, imputation,
// jaune…), grouped as the documents a finance officer holds, choices in French, amounts and
// dates as people type them (« 12 000,50 € », « 05/03/2019 »). What the form has no field for
// stays in a last box « autres champs » (a JSON object), merged with the fields; a fact given in
// both is refused rather than one silently winning.
#pragma once

#include <functional>
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "io/read_error.hpp"
#include "pages/html.hpp"

namespace subsidia::server::pages {

struct DossierForm {
  std::map<std::string, std::string> values;  // form field name ("deliberation.date") -> as typed
  std::string complement;                     // the « autres champs » box, a JSON object or ""
  std::string version;                        // the version the form was filled from (modification only)
  // The id of the dossier amended, as stored: written as it is, where a typed id loses the blanks
  // at its ends (a dossier stored with them through the API must still be found).
  std::optional<std::string> amended_id;
  const std::string& value(const std::string& field) const;
};

struct FieldErrors {
  std::map<std::string, std::vector<std::string>> by_field;  // form field -> messages
  std::vector<std::string> general;
};

// Every field of the form, from the request's parameters (`param` returns "" when absent).
DossierForm form_from_params(const std::function<std::string(const std::string&)>& param);

// The dossier's JSON text, or the errors that stop it being made (a malformed « autres
// champs », a fact given twice, a convention described and said absent).
std::optional<std::string> json_from_form(const DossierForm& form, FieldErrors& errors);

// The form of a stored dossier: each fact in its field, the rest in « autres champs ».
DossierForm form_from_content(const std::string& content);

// The reader's errors under the fields they are about (JSON pointer -> field), the others under
// « autres champs » or at the top.
FieldErrors errors_by_field(const std::vector<io::InputError>& errors);

// A JSON pointer in the rules' notation, as the pages name facts: "/financement/plan/0/part" ->
// "financement.plan[0].part".
std::string path_of_pointer(std::string_view pointer);

// <ul class="erreur"> of a field's messages, or "".
std::string field_errors_html(const FieldErrors& errors, const std::string& field);

// The whole form. `amend`: the id is read-only and the version travels hidden.
std::string dossier_form_html(const PageUser& user, const std::string& action, const DossierForm& form,
                              const FieldErrors& errors, bool amend);

// The label of the form's field for a fact at `path` in the rules' notation ("deliberation.date",
// "financement.plan[2].part" -> « Part (0,20 ou 20 %) (ligne 3) »); nullopt when the form has no
// field for it (the fact is in « autres champs »).
std::optional<std::string> field_label(std::string_view path);

// The French label of a choice of the form's field at `path` ("action.nature", "cooperation" ->
// « Coopération décentralisée »); nullopt when the field offers no such choice.
std::optional<std::string> choice_label(std::string_view path, std::string_view value);

// « 12 000,50 € » -> "12000.50"; a text that is not written that way is returned as typed (the
// reader then says what is wrong with it).
std::string amount_as_typed_to_json(std::string_view typed);
// « 05/03/2019 » -> "2019-03-05"; other texts as typed.
std::string date_as_typed_to_json(std::string_view typed);

}  // namespace subsidia::server::pages
