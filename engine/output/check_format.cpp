#include "output/check_format.hpp"

#include <algorithm>
#include <cctype>
#include <charconv>
#include <optional>

#include "output/json_writer.hpp"
#include "model/rule_base.hpp"

namespace subsidia::output {

namespace {

using eval::RuleStatus;

std::string_view severity_code(model::Severity severity) {
  return severity == model::Severity::Blocking ? "bloquante" : "avertissement";
}

std::string uppercase_ascii(std::string_view text) {
  std::string out(text);
  for (char& c : out) c = static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
  return out;
}

void append_count(std::string& out, std::size_t n, std::string_view singular, std::string_view plural) {
  out += std::to_string(n);
  out += ' ';
  out += n > 1 ? plural : singular;
}

void append_label(std::string& out, const DossierLabel& label) {
  out += label.file;
  if (label.line > 0) {
    out += ':';
    out += std::to_string(label.line);
  }
}

// A rule is shown in texte without --detail when a person has something to do about it, or
// when its status carries a reservation (a deliberation on a day when a text's being in force
// is disputed): a *conforme* that rests on one reading of the date must say so (domain.md:
// "that caveat must reach the reader").
bool worth_showing(const eval::RuleOutcome& rule) {
  return rule.status == RuleStatus::Violated || rule.status == RuleStatus::Unknown || !rule.caveats.empty();
}

void append_list_text(std::string& out, const std::vector<std::string>& items, std::string_view separator) {
  for (std::size_t i = 0; i < items.size(); ++i) {
    if (i > 0) out += separator;
    out += items[i];
  }
}

// "versions possibles selon la date de la délibération : « titre » (en vigueur …) ; « … » (…)"
std::string possible_versions_title(const eval::RuleOutcome& rule) {
  std::string out = "versions possibles selon la date de la délibération : ";
  for (std::size_t i = 0; i < rule.possible_versions.size(); ++i) {
    if (i > 0) out += " ; ";
    out += "« " + rule.possible_versions[i]->title + " » (" + model::period_french(rule.possible_versions[i]->period) + ")";
  }
  return out;
}

// Texts that come from a dossier (a name, an objet) may hold line breaks or tabs: in texte
// each item of a rule is one line, so they are written as a space there (JSON keeps them).
void append_on_one_line(std::string& out, std::string_view text) {
  for (const char c : text) out += (static_cast<unsigned char>(c) < 0x20 || c == '\x7f') ? ' ' : c;
}

void append_rule_text(std::string& out, const eval::RuleOutcome& rule) {
  out += "  - ";
  out += rule.id;
  if (!rule.possible_versions.empty()) {
    out += " : ";
    out += possible_versions_title(rule);
  } else if (rule.rule && !rule.rule->title.empty()) {
    out += " : ";
    out += rule.rule->title;
  }
  out += " [";
  out += eval::status_french(rule.status);
  if (rule.rule) {
    out += ", ";
    out += severity_code(rule.rule->severity);
  }
  out += "]\n";
  if (!rule.explanation.empty()) {
    out += "      ";
    append_on_one_line(out, rule.explanation);
    out += '\n';
  }
  // A reservation on the date is joined to the explanation when one is built; at the levels that
  // build none for a respected rule, the rule is still shown for it, and it must be read (domain.md:
  // "that caveat must reach the reader"; review 31: texte at echecs showed the rule without it).
  for (const std::string& caveat : rule.caveats) {
    if (rule.explanation.find(caveat) != std::string::npos) continue;
    out += "      ";
    append_on_one_line(out, caveat);
    out += '\n';
  }
  std::vector<const model::Rule*> cited = rule.possible_versions;
  if (cited.empty() && rule.rule && rule.status != RuleStatus::NotApplicable) cited.push_back(rule.rule);
  std::vector<std::string> notes;
  for (const model::Rule* version : cited) {
    const std::string citation = version->citation();
    if (!citation.empty()) {
      out += "      Source : ";
      out += citation;
      out += '\n';
    }
    for (std::string& note : version->notes()) {
      if (std::find(notes.begin(), notes.end(), note) == notes.end()) notes.push_back(std::move(note));
    }
  }
  for (const std::string& note : notes) {
    out += "      Note : ";
    out += note;
    out += '\n';
  }
  if (!rule.missing.empty()) {
    out += "      Manquant";
    if (rule.missing.size() > 1) out += 's';
    out += " : ";
    for (std::size_t i = 0; i < rule.missing.size(); ++i) {
      if (i > 0) out += ", ";
      out += rule.missing[i];
    }
    out += '\n';
  }
  if (!rule.facts.empty()) {  // the facts behind every rule shown: a verdict names what it used
    out += "      Faits : ";
    for (std::size_t i = 0; i < rule.facts.size(); ++i) {
      if (i > 0) out += " ; ";
      out += rule.facts[i].path;
      out += " = ";
      append_on_one_line(out, rule.facts[i].value);
    }
    out += '\n';
  }
}

void append_optional_date(std::string& out, const std::optional<calendar::Date>& date) {
  if (date) {
    json::append_string(out, date->iso());
  } else {
    out += "null";
  }
}

void append_period_json(std::string& out, const model::Period& period) {
  out += '{';
  json::append_key(out, "du");
  append_optional_date(out, period.from);
  out += ',';
  json::append_key(out, "au");
  append_optional_date(out, period.to);
  out += '}';
}

void append_strings_json(std::string& out, const std::vector<std::string>& items) {
  out += '[';
  for (std::size_t i = 0; i < items.size(); ++i) {
    if (i > 0) out += ',';
    json::append_string(out, items[i]);
  }
  out += ']';
}

RuleJsonCache::Fields render_fixed_fields(const model::Rule& rule) {
  RuleJsonCache::Fields fields;
  json::append_key(fields.title, "titre");
  json::append_string(fields.title, rule.title);
  json::append_key(fields.severity, "gravite");
  json::append_string(fields.severity, severity_code(rule.severity));
  json::append_key(fields.source, "source");
  json::append_string(fields.source, rule.citation());
  fields.source += ',';
  json::append_key(fields.source, "periode");
  append_period_json(fields.source, rule.period);
  fields.source += ',';
  json::append_key(fields.source, "notes");
  append_strings_json(fields.source, rule.notes());
  return fields;
}

// The fixed fields of a rule whose version could not be chosen: one entry per version.
RuleJsonCache::Fields render_possible_versions(const eval::RuleOutcome& rule) {
  RuleJsonCache::Fields fields;
  json::append_key(fields.title, "titre");
  json::append_string(fields.title, possible_versions_title(rule));
  json::append_key(fields.severity, "gravite");
  const bool blocking = std::any_of(rule.possible_versions.begin(), rule.possible_versions.end(),
                                    [](const model::Rule* r) { return r->severity == model::Severity::Blocking; });
  json::append_string(fields.severity, severity_code(blocking ? model::Severity::Blocking : model::Severity::Warning));
  std::string citations;
  model::Period span;
  std::vector<std::string> notes;
  std::string versions = "[";
  for (std::size_t i = 0; i < rule.possible_versions.size(); ++i) {
    const model::Rule& v = *rule.possible_versions[i];
    citations += (i ? " | " : "") + v.citation();
    if (i == 0 || (span.from && (!v.period.from || *v.period.from < *span.from))) span.from = v.period.from;
    if (i == 0 || (span.to && (!v.period.to || *span.to < *v.period.to))) span.to = v.period.to;
    for (std::string& note : v.notes()) {
      if (std::find(notes.begin(), notes.end(), note) == notes.end()) notes.push_back(std::move(note));
    }
    const RuleJsonCache::Fields one = render_fixed_fields(v);
    versions += i ? ",{" : "{";
    versions += one.title + "," + one.source + "}";
  }
  versions += "]";
  json::append_key(fields.source, "source");
  json::append_string(fields.source, citations);
  fields.source += ',';
  json::append_key(fields.source, "periode");
  append_period_json(fields.source, span);
  fields.source += ',';
  json::append_key(fields.source, "notes");
  append_strings_json(fields.source, notes);
  fields.source += ',';
  json::append_key(fields.source, "versions_possibles");
  fields.source += versions;
  return fields;
}

// The constant keys are written as literals with their punctuation (the same bytes
// append_key would give: none needs an escape); only data goes through the escaper.
void append_rule_json(std::string& out, const eval::RuleOutcome& rule, RuleJsonCache* cache) {
  std::optional<RuleJsonCache::Fields> uncached;
  const RuleJsonCache::Fields* fixed = nullptr;
  if (!rule.possible_versions.empty()) {
    uncached = render_possible_versions(rule);
    fixed = &*uncached;
  } else if (rule.rule) {
    if (cache) {
      fixed = &cache->fields(*rule.rule);
    } else {
      uncached = render_fixed_fields(*rule.rule);
      fixed = &*uncached;
    }
  }
  out += "{\"id\":";
  json::append_string(out, rule.id);
  out += ',';
  if (fixed) {
    out += fixed->title;
  } else {
    out += "\"titre\":\"\"";
  }
  out += ",\"statut\":";
  json::append_string(out, eval::status_code(rule.status));
  if (fixed) {
    out += ',';
    out += fixed->severity;
  }
  out += ",\"explication\":";
  json::append_string(out, rule.explanation);
  out += ',';
  if (fixed) {
    out += fixed->source;
  } else {
    out += "\"source\":\"\"";
  }
  out += ",\"faits\":{";
  for (std::size_t i = 0; i < rule.facts.size(); ++i) {
    if (i > 0) out += ',';
    json::append_key(out, rule.facts[i].path);
    json::append_string(out, rule.facts[i].value);
  }
  out += "},\"manquants\":";
  append_strings_json(out, rule.missing);
  out += ",\"reserves\":";
  append_strings_json(out, rule.caveats);
  out += '}';
}

}  // namespace

const RuleJsonCache::Fields& RuleJsonCache::fields(const model::Rule& rule) {
  auto found = cache_.find(&rule);
  if (found == cache_.end()) found = cache_.emplace(&rule, render_fixed_fields(rule)).first;
  return found->second;
}

void CheckTally::count(eval::Verdict verdict) {
  switch (verdict) {
    case eval::Verdict::Compliant: ++compliant; break;
    case eval::Verdict::NonCompliant: ++non_compliant; break;
    case eval::Verdict::Incomplete: ++incomplete; break;
  }
}

void append_dossier_text(std::string& out, const eval::DossierResult& result, const DossierLabel& label,
                         bool detail) {
  out += "DOSSIER ";
  out += result.id.empty() ? std::string_view("(sans id)") : std::string_view(result.id);
  out += " (";
  append_label(out, label);
  out += ") : ";
  out += uppercase_ascii(eval::verdict_french(result.verdict));
  out += '\n';
  if (!result.unknown_fields.empty()) {
    out += "  Champs inconnus du schéma, lus par aucune règle (vérifier leur orthographe) : ";
    append_list_text(out, result.unknown_fields, ", ");
    out += ". Tant qu'ils ne sont pas corrigés ou retirés, le dossier ne peut être dit conforme : une faute "
           "de frappe y cacherait un fait.\n";
  }
  std::size_t respected = 0, not_applicable = 0;
  for (const eval::RuleOutcome& rule : result.rules) {
    if (detail || worth_showing(rule)) {
      append_rule_text(out, rule);
      continue;
    }
    if (rule.status == RuleStatus::Respected) ++respected;
    if (rule.status == RuleStatus::NotApplicable) ++not_applicable;
  }
  if (!detail && (respected > 0 || not_applicable > 0)) {
    out += "  ";
    append_count(out, respected, "règle respectée", "règles respectées");
    out += ", ";
    append_count(out, not_applicable, "sans objet", "sans objet");
    out += '\n';
  }
  if (!result.missing.empty()) {
    out += "  Pièces et informations à demander : ";
    append_list_text(out, result.missing, ", ");
    out += '\n';
  }
  out += '\n';  // a blank line between dossiers, for the eye
}

void append_error_text(std::string& out, const io::InputError& error) {
  out += error.file;
  if (error.line > 0) {
    out += ':';
    out += std::to_string(error.line);
  }
  out += ": ";
  if (!error.json_path.empty()) {
    out += error.json_path;
    out += " : ";
  }
  out += error.message;
  if (!error.dossier_id.empty()) {
    out += " (dossier ";
    out += error.dossier_id;
    out += ')';
  }
  out += '\n';
}

void append_summary_text(std::string& out, const CheckTally& tally) {
  const std::size_t dossiers = tally.compliant + tally.non_compliant + tally.incomplete;
  out += "Résumé : ";
  append_count(out, dossiers, "dossier vérifié", "dossiers vérifiés");
  out += " : ";
  append_count(out, tally.compliant, "conforme", "conformes");
  out += ", ";
  append_count(out, tally.non_compliant, "non conforme", "non conformes");
  out += ", ";
  append_count(out, tally.incomplete, "incomplet", "incomplets");
  out += " ; ";
  // Dossiers in = verdicts + entries without one: a dossier missing five fields is one
  // dossier not read, with five errors (review 19: the summary counted messages only).
  if (tally.unreadable > 0) {
    append_count(out, tally.unreadable, "dossier ou fichier illisible", "dossiers ou fichiers illisibles");
    out += " (";
    append_count(out, tally.errors, "erreur de lecture", "erreurs de lecture");
    out += ')';
  } else {
    append_count(out, tally.errors, "erreur de lecture", "erreurs de lecture");
  }
  out += '\n';
}

void append_dossier_json(std::string& out, const eval::DossierResult& result, const DossierLabel& label,
                         RuleJsonCache* cache) {
  out += '{';
  json::append_key(out, "id");
  json::append_string(out, result.id);
  out += ',';
  json::append_key(out, "fichier");
  json::append_string(out, label.file);
  if (label.line > 0) {
    out += ',';
    json::append_key(out, "ligne");
    json::append_integer(out, label.line);
  }
  out += ',';
  json::append_key(out, "verdict");
  json::append_string(out, eval::verdict_code(result.verdict));
  out += ',';
  json::append_key(out, "manquants");
  append_strings_json(out, result.missing);
  out += ',';
  json::append_key(out, "champs_inconnus");
  append_strings_json(out, result.unknown_fields);
  out += ',';
  json::append_key(out, "regles");
  out += '[';
  for (std::size_t i = 0; i < result.rules.size(); ++i) {
    if (i > 0) out += ',';
    append_rule_json(out, result.rules[i], cache);
  }
  out += "]}";
}

void append_error_json(std::string& out, const io::InputError& error) {
  out += '{';
  json::append_key(out, "code");
  json::append_string(out, io::read_code_name(error.code));
  out += ',';
  json::append_key(out, "fichier");
  json::append_string(out, error.file);
  out += ',';
  json::append_key(out, "ligne");
  if (error.line > 0) {
    json::append_integer(out, error.line);
  } else {
    out += "null";
  }
  out += ',';
  json::append_key(out, "chemin");
  json::append_string(out, error.json_path);
  out += ',';
  json::append_key(out, "message");
  json::append_string(out, error.message);
  if (!error.dossier_id.empty()) {
    out += ',';
    json::append_key(out, "dossier");
    json::append_string(out, error.dossier_id);
  }
  out += '}';
}

void append_summary_json(std::string& out, const CheckTally& tally) {
  out += '{';
  json::append_key(out, "conforme");
  json::append_integer(out, tally.compliant);
  out += ',';
  json::append_key(out, "non_conforme");
  json::append_integer(out, tally.non_compliant);
  out += ',';
  json::append_key(out, "incomplet");
  json::append_integer(out, tally.incomplete);
  out += ',';
  json::append_key(out, "erreurs");
  json::append_integer(out, tally.errors);
  out += ',';
  json::append_key(out, "illisibles");
  json::append_integer(out, tally.unreadable);
  out += '}';
}

void append_receipt_json(std::string& out, const api::Receipt& receipt) {
  out += "{\"version\":";
  json::append_string(out, receipt.version);
  out += ",\"commit\":";
  json::append_string(out, receipt.commit);
  out += ",\"empreinte_regles\":";
  json::append_string(out, receipt.fingerprint);
  out += '}';
}

void append_receipt_text(std::string& out, const api::Receipt& receipt) {
  out += "Moteur subsidia ";
  out += receipt.version;
  out += " (commit ";
  out += receipt.commit;
  out += "), base de règles ";
  out += receipt.fingerprint;
  out += '\n';
}

void append_jsonl_header(std::string& out, const api::Receipt& receipt, const model::RuleBase& base) {
  out += "{\"moteur\":";
  append_receipt_json(out, receipt);
  out += ",\"statuts\":{\"R\":\"respectee\",\"V\":\"violee\",\"I\":\"indeterminee\",\"S\":\"sans_objet\"}";
  out += ",\"regles\":[";
  for (std::size_t f = 0; f < base.families.size(); ++f) {
    const model::RuleFamily& family = base.families[f];
    if (f > 0) out += ',';
    out += "{\"id\":";
    json::append_string(out, family.id);
    out += ",\"versions\":[";
    for (std::size_t v = 0; v < family.versions.size(); ++v) {
      if (v > 0) out += ',';
      const RuleJsonCache::Fields fields = render_fixed_fields(family.versions[v]);
      out += '{';
      out += fields.title;
      out += ',';
      out += fields.severity;
      out += ',';
      out += fields.source;
      out += '}';
    }
    out += "]}";
  }
  out += "]}\n";
}

namespace {

char status_letter(RuleStatus status) {
  switch (status) {
    case RuleStatus::Respected: return 'R';
    case RuleStatus::Violated: return 'V';
    case RuleStatus::Unknown: return 'I';
    case RuleStatus::NotApplicable: return 'S';
  }
  return '?';
}

}  // namespace

void append_dossier_jsonl(std::string& out, const eval::DossierResult& result, const DossierLabel& label,
                          const model::RuleBase& base, bool not_applicable) {
  out += "{\"id\":";
  json::append_string(out, result.id);
  out += ",\"fichier\":";
  json::append_string(out, label.file);
  if (label.line > 0) {
    out += ",\"ligne\":";
    json::append_integer(out, label.line);
  }
  out += ",\"verdict\":";
  json::append_string(out, eval::verdict_code(result.verdict));
  out += ",\"manquants\":";
  append_strings_json(out, result.missing);
  out += ",\"champs_inconnus\":";
  append_strings_json(out, result.unknown_fields);
  // One outcome per family, in the header's order: a letter and a version index each.
  const std::size_t families = std::min(result.rules.size(), base.families.size());
  auto index_of = [&](std::size_t f, const model::Rule* r) -> long {
    const std::vector<model::Rule>& versions = base.families[f].versions;
    if (r == nullptr || versions.empty() || r < versions.data() || r >= versions.data() + versions.size()) return -1;
    return static_cast<long>(r - versions.data());
  };
  // Both written in place, into room made once: a character appended at a time, with its
  // capacity check, for each of the 36 families cost more than the rest of the line's frame.
  out += ",\"statuts\":\"";
  std::size_t at = out.size();
  out.resize(at + families);
  for (std::size_t f = 0; f < families; ++f) out[at + f] = status_letter(result.rules[f].status);
  out += "\",\"versions\":[";
  at = out.size();
  constexpr std::size_t kWidest = 21;  // a comma and the 20 digits of a 64-bit index
  out.resize(at + families * kWidest);
  char* const begin = out.data() + at;
  char* next = begin;
  for (std::size_t f = 0; f < families; ++f) {
    if (f > 0) *next++ = ',';
    const eval::RuleOutcome& rule = result.rules[f];
    const long index = rule.possible_versions.empty() ? index_of(f, rule.rule) : -1;
    if (index < 0) {
      *next++ = '-';
      *next++ = '1';
    } else {
      next = std::to_chars(next, begin + families * kWidest, static_cast<std::size_t>(index)).ptr;
    }
  }
  out.resize(at + static_cast<std::size_t>(next - begin));
  // Details, for the rules that have something to say at this level of explanation.
  out += "],\"details\":[";
  bool first = true;
  for (std::size_t f = 0; f < families; ++f) {
    const eval::RuleOutcome& rule = result.rules[f];
    // A sans objet rule is left out unless asked, but not when its status carries a reservation:
    // on a disputed day, another reading of the date would make the text apply.
    if (rule.status == RuleStatus::NotApplicable && !not_applicable && rule.caveats.empty()) continue;
    const bool says_something = !rule.explanation.empty() || !rule.missing.empty() || !rule.caveats.empty() ||
                                !rule.possible_versions.empty();
    if (!says_something) continue;
    if (!first) out += ',';
    first = false;
    out += "{\"id\":";
    json::append_string(out, rule.id);
    out += ",\"statut\":";
    json::append_string(out, eval::status_code(rule.status));
    if (!rule.possible_versions.empty()) {
      out += ",\"versions_possibles\":[";
      for (std::size_t i = 0; i < rule.possible_versions.size(); ++i) {
        if (i > 0) out += ',';
        json::append_integer(out, static_cast<std::size_t>(std::max(0L, index_of(f, rule.possible_versions[i]))));
      }
      out += ']';
    }
    if (!rule.explanation.empty()) {
      out += ",\"explication\":";
      json::append_string(out, rule.explanation);
    }
    if (!rule.facts.empty()) {
      out += ",\"faits\":{";
      for (std::size_t i = 0; i < rule.facts.size(); ++i) {
        if (i > 0) out += ',';
        json::append_key(out, rule.facts[i].path);
        json::append_string(out, rule.facts[i].value);
      }
      out += '}';
    }
    if (!rule.missing.empty()) {
      out += ",\"manquants\":";
      append_strings_json(out, rule.missing);
    }
    if (!rule.caveats.empty()) {
      out += ",\"reserves\":";
      append_strings_json(out, rule.caveats);
    }
    out += '}';
  }
  out += "]}";
}

}  // namespace subsidia::output
