#include "eval/kleene.hpp"

#include <gtest/gtest.h>

namespace subsidia::eval {
namespace {

constexpr Truth F = Truth::False, T = Truth::True, U = Truth::Unknown;

TEST(Kleene, UnknownAndFalseIsFalse) {
  EXPECT_EQ(kleene_and(U, F), F);
  EXPECT_EQ(kleene_and(F, U), F);
}

TEST(Kleene, UnknownAndTrueIsUnknown) {
  EXPECT_EQ(kleene_and(U, T), U);
  EXPECT_EQ(kleene_and(T, U), U);
  EXPECT_EQ(kleene_and(U, U), U);
}

TEST(Kleene, AndOfKnownValuesIsClassical) {
  EXPECT_EQ(kleene_and(T, T), T);
  EXPECT_EQ(kleene_and(T, F), F);
  EXPECT_EQ(kleene_and(F, F), F);
}

TEST(Kleene, UnknownOrTrueIsTrue) {
  EXPECT_EQ(kleene_or(U, T), T);
  EXPECT_EQ(kleene_or(T, U), T);
}

TEST(Kleene, UnknownOrFalseIsUnknown) {
  EXPECT_EQ(kleene_or(U, F), U);
  EXPECT_EQ(kleene_or(F, U), U);
  EXPECT_EQ(kleene_or(F, F), F);
}

TEST(Kleene, NotSwapsTrueAndFalseAndKeepsUnknown) {
  EXPECT_EQ(kleene_not(T), F);
  EXPECT_EQ(kleene_not(F), T);
  EXPECT_EQ(kleene_not(U), U);
}

TEST(Kleene, OnlyUnknownResultsKeepMissingPaths) {
  EXPECT_TRUE(kleene_keeps_missing(U, U));
  EXPECT_FALSE(kleene_keeps_missing(F, U));
  EXPECT_FALSE(kleene_keeps_missing(U, T));
}

}  // namespace
}  // namespace subsidia::eval
