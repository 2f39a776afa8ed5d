#include "csv/tokenizer.hpp"

#include <gtest/gtest.h>

namespace subsidia::csv {
namespace {

std::vector<std::vector<std::string>> all(std::string_view text, Dialect dialect, std::vector<std::size_t>* lines = nullptr) {
  Tokenizer tokens(text, dialect);
  Record record;
  std::vector<std::vector<std::string>> out;
  while (tokens.next(record)) {
    std::vector<std::string> cells;
    for (const Field& f : record.fields) cells.emplace_back(f.value);
    out.push_back(std::move(cells));
    if (lines) lines->push_back(record.line);
  }
  return out;
}

using Rows = std::vector<std::vector<std::string>>;

TEST(Tokenizer, ReadsQuotedSeparatorsDoubledQuotesAndLineBreaks) {
  std::vector<std::size_t> lines;
  Rows rows = all("a;b\r\n\"x; y\";\"il dit \"\"oui\"\"\"\r\n\"deux\r\nlignes\";z\r\nfin;1\r\n", {';', true}, &lines);
  ASSERT_EQ(rows.size(), 4u);
  EXPECT_EQ(rows[1], (std::vector<std::string>{"x; y", "il dit \"oui\""}));
  EXPECT_EQ(rows[2], (std::vector<std::string>{"deux\r\nlignes", "z"}));
  EXPECT_EQ(rows[3], (std::vector<std::string>{"fin", "1"}));
  EXPECT_EQ(lines, (std::vector<std::size_t>{1, 2, 3, 5}));
}

TEST(Tokenizer, AcceptsLfCrlfAndLoneCrLineEnds) {
  std::vector<std::size_t> lines;
  Rows rows = all("a\rb\nc\r\nd", {',', true}, &lines);
  EXPECT_EQ(rows, (Rows{{"a"}, {"b"}, {"c"}, {"d"}}));
  EXPECT_EQ(lines, (std::vector<std::size_t>{1, 2, 3, 4}));
}

TEST(Tokenizer, KeepsEmptyFieldsAndReportsBlankLines) {
  Tokenizer tokens("a,,\n\n\"\"\n", {',', true});
  Record record;
  ASSERT_TRUE(tokens.next(record));
  EXPECT_EQ(record.fields.size(), 3u);
  ASSERT_TRUE(tokens.next(record));
  EXPECT_TRUE(record.blank());
  ASSERT_TRUE(tokens.next(record));
  EXPECT_FALSE(record.blank());  // "" is a quoted empty field, not an empty line
  EXPECT_FALSE(tokens.next(record));
}

TEST(Tokenizer, StrictModeStopsAtAStrayQuoteWithItsLineAndColumn) {
  Tokenizer tokens("nom,objet\nA,Association \"Les amis\"\n", {',', true});
  Record record;
  ASSERT_TRUE(tokens.next(record));
  EXPECT_FALSE(tokens.next(record));
  EXPECT_TRUE(tokens.failed());
  ASSERT_EQ(tokens.issues().size(), 1u);
  EXPECT_EQ(tokens.issues()[0].code, IssueCode::QuoteInUnquotedField);
  EXPECT_EQ(tokens.issues()[0].position.line, 2u);
  EXPECT_EQ(tokens.issues()[0].position.column, 15u);
}

TEST(Tokenizer, LenientModeKeepsAStrayQuoteAsACharacterAndWarns) {
  Tokenizer tokens("A;Association \"Les amis\";3\n", {';', false});
  Record record;
  ASSERT_TRUE(tokens.next(record));
  ASSERT_EQ(record.fields.size(), 3u);
  EXPECT_EQ(record.fields[1].value, "Association \"Les amis\"");
  ASSERT_EQ(tokens.issues().size(), 1u);
  EXPECT_EQ(tokens.issues()[0].code, IssueCode::QuoteInUnquotedField);
}

TEST(Tokenizer, LenientModeAppendsTextAfterAClosingQuote) {
  Tokenizer tokens("\"Association \"X\" du Lot\";2\n", {';', false});
  Record record;
  ASSERT_TRUE(tokens.next(record));
  ASSERT_EQ(record.fields.size(), 2u);
  EXPECT_EQ(record.fields[0].value, "Association \"X\" du Lot");
  EXPECT_EQ(record.fields[1].value, "2");
  EXPECT_FALSE(tokens.issues().empty());
}

TEST(Tokenizer, LenientModeDoesNotLetAnUnclosedQuoteSwallowTheFile) {
  std::vector<std::size_t> lines;
  Rows rows = all("a;\"b\nc;d\ne;f\n", {';', false}, &lines);
  ASSERT_EQ(rows.size(), 3u);
  EXPECT_EQ(rows[0], (std::vector<std::string>{"a", "\"b"}));
  EXPECT_EQ(rows[2], (std::vector<std::string>{"e", "f"}));
  EXPECT_EQ(lines, (std::vector<std::size_t>{1, 2, 3}));
}

// A stray opening quote closed rows later by another stray quote: the cell would have swallowed
// the rows between them (a real file's `"Soutien 2019` … `Festival "Jazz" été`).
TEST(Tokenizer, LenientModeDoesNotLetAStrayQuoteSwallowRowsUpToAnotherOne) {
  std::vector<std::size_t> lines;
  Rows rows = all("n;o;m\nB1;\"Soutien 2019;100\nB2;Sub;200\nB3;Festival \"Jazz\" été;300\nB4;Sub;400\n", {';', false},
                  &lines);
  ASSERT_EQ(rows.size(), 5u);
  EXPECT_EQ(rows[1], (std::vector<std::string>{"B1", "\"Soutien 2019", "100"}));
  EXPECT_EQ(rows[2], (std::vector<std::string>{"B2", "Sub", "200"}));
  EXPECT_EQ(rows[3], (std::vector<std::string>{"B3", "Festival \"Jazz\" été", "300"}));
  EXPECT_EQ(rows[4], (std::vector<std::string>{"B4", "Sub", "400"}));
  EXPECT_EQ(lines, (std::vector<std::size_t>{1, 2, 3, 4, 5}));
}

// Closed badly (text after the closing quote, the stray quote of the next row) and holding a
// whole row on the way.
TEST(Tokenizer, LenientModeDoesNotLetAQuotedCellHoldAWholeRow) {
  Tokenizer tokens("n;o;m\nB1;\"Soutien;100\nB2;\"Sub;200\n", {';', false});
  Record record;
  ASSERT_TRUE(tokens.next(record));
  ASSERT_TRUE(tokens.next(record));
  ASSERT_EQ(record.fields.size(), 3u);
  EXPECT_EQ(record.fields[1].value, "\"Soutien");
  ASSERT_FALSE(tokens.issues().empty());
  EXPECT_EQ(tokens.issues()[0].code, IssueCode::UnclosedQuote);
  EXPECT_EQ(tokens.issues()[0].position.line, 2u);
  EXPECT_EQ(tokens.issues()[0].position.column, 4u);
  ASSERT_TRUE(tokens.next(record));
  EXPECT_EQ(record.line, 3u);
  EXPECT_EQ(record.fields.size(), 3u);
}

// What a spreadsheet writes for a cell typed over several lines stays one cell.
TEST(Tokenizer, LenientModeKeepsAWellFormedCellOverSeveralLines) {
  Rows rows = all("n;o;m\nB1;\"Soutien\nau club; sur deux lignes\";100\nB2;\"Il dit \"\"oui\"\"\nici\";7\n", {';', false});
  ASSERT_EQ(rows.size(), 3u);
  EXPECT_EQ(rows[1], (std::vector<std::string>{"B1", "Soutien\nau club; sur deux lignes", "100"}));
  EXPECT_EQ(rows[2], (std::vector<std::string>{"B2", "Il dit \"oui\"\nici", "7"}));
}

// RFC 4180 text: a quoted cell closed before a separator or a line end is one cell, even when
// one of its lines holds as many separators as the header (a French paragraph in a
// comma-separated file: Poitiers' file written with commas lost a subsidy, `exporte scdl`
// output with such an objet did not read back).
// Such a cell is reported, with its line and column, since a stray quote closed by a quote that
// ends a cell would look the same; a cell whose lines hold fewer separators is not.
TEST(Tokenizer, LenientModeKeepsAWellFormedCellWhoseLineHoldsAsManySeparatorsAsTheHeader) {
  Tokenizer tokens("n,o,m\r\nB1,\"Ligne 1\r\na, b, c, d, e\",100\r\nB2,\"fin\na, b, c\"\r\nB3,\"x\ny, z\"", {',', false});
  Record record;
  std::vector<std::vector<std::string>> rows;
  std::vector<std::size_t> reported_lines;
  while (tokens.next(record)) {
    for (const Issue& issue : tokens.issues()) {
      EXPECT_EQ(issue.code, IssueCode::CellHoldsARow) << issue.message;
      reported_lines.push_back(issue.position.line);
    }
    std::vector<std::string> row;
    for (const Field& f : record.fields) row.emplace_back(f.value);
    rows.push_back(row);
  }
  ASSERT_EQ(rows.size(), 4u);
  EXPECT_EQ(rows[1], (std::vector<std::string>{"B1", "Ligne 1\r\na, b, c, d, e", "100"}));
  EXPECT_EQ(rows[2], (std::vector<std::string>{"B2", "fin\na, b, c"}));  // closed before a line end
  EXPECT_EQ(rows[3], (std::vector<std::string>{"B3", "x\ny, z"}));       // closed at the end of the text
  EXPECT_EQ(reported_lines, (std::vector<std::size_t>{2, 4}));  // B3's line holds one separator only
}

TEST(Tokenizer, StrictModeReportsWhereAnUnclosedQuoteOpened) {
  Tokenizer tokens("a\n\"ouvert\nsuite\n", {',', true});
  Record record;
  ASSERT_TRUE(tokens.next(record));
  EXPECT_FALSE(tokens.next(record));
  ASSERT_EQ(tokens.issues().size(), 1u);
  EXPECT_EQ(tokens.issues()[0].code, IssueCode::UnclosedQuote);
  EXPECT_EQ(tokens.issues()[0].position.line, 2u);
  EXPECT_EQ(tokens.issues()[0].position.column, 1u);
}

TEST(Tokenizer, PositionsCountCharactersNotBytes) {
  Tokenizer tokens("éé;\"x\ny\";z\n", {';', true});
  Record record;
  ASSERT_TRUE(tokens.next(record));
  EXPECT_EQ(tokens.position_of(record, record.fields[1].offset).column, 4u);
  Position third = tokens.position_of(record, record.fields[2].offset);
  EXPECT_EQ(third.line, 2u);
  EXPECT_EQ(third.column, 4u);
}

TEST(Tokenizer, GivesEachRecordsByteRangeWithoutItsLineEnd) {
  Tokenizer tokens("a;\"b\nc\"\r\nd", {';', true});
  Record record;
  ASSERT_TRUE(tokens.next(record));
  EXPECT_EQ(tokens.text().substr(record.offset, record.end_offset - record.offset), "a;\"b\nc\"");
  ASSERT_TRUE(tokens.next(record));
  EXPECT_EQ(tokens.text().substr(record.offset, record.end_offset - record.offset), "d");
}

TEST(Tokenizer, ReadsATrailingSeparatorAsAnEmptyLastField) {
  EXPECT_EQ(all("a,b,", {',', true}), (Rows{{"a", "b", ""}}));
}

}  // namespace
}  // namespace subsidia::csv
