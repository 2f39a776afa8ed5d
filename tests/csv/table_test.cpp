#include "csv/table.hpp"

#include <gtest/gtest.h>

namespace subsidia::csv {
namespace {

TEST(Table, ReadsHeaderAndRowsWithTheirLines) {
  TableResult r = read_table("\xEF\xBB\xBFpays,nom,zone\r\nAF,Afghanistan,Asie\r\n\r\nAX,\"Åland, Îles\",Europe\r\n");
  ASSERT_FALSE(r.error) << r.error->message;
  EXPECT_EQ(r.table.header, (std::vector<std::string>{"pays", "nom", "zone"}));
  ASSERT_EQ(r.table.rows.size(), 2u);
  EXPECT_EQ(r.table.rows[1].line, 4u);
  EXPECT_EQ(r.table.rows[1].cells[1], "Åland, Îles");
  EXPECT_EQ(r.table.column("zone"), 2);
  EXPECT_EQ(r.table.column("absente"), -1);
}

TEST(Table, RejectsARowOfTheWrongWidthWithItsLine) {
  TableResult r = read_table("a,b\n1,2\n1,2,3\n");
  ASSERT_TRUE(r.error);
  EXPECT_EQ(r.error->code, IssueCode::RowWidth);
  EXPECT_EQ(r.error->position.line, 3u);
}

TEST(Table, RejectsBytesThatAreNotUtf8WithTheirPosition) {
  TableResult r = read_table("a,b\n1,caf\xE9\n");
  ASSERT_TRUE(r.error);
  EXPECT_EQ(r.error->code, IssueCode::InvalidUtf8);
  EXPECT_EQ(r.error->position.line, 2u);
  EXPECT_EQ(r.error->position.column, 6u);
}

TEST(Table, RejectsAnUnclosedQuoteAndAnEmptyText) {
  EXPECT_EQ(read_table("a\n\"ouvert\n").error->code, IssueCode::UnclosedQuote);
  EXPECT_EQ(read_table("\n\n").error->code, IssueCode::EmptyTable);
}

TEST(Table, ReadsAnotherSeparator) {
  TableResult r = read_table("a;b\n1;2,5\n", ';');
  ASSERT_FALSE(r.error);
  EXPECT_EQ(r.table.rows[0].cells[1], "2,5");
}

}  // namespace
}  // namespace subsidia::csv
