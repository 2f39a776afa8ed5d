// compare_case and Coverage on hand-made results (no rule base parsed).
#include "testing/case_comparison.hpp"

#include <gtest/gtest.h>

#include "testing/coverage.hpp"

namespace subsidia::testing {
namespace {

using eval::RuleStatus;

// A rule base is not copyable (its rules point into it): built in place, shared.
std::shared_ptr<const model::RuleBase> base_with(std::initializer_list<const char*> ids) {
  auto base = std::make_shared<model::RuleBase>();
  for (const char* id : ids) {
    model::RuleFamily family;
    family.id = id;
    model::Rule rule;
    rule.id = id;
    family.versions.push_back(rule);
    base->families.push_back(std::move(family));
  }
  return base;
}

eval::DossierResult result_with(const model::RuleBase& base, std::initializer_list<RuleStatus> statuses,
                                eval::Verdict verdict = eval::Verdict::Compliant) {
  eval::DossierResult result;
  result.verdict = verdict;
  auto status = statuses.begin();
  for (const model::RuleFamily& family : base.families) {
    eval::RuleOutcome outcome;
    outcome.rule = &family.versions.back();
    outcome.id = family.id;
    outcome.status = *status++;
    result.rules.push_back(std::move(outcome));
  }
  return result;
}

TEST(CaseComparison, MatchingExpectationHasNoMismatch) {
  const auto base_ptr = base_with({"a", "b"});
  const model::RuleBase& base = *base_ptr;
  CaseExpectation expected;
  expected.rules = {{"a", RuleStatus::Respected}};
  EXPECT_TRUE(compare_case(expected, result_with(base, {RuleStatus::Respected, RuleStatus::NotApplicable}), base).empty());
}

TEST(CaseComparison, UnlistedApplicableRuleIsNotExpected) {
  const auto base_ptr = base_with({"a", "b"});
  const model::RuleBase& base = *base_ptr;
  CaseExpectation expected;
  expected.rules = {{"a", RuleStatus::Respected}};
  const auto mismatches = compare_case(expected, result_with(base, {RuleStatus::Respected, RuleStatus::Violated}), base);
  ASSERT_EQ(mismatches.size(), 1u);
  EXPECT_EQ(mismatches[0].rule, "b");
  EXPECT_EQ(mismatches[0].reason, "non attendue");
  EXPECT_EQ(mismatches[0].obtained, "violee");
}

TEST(CaseComparison, ExplicitSansObjetMustMatch) {
  const auto base_ptr = base_with({"a"});
  const model::RuleBase& base = *base_ptr;
  CaseExpectation expected;
  expected.rules = {{"a", RuleStatus::NotApplicable}};
  const auto mismatches = compare_case(expected, result_with(base, {RuleStatus::Respected}), base);
  ASSERT_EQ(mismatches.size(), 1u);
  EXPECT_EQ(mismatches[0].expected, "sans_objet");
}

TEST(CaseComparison, MissingPathsCompareAsSets) {
  const auto base_ptr = base_with({"a"});
  const model::RuleBase& base = *base_ptr;
  auto result = result_with(base, {RuleStatus::Unknown}, eval::Verdict::Incomplete);
  result.rules[0].missing = {"y", "x"};
  CaseExpectation expected;
  expected.verdict = eval::Verdict::Incomplete;
  expected.rules = {{"a", RuleStatus::Unknown}};
  expected.missing = {{"a", {"x", "y"}}};
  EXPECT_TRUE(compare_case(expected, result, base).empty());
  expected.missing = {{"a", {"x"}}};
  ASSERT_EQ(compare_case(expected, result, base).size(), 1u);
}

TEST(Coverage, RuleSeenBothWaysIsCovered) {
  const auto base_ptr = base_with({"a", "b"});
  const model::RuleBase& base = *base_ptr;
  Coverage coverage(base);
  coverage.record(result_with(base, {RuleStatus::Respected, RuleStatus::Violated}));
  EXPECT_FALSE(coverage.complete());
  coverage.record(result_with(base, {RuleStatus::Violated, RuleStatus::Unknown}));
  EXPECT_FALSE(coverage.complete());
  EXPECT_NE(coverage.format().find("Jamais respectées par un cas : b"), std::string::npos) << coverage.format();
  coverage.record(result_with(base, {RuleStatus::NotApplicable, RuleStatus::Respected}));
  EXPECT_TRUE(coverage.complete());
}

}  // namespace
}  // namespace subsidia::testing
