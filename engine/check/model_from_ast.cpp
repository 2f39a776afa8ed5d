// AST -> checked model: the checker's stages in order. Each stage reports every error it
// finds (diagnostics, sorted once by position); the model is built only when none did.
#include "check/model_from_ast.hpp"

#include <set>

#include "check/internal/checker.hpp"

namespace subsidia::check {

namespace internal {

void Checker::locate_deliberation_date() {
  arena_->deliberation_slot = schema_.root().field_index("deliberation");
  if (arena_->deliberation_slot >= 0) {
    const schema::Node* d = schema_.root().fields[static_cast<std::size_t>(arena_->deliberation_slot)].node.get();
    if (d != nullptr && d->type == schema::Type::Object) arena_->deliberation_date_slot = d->field_index("date");
  }
}

void Checker::build_sources(model::RuleBase& base) {
  legal_sources_ = &base.sources;
  for (const auto& [name, decl] : source_decls_) {
    model::LegalSource s;
    s.name = name;
    if (decl->title) s.title = decl->title->value;
    if (decl->reference) s.reference = decl->reference->value;
    if (decl->note) s.note = decl->note->value;
    if (decl->date_origin) s.date_origin = decl->date_origin->value;
    for (const ast::DisputedDates& d : decl->disputed) {
      ast::Period days{d.span, d.from, d.to ? d.to : d.from};
      if (auto p = period(days)) s.disputed.push_back(model::DisputedPeriod{*p, d.reason.value});
    }
    s.span = decl->span;
    if (!decl->title) {
      error(diag::Code::MissingClause, decl->name_span, "clause « intitulé » manquante dans la source " + name,
            "intitulé \"CGCT, art. …\"");
    }
    if (auto p = period(decl->period)) s.period = *p;
    else sources_without_period_.insert(name);  // already reported (periode_vide, date invalide)
    base.sources.emplace(name, std::move(s));
  }
}

void Checker::compile_definitions() {
  // Each compiled once (cycles are reported where they close).
  for (auto& [name, entry] : definitions_) {
    if (entry.decl->text_template) text_definition(name, entry.decl->name_span);
    else definition(name, entry.decl->name_span);
  }
}

std::vector<RuleVersion> Checker::check_rules(const std::vector<ParsedFile>& files) {
  std::vector<RuleVersion> versions;
  for (const ParsedFile& file : files) {
    for (const ast::Declaration& d : file.ast.declarations) {
      if (const auto* r = std::get_if<ast::RuleDecl>(&d)) check_rule(*r, versions);
    }
  }
  return versions;
}

void Checker::check_unused_sources(const std::vector<ParsedFile>& files) {
  std::set<std::string> cited;
  for (const ParsedFile& file : files) {
    for (const ast::Declaration& d : file.ast.declarations) {
      if (const auto* r = std::get_if<ast::RuleDecl>(&d)) {
        for (const auto& [name, span] : r->sources) cited.insert(name);
      }
    }
  }
  // A new wording of an article is declared as a source; until a rule version cites it, the
  // base goes on judging every dossier by the old text and nothing says so.
  for (const auto& [name, decl] : source_decls_) {
    if (cited.count(name) != 0) continue;
    warn(diag::Code::UnusedSource, decl->name_span,
         "la source " + name + " n'est citée par aucune règle : aucun dossier n'est jugé d'après elle",
         "la citer dans la clause « source » de la version de règle qu'elle fonde, ou la retirer");
  }
}

ModelResult Checker::run(const std::vector<ParsedFile>& files) {
  auto base = std::make_shared<model::RuleBase>();
  locate_deliberation_date();
  collect_names(files);                                     // names: sources, tables, definitions
  build_sources(*base);                                     // sources and their periods
  compile_definitions();                                    // definitions, once each
  std::vector<RuleVersion> versions = check_rules(files);   // rules: paths, types, messages
  check_versions(versions);                                 // versions: duplicates, overlaps, gaps
  check_unused_sources(files);                              // sources no rule cites (warnings)

  ModelResult result;
  diag::sort_diagnostics(diagnostics_);
  result.diagnostics = std::move(diagnostics_);
  diag::sort_diagnostics(warnings_);
  result.warnings = std::move(warnings_);
  if (!result.diagnostics.empty()) return result;
  build_families(std::move(versions), *base);
  base->owned = std::shared_ptr<const void>(arena_, arena_.get());
  result.base = std::move(base);
  return result;
}

}  // namespace internal

ModelResult model_from_ast(const std::vector<ParsedFile>& files, const diag::SourceSet& sources,
                           const schema::Schema& schema, const FileReader& read_file) {
  internal::Checker checker(sources, schema, read_file);
  return checker.run(files);
}

}  // namespace subsidia::check
