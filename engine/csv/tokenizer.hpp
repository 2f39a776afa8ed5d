// RFC 4180 CSV records out of UTF-8 text, with the line and column of everything.
//
//   csv::Tokenizer tokens(text, {.separator = ';', .strict = false});
//   csv::Record record;
//   while (tokens.next(record)) { record.line; record.fields[i].value; ... }
//
// Quoted fields may hold separators, doubled quotes and line breaks; lines end with LF, CRLF
// or a lone CR. An empty line is a record with one empty field (Record::blank()).
//
// Strict mode (rule tables): a quote inside an unquoted field, text after a closing quote or
// an unclosed quote stops the reading with an error. Lenient mode (published files) reads
// them the way a spreadsheet would and reports each as a warning: a stray quote is a
// character; text after a closing quote is appended; a quote never closed is read as a
// character, so that one stray quote cannot swallow the rest of the file. Nor can it swallow
// the rows up to the next stray quote: an opening quote whose cell would run over a line break
// is read as a character when the cell would end in a malformed way (text after its closing
// quote: `"Soutien 2019;100` … `Festival "Jazz"`). A cell that closes cleanly (before a
// separator, a line end or the end of the text) is one cell, as RFC 4180 says, even when one of
// its lines holds as many separators as the header: that is what a paragraph of French prose
// in a comma-separated file looks like. Such a cell is reported all the same (CellHoldsARow):
// a stray quote closed by a quote that happens to end a cell (`12"`) would make one cell of the
// rows between, and only a person can tell the two apart.
//
// Field values view into the text, or into the tokenizer for quoted fields that had doubled
// quotes: they stay valid until the next call to next().
#pragma once

#include <cstddef>
#include <deque>
#include <string>
#include <string_view>
#include <vector>

namespace subsidia::csv {

struct Dialect {
  char separator = ',';
  bool strict = true;
};

struct Position {
  std::size_t line = 0;    // 1-based
  std::size_t column = 0;  // 1-based, in characters (code points) from the start of the line
};

struct Field {
  std::string_view value;
  std::size_t offset = 0;  // byte offset in the text of its first character (the quote, if quoted)
  bool quoted = false;
};

struct Record {
  std::size_t line = 0;      // line where it starts
  std::size_t end_line = 0;  // line where it ends (later when a quoted field holds line breaks)
  std::size_t offset = 0;    // byte offset of its first character
  std::size_t end_offset = 0;  // byte offset just past its last character (before the line end)
  std::vector<Field> fields;
  bool blank() const { return fields.size() == 1 && fields[0].value.empty() && !fields[0].quoted; }
};

enum class IssueCode {
  UnclosedQuote,         // "guillemet jamais fermé"
  QuoteInUnquotedField,  // a"b
  TextAfterClosingQuote, // "a"b
  CellHoldsARow,         // lenient: a quoted cell, closed well, over a line holding a row's separators
  // read_table() only:
  InvalidUtf8,           // a byte that is not UTF-8
  RowWidth,              // a row without the header's number of cells
  EmptyTable,            // no header line
};

struct Issue {
  IssueCode code;
  Position position;
  std::string message;  // French
};

class Tokenizer {
 public:
  Tokenizer(std::string_view text, Dialect dialect);

  // Reads the next record; false at the end of the text, or after an error in strict mode.
  bool next(Record& record);
  // Warnings (lenient) or the error (strict) of the last call to next().
  const std::vector<Issue>& issues() const { return issues_; }
  bool failed() const { return failed_; }

  // Line and column of a byte offset of `record` (a field's offset, for messages).
  Position position_of(const Record& record, std::size_t offset) const;
  std::string_view text() const { return text_; }

 private:
  bool read_quoted(Field& field, std::size_t start);
  void read_unquoted(Field& field, std::size_t start);
  void issue(IssueCode code, std::size_t offset, std::string message);
  Position position_at(std::size_t offset) const;  // from the current line
  void new_line(std::size_t next_line_start);

  // Whether one of the lines after the first of a quoted cell holds as many separators as the
  // header has cells (a whole row's).
  bool holds_a_row(std::string_view inside) const;

  std::string_view text_;
  Dialect dialect_;
  std::size_t header_width_ = 0;  // cells of the first non-blank record
  std::size_t pos_ = 0;
  std::size_t line_ = 1;
  std::size_t line_start_ = 0;
  std::size_t literal_quote_ = std::string_view::npos;  // lenient: a quote read as a character
  std::deque<std::string> unescaped_;  // storage of quoted fields with doubled quotes
  std::size_t unescaped_used_ = 0;
  std::vector<Issue> issues_;
  bool failed_ = false;
};

}  // namespace subsidia::csv
