#include "cli/check_format.hpp"

#include <cctype>
#include <optional>

#include "cli/json_writer.hpp"
#include "model/rule_base.hpp"

namespace subsidia::cli {

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

// A rule is shown in texte without --detail when a person has something to do about it.
bool worth_showing(const eval::RuleOutcome& rule) {
  return rule.status == RuleStatus::Violated || rule.status == RuleStatus::Unknown;
}

void append_rule_text(std::string& out, const eval::RuleOutcome& rule) {
  out += "  - ";
  out += rule.id;
  if (rule.rule && !rule.rule->title.empty()) {
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
    out += rule.explanation;
    out += '\n';
  }
  if (rule.rule && rule.status != RuleStatus::NotApplicable) {
    const std::string citation = rule.rule->citation();
    if (!citation.empty()) {
      out += "      Source : ";
      out += citation;
      out += '\n';
    }
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
      out += rule.facts[i].value;
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
  fields.source += '{';
  json::append_key(fields.source, "du");
  append_optional_date(fields.source, rule.period.from);
  fields.source += ',';
  json::append_key(fields.source, "au");
  append_optional_date(fields.source, rule.period.to);
  fields.source += '}';
  return fields;
}

// The constant keys are written as literals with their punctuation (the same bytes
// append_key would give: none needs an escape); only data goes through the escaper.
void append_rule_json(std::string& out, const eval::RuleOutcome& rule, RuleJsonCache* cache) {
  std::optional<RuleJsonCache::Fields> uncached;
  const RuleJsonCache::Fields* fixed = nullptr;
  if (rule.rule) {
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
  out += "},\"manquants\":[";
  for (std::size_t i = 0; i < rule.missing.size(); ++i) {
    if (i > 0) out += ',';
    json::append_string(out, rule.missing[i]);
  }
  out += "]}";
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
  append_count(out, tally.errors, "erreur de lecture", "erreurs de lecture");
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
  out += '}';
}

}  // namespace subsidia::cli
