// The engine as a library: one object holds a dossier schema, a checked rule base and its
// compiled plan, loaded together, immutable, and shared (std::shared_ptr<const Engine>).
// Reloading the rules is loading another Engine and swapping the pointer: checks running on
// the old one finish on it, and their results stay valid after it is gone (they keep what
// they point into alive).
//
//   api::Loaded loaded = api::Engine::load({.rules = "rules"});
//   if (!loaded.ok()) { std::cerr << loaded.format_errors(); return 2; }
//   std::shared_ptr<const api::Engine> engine = loaded.engine;
//   api::Engine::Scratch scratch = engine->scratch();   // one per thread, reused
//   api::Checked checked = engine->check(json_text, scratch);
//   if (checked.result) ... checked.result->verdict ...; else ... checked.errors ...
//
// check() is const and thread-safe: each thread passes its own Scratch, the per-call state
// (a dossier reader and an evaluation frame), as cel-cpp's Activation or OPA's prepared query.
#pragma once

#include <filesystem>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "diag/diagnostic.hpp"
#include "eval/plan.hpp"
#include "io/reader.hpp"
#include "io/schema.hpp"
#include "model/rule_base.hpp"

namespace subsidia::check {
struct LoadResult;
}

namespace subsidia::api {

class Engine;

// What a run says about the engine and the rules that produced its output.
struct Receipt {
  std::string version;      // engine_version()
  std::string commit;       // engine_commit()
  std::string fingerprint;  // "sha256:<64 hex>" of the rule files, tables and schema
};

struct LoadOptions {
  std::filesystem::path rules;   // a folder of *.regles (with their tables), or one file
  std::filesystem::path schema;  // empty: <rules>/dossier.schema.json (for a file: beside it)
};

// Rule texts in memory (tests, tools): name -> text, CSV tables by their name too.
struct TextSources {
  std::vector<std::pair<std::string, std::string>> files;
  std::string schema_text;
  std::string schema_name = "dossier.schema.json";
};

// The outcome of loading: an engine, or every reason why not.
struct Loaded {
  std::shared_ptr<const Engine> engine;       // null when anything failed
  diag::SourceSet sources;                    // to print the diagnostics
  std::vector<diag::Diagnostic> diagnostics;  // every error of the rule base, sorted by position
  std::vector<diag::Diagnostic> warnings;     // the base loaded, but these look unintended
  // Every file the base was made of (rule files and tables): path as read, content; what the
  // fingerprint is computed from, and what `subsidia diff` compares tables by.
  std::vector<std::pair<std::string, std::string>> inputs;
  std::string error;                          // a failure before the rules: missing folder, bad schema (French)
  bool ok() const { return engine != nullptr; }
  // Every error, as a person reads it: file:line:column with the line and a caret.
  std::string format_errors() const;
  // Every warning the same way ("…: avertissement [source_inutilisee] : …"); empty if none.
  std::string format_warnings() const;
};

// A dossier checked: its result, or the reading errors that kept it from being checked.
struct Checked {
  std::optional<eval::DossierResult> result;
  std::vector<io::InputError> errors;
};

class Engine {
 public:
  static Loaded load(const LoadOptions& options);
  static Loaded load(const TextSources& sources);

  Engine(const Engine&) = delete;
  Engine& operator=(const Engine&) = delete;

  // Per-thread state for check(). Not thread-safe; keep one per thread and reuse it.
  class Scratch {
   public:
    Scratch(Scratch&&) noexcept;
    Scratch& operator=(Scratch&&) noexcept;
    ~Scratch();

   private:
    friend class Engine;
    explicit Scratch(std::shared_ptr<const schema::Schema> schema);
    io::DossierReader reader_;
    eval::Scratch evaluation_;
  };
  Scratch scratch() const;

  // Reads `json` (one dossier) and checks it. `file` and `line` only label the errors.
  Checked check(std::string_view json, Scratch& scratch, eval::Detail detail = eval::Detail::Full,
                std::string_view file = {}, std::size_t line = 0) const;
  // Checks a dossier already read (by a reader of this engine's schema).
  eval::DossierResult check(const io::Dossier& dossier, Scratch& scratch,
                            eval::Detail detail = eval::Detail::Full) const;
  // The same into a result the caller keeps from one dossier to the next (eval::Plan's form).
  void check(const io::Dossier& dossier, Scratch& scratch, eval::Detail detail, eval::DossierResult& into) const;
  // Statuses of every family, explanations of the chosen ones (`explain[i]`, in rule-base
  // order) alone: eval::Plan::evaluate's selective form.
  eval::DossierResult check(const io::Dossier& dossier, Scratch& scratch, const std::vector<bool>& explain) const;
  // Statuses and verdict alone, into `out`, of every family or of the chosen ones
  // (eval::Plan::statuses).
  void statuses(const io::Dossier& dossier, Scratch& scratch, eval::Statuses& out,
                const std::vector<bool>* only = nullptr) const;

  const schema::Schema& schema() const { return *schema_; }
  const std::shared_ptr<const schema::Schema>& shared_schema() const { return schema_; }
  const model::RuleBase& rules() const { return *base_; }
  const std::shared_ptr<const model::RuleBase>& shared_rules() const { return base_; }
  const eval::Plan& plan() const { return *plan_; }
  const Receipt& receipt() const { return receipt_; }
  const std::filesystem::path& rules_path() const { return rules_path_; }
  const std::filesystem::path& schema_path() const { return schema_path_; }

 private:
  Engine() = default;
  // Both load() overloads end here once the schema is read and the base checked.
  static Loaded assemble(check::LoadResult&& result, std::shared_ptr<const schema::Schema> schema,
                         std::string_view schema_text, const std::filesystem::path& rules_path,
                         const std::filesystem::path& schema_path, const std::filesystem::path& root);
  std::shared_ptr<const schema::Schema> schema_;
  std::shared_ptr<const model::RuleBase> base_;
  std::shared_ptr<const eval::Plan> plan_;
  Receipt receipt_;
  std::filesystem::path rules_path_;
  std::filesystem::path schema_path_;
};

// "sha256:<hex>" of the files a base is made of (paths relative to `root`, sorted) and the
// schema text: equal bases give equal fingerprints wherever they are installed; any change of
// a rule, a table or the schema changes it.
std::string fingerprint_of(const std::vector<std::pair<std::string, std::string>>& files,
                           const std::filesystem::path& root, std::string_view schema_text);

// "sha256:<hex>" of `text` itself, as `sha256sum` prints it: what an export names of the dossier
// schema it read (an export reads no rule; its content depends on the schema and the engine).
std::string sha256_of(std::string_view text);

}  // namespace subsidia::api
