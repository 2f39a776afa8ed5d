#include "check/csv.hpp"

#include <gtest/gtest.h>

namespace subsidia::check {
namespace {

TEST(CsvReader, ReadsHeaderAndRowsAsText) {
  const CsvResult r = read_csv("nomenclature,chapitre\nM71,930\nM57,65\n");
  ASSERT_TRUE(r.error.empty());
  EXPECT_EQ(r.table.header, (std::vector<std::string>{"nomenclature", "chapitre"}));
  ASSERT_EQ(r.table.rows.size(), 2u);
  EXPECT_EQ(r.table.rows[1][1], "65");
}

TEST(CsvReader, HonoursQuotesWithCommasDoubledQuotesAndNewlines) {
  const CsvResult r = read_csv("a,b\r\n\"x, y\",\"il dit \"\"oui\"\"\"\r\n\"deux\nlignes\",z\r\n");
  ASSERT_TRUE(r.error.empty()) << r.error;
  ASSERT_EQ(r.table.rows.size(), 2u);
  EXPECT_EQ(r.table.rows[0][0], "x, y");
  EXPECT_EQ(r.table.rows[0][1], "il dit \"oui\"");
  EXPECT_EQ(r.table.rows[1][0], "deux\nlignes");
}

TEST(CsvReader, RejectsARowWithTheWrongNumberOfCells) {
  EXPECT_FALSE(read_csv("a,b\n1,2,3\n").error.empty());
}

TEST(CsvReader, RejectsAnUnclosedQuote) {
  EXPECT_FALSE(read_csv("a\n\"ouvert\n").error.empty());
}

TEST(CsvReader, RejectsAnEmptyFile) {
  EXPECT_FALSE(read_csv("").error.empty());
}

}  // namespace
}  // namespace subsidia::check
