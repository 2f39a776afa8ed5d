// Coverage of the rule base by the cases (`subsidia test --couverture`): for each rule
// family, whether some case saw it respectée and some case saw it violée; for each version of
// a family (one per wording of the law), whether some case was judged by it (its status not
// sans objet). A rule never seen both ways, or a version no case reaches (a new wording
// nobody tried), is not really tested: the check fails and names it.
#pragma once

#include <map>
#include <string>
#include <vector>

#include "eval/result.hpp"
#include "model/rule_base.hpp"

namespace subsidia::testing {

class Coverage {
 public:
  explicit Coverage(const model::RuleBase& base);
  void record(const eval::DossierResult& result);

  struct Row {
    std::string rule;
    bool respected = false;
    bool violated = false;
  };
  const std::vector<Row>& rows() const { return rows_; }  // rule-base order
  bool complete() const;
  // "conventions.etat_etranger (en vigueur du 7 décembre 2016 …)" for each version no case reached.
  std::vector<std::string> unexercised_versions() const;

  // The table, then the rules never respected / never violated.
  std::string format() const;

 private:
  std::vector<Row> rows_;
  std::map<std::string, std::size_t, std::less<>> index_;
  const model::RuleBase* base_;
  std::map<const model::Rule*, bool> exercised_;
};

}  // namespace subsidia::testing
