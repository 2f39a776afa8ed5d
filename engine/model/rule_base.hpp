// The checked rule model: immutable, typed, shared between threads.
//
// Built by check/ from the AST, read by eval/ (which compiles it into a Plan) and by the
// CLI and reports (ids, titles, sources). The expression tree inside each rule is the
// checker's business (model/expression.hpp, owned by check/ and eval/); this header is
// the part every layer may read.
#pragma once

#include <map>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "calendar/date.hpp"
#include "diag/source.hpp"

namespace subsidia::model {

// Both bounds included; std::nullopt = open.
struct Period {
  std::optional<calendar::Date> from;
  std::optional<calendar::Date> to;
  bool contains(const calendar::Date& d) const { return (!from || *from <= d) && (!to || d <= *to); }
  bool bounded() const { return from.has_value() || to.has_value(); }
};

// Days on which whether the text was in force is open to doubt, and why: a deliberation of
// one of these days gets the reason in its explanation.
struct DisputedPeriod {
  Period period;
  std::string reason;
};

struct LegalSource {
  std::string name;         // CGCT_L1115_1_V2007
  std::string title;        // "CGCT, art. L1115-1, rédaction de la loi n° 2007-147 du 2 février 2007"
  std::string reference;    // free text / URL
  std::string note;         // "date à vérifier par un juriste : ..."
  std::string date_origin;  // which rule gave the dates: "version de Légifrance (jour du JO)"
  std::vector<DisputedPeriod> disputed;
  Period period;
  diag::SourceSpan span;
};

enum class Severity { Blocking, Warning };

// "en vigueur du 8 février 1992 au 5 février 2007", "en vigueur depuis le …", "… à toute date"
std::string period_french(const Period& period);

struct CompiledRule;  // model/expression.hpp: applicability, requirement, templates

// One version of a rule.
struct Rule {
  std::string id;
  std::string title;
  Severity severity = Severity::Blocking;
  std::vector<const LegalSource*> sources;
  Period period;  // intersection of the sources' periods and the rule's own clause
  diag::SourceSpan span;
  std::shared_ptr<const CompiledRule> compiled;
  // "CGCT, art. L1115-1 (...) (en vigueur du 8 février 1992 au 5 février 2007)"; sources joined by " ; "
  std::string citation() const;
  // The notes of its sources, each prefixed with the source's title when there are several:
  // what a lawyer flagged ("date à vérifier", "issue à vérifier") reaches every reader.
  std::vector<std::string> notes() const;
};

// All versions of one rule id, sorted by period, non-overlapping.
struct RuleFamily {
  std::string id;
  std::vector<Rule> versions;
};

// Not copyable: its rules point into its own `sources` (and compiled expressions into
// `owned`); a copy would point into the original. Shared as std::shared_ptr<const RuleBase>.
class RuleBase {
 public:
  RuleBase() = default;
  RuleBase(const RuleBase&) = delete;
  RuleBase& operator=(const RuleBase&) = delete;
  RuleBase(RuleBase&&) = delete;
  RuleBase& operator=(RuleBase&&) = delete;

  std::vector<RuleFamily> families;          // in declaration order of their first version
  std::map<std::string, LegalSource> sources;
  // tables, definitions, ... live in the checker's structures referenced by CompiledRule
  std::shared_ptr<const void> owned;          // keeps tables and compiled expressions alive
};

}  // namespace subsidia::model
