// A rule version: its clauses, period, conditions and messages.
#include <algorithm>
#include <filesystem>
#include <map>
#include <set>
#include <tuple>

#include "check/internal/checker.hpp"
#include "diag/spelling.hpp"

namespace subsidia::check::internal {

using diag::nearest_names;

std::optional<model::MessageTemplate> Checker::message(const std::optional<ast::Template>& t) {
  if (!t) return std::nullopt;
  return message_pieces(*t);
}

const std::string* Checker::spliced_text_definition(const ast::Expression& e) const {
  const auto* path = std::get_if<ast::Path>(&e.node);
  if (path == nullptr || path->segments.size() != 1 || path->segments[0].all_items) return nullptr;
  auto it = definitions_.find(path->segments[0].name);
  if (it == definitions_.end() || !it->second.decl->text_template) return nullptr;
  return &it->first;
}

model::MessageTemplate Checker::message_pieces(const ast::Template& t) {
  model::MessageTemplate out;
  for (const ast::TemplatePart& part : t.parts) {
    if (const auto* text = std::get_if<std::string>(&part.part)) {
      out.pieces.push_back(model::TemplatePiece{*text, model::kNoNode});
      continue;
    }
    const ast::Expression& placeholder = std::get<ast::Expression>(part.part);
    if (const std::string* name = spliced_text_definition(placeholder)) {
      // The definition's own text and placeholders, in this message's place.
      if (const model::MessageTemplate* pieces = text_definition(*name, part.span)) {
        out.pieces.insert(out.pieces.end(), pieces->pieces.begin(), pieces->pieces.end());
      }
      continue;
    }
    Scope empty;
    const NodeId id = expr(placeholder, empty);
    if (type(id).kind == TypeKind::Object) {
      error(diag::Code::TemplateError, part.span, "impossible d'afficher un objet dans un message",
            "une valeur simple, par exemple beneficiaire.nom");
    }
    out.pieces.push_back(model::TemplatePiece{{}, id});
  }
  return out;
}

void Checker::check_rule(const ast::RuleDecl& decl, std::vector<RuleVersion>& out) {
  model::Rule rule;
  rule.id = decl.id;
  rule.span = decl.span;
  bool ok = true;
  auto missing = [&](const char* clause, const char* example) {
    error(diag::Code::MissingClause, decl.id_span, std::string("clause « ") + clause + " » manquante dans la règle " + decl.id,
          example);
    ok = false;
  };
  if (!decl.title) missing("titre", "titre \"…\"");
  if (decl.sources.empty()) missing("source", "source NOM_DE_SOURCE");
  if (!decl.severity) missing("gravité", "gravité bloquante ou gravité avertissement");
  if (!decl.requires_) missing("exige", "exige <condition>");
  if (decl.title) {
    rule.title = decl.title->value;
    // A title is the same for every dossier (the JSONL header writes it once): a placeholder in
    // it would print as written, braces and all (review 22).
    if (rule.title.find('{') != std::string::npos) {
      error(diag::Code::TemplateError, decl.title->span,
            "un titre ne s'adapte pas au dossier : « {…} » y serait écrit tel quel",
            "le texte en toutes lettres (23 000 €) ; une valeur du dossier va dans les messages (si respectée, …)");
      ok = false;
    }
  }
  rule.severity = decl.severity == ast::Severity::Warning ? model::Severity::Warning : model::Severity::Blocking;

  // Dates: intersection of the sources' periods and the rule's own clause.
  model::Period p;
  bool period_ok = true;
  for (const auto& [name, span] : decl.sources) {
    auto it = legal_sources_->find(name);
    if (it == legal_sources_->end()) {
      std::vector<std::string> names;
      for (const auto& [n, s] : source_decls_) names.push_back(n);
      const std::vector<std::string> near = nearest_names(name, names);
      error(diag::Code::UnknownSource, span, "source inconnue : " + name + diag::did_you_mean(name, near), join(near));
      ok = false;
      period_ok = false;
      continue;
    }
    rule.sources.push_back(&it->second);
    if (sources_without_period_.contains(name)) {
      ok = false;  // its period is unknown: the source's own error says why
      period_ok = false;
      continue;
    }
    const model::Period& sp = it->second.period;
    if (sp.from && (!p.from || *p.from < *sp.from)) p.from = sp.from;
    if (sp.to && (!p.to || *sp.to < *p.to)) p.to = sp.to;
  }
  const model::Period of_sources = p;
  std::optional<model::Period> own;
  if (decl.period) {
    own = period(*decl.period);
    if (!own) {
      ok = false;
      period_ok = false;
    } else {
      if (own->from && (!p.from || *p.from < *own->from)) p.from = own->from;
      if (own->to && (!p.to || *own->to < *p.to)) p.to = own->to;
    }
  }
  if (period_ok && p.from && p.to && *p.to < *p.from) {
    error(diag::Code::EmptyPeriod, decl.period ? decl.period->span : decl.id_span,
          "la règle " + decl.id + " n'est jamais en vigueur : ses sources et sa clause « en vigueur » ne se recouvrent pas (du " +
              p.from->french() + " au " + p.to->french() + ")",
          "des sources en vigueur en même temps");
    ok = false;
  }
  rule.period = p;
  // The clause only narrows: a clause reaching past its sources is cut to them. A lawyer who
  // wrote « en vigueur du 2015-01-01 » under a source of 2016 meant something the base does
  // not do, so the cut is said, not silent.
  if (ok && own && !(p.from && p.to && *p.to < *p.from)) {
    // An open bound of the clause sets no limit on its side ("jusqu'au …" narrows the end only).
    const bool early = own->from && of_sources.from && *own->from < *of_sources.from;
    const bool late = own->to && of_sources.to && *of_sources.to < *own->to;
    if (early || late) {
      warn(diag::Code::RulePeriodNarrowed, decl.period->span,
           "la clause « en vigueur » de la règle " + decl.id + " (" + model::period_french(*own) +
               ") dépasse la période de ses sources (" + model::period_french(of_sources) +
               ") ; elle n'est appliquée que sur la période commune : " + model::period_french(p),
           "une période comprise dans celle des sources, ou une source en vigueur sur toute la période voulue");
    }
  }

  auto compiled = std::make_shared<model::CompiledRule>();
  compiled->arena = arena_;
  Scope scope;
  if (decl.applies_if) {
    compiled->applies_if = condition(*decl.applies_if, scope);
    if (is_invalid(type(compiled->applies_if))) ok = false;
  }
  if (decl.requires_) {
    compiled->requirement = condition(*decl.requires_, scope);
    if (is_invalid(type(compiled->requirement))) ok = false;
  }
  compiled->when_respected = message(decl.when_respected);
  compiled->when_violated = message(decl.when_violated);
  compiled->when_unknown = message(decl.when_unknown);
  compiled->when_not_applicable = message(decl.when_not_applicable);
  rule.compiled = std::move(compiled);
  // A version with errors (already reported) is left out, so that the stages after this one
  // (versions, overlaps) do not add errors that only follow from the first ones.
  if (!ok) return;
  out.push_back(RuleVersion{std::move(rule), decl.id_span});
}

}  // namespace subsidia::check::internal
