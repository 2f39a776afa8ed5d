#include "csv/tokenizer.hpp"

#include "diag/utf8.hpp"


namespace subsidia::csv {

using diag::code_point_count;

Tokenizer::Tokenizer(std::string_view text, Dialect dialect) : text_(text), dialect_(dialect) {}

void Tokenizer::new_line(std::size_t next_line_start) {
  ++line_;
  line_start_ = next_line_start;
}

Position Tokenizer::position_at(std::size_t offset) const {
  return {line_, 1 + code_point_count(text_.substr(line_start_, offset - line_start_))};
}

Position Tokenizer::position_of(const Record& record, std::size_t offset) const {
  std::size_t line = record.line, start = record.offset;
  for (std::size_t i = record.offset; i < offset && i < text_.size(); ++i) {
    if (text_[i] == '\n' || (text_[i] == '\r' && (i + 1 >= text_.size() || text_[i + 1] != '\n'))) {
      ++line;
      start = i + 1;
    }
  }
  return {line, 1 + code_point_count(text_.substr(start, offset - start))};
}

void Tokenizer::issue(IssueCode code, std::size_t offset, std::string message) {
  issues_.push_back({code, position_at(offset), std::move(message)});
  if (dialect_.strict) failed_ = true;
}

bool Tokenizer::holds_a_row(std::string_view inside) const {
  if (header_width_ < 3) return false;  // too few columns for a line of separators to say anything
  std::size_t separators = 0;
  bool after_break = false;
  for (char c : inside) {
    if (c == '\n' || c == '\r') {
      after_break = true;
      separators = 0;
    } else if (after_break && c == dialect_.separator && ++separators + 1 >= header_width_) {
      return true;
    }
  }
  return false;
}

// At an opening quote. Returns false when the quote is never closed (the caller then reads the
// field again as unquoted, in lenient mode), or, in lenient mode, when it cannot be an opening
// quote (see the header: a cell over line breaks that ends malformed).
bool Tokenizer::read_quoted(Field& field, std::size_t start) {
  const std::size_t saved_line = line_, saved_line_start = line_start_;
  const std::size_t content = start + 1;
  std::size_t i = content;
  bool doubled = false;
  for (;;) {
    // Up to the next quote, counting the line breaks on the way.
    while (i < text_.size() && text_[i] != '"') {
      const char c = text_[i];
      if (c == '\n' || (c == '\r' && (i + 1 >= text_.size() || text_[i + 1] != '\n'))) new_line(i + 1);
      ++i;
    }
    if (i >= text_.size()) {
      line_ = saved_line;
      line_start_ = saved_line_start;
      issue(IssueCode::UnclosedQuote, start,
            dialect_.strict ? "guillemet ouvrant jamais fermé"
                            : "guillemet ouvrant jamais fermé : lu comme un caractère");
      return false;
    }
    if (i + 1 < text_.size() && text_[i + 1] == '"') {
      doubled = true;
      i += 2;
      continue;
    }
    break;
  }
  std::string_view inside = text_.substr(content, i - content);
  if (!dialect_.strict && line_ != saved_line) {
    const std::size_t after = i + 1;
    // Only a cell that ends badly betrays a stray quote. One closed before a separator or a line
    // end is RFC 4180 text, whatever its lines hold: a French paragraph in a comma-separated file
    // has as many commas as the header has cells, and reading it as unquoted lost a subsidy of
    // Poitiers' file written with commas, and any objet of `exporte scdl` over two lines.
    const bool malformed_end = after < text_.size() && text_[after] != dialect_.separator && text_[after] != '\n' &&
                               text_[after] != '\r';
    if (malformed_end) {
      line_ = saved_line;
      line_start_ = saved_line_start;
      issue(IssueCode::UnclosedQuote, start,
            "guillemet ouvrant dont la cellule engloberait des lignes entières et finirait mal "
            "(texte après son guillemet fermant) : lu comme un caractère");
      return false;
    }
    if (holds_a_row(inside)) {
      // Reported where the cell opens: the position is counted from the line being read.
      const std::size_t end_line = line_, end_line_start = line_start_;
      line_ = saved_line;
      line_start_ = saved_line_start;
      issue(IssueCode::CellHoldsARow, start,
            "cellule entre guillemets sur plusieurs lignes, dont une a autant de séparateurs qu'une ligne du "
            "fichier : lue comme une seule cellule ; si un guillemet isolé a réuni des lignes, le corriger");
      line_ = end_line;
      line_start_ = end_line_start;
    }
  }
  pos_ = i + 1;
  field.quoted = true;
  std::string* storage = nullptr;
  auto storage_for = [&]() -> std::string& {
    if (!storage) {
      if (unescaped_used_ == unescaped_.size()) unescaped_.emplace_back();
      storage = &unescaped_[unescaped_used_++];
      storage->clear();
      for (std::size_t k = 0; k < inside.size(); ++k) {
        *storage += inside[k];
        if (doubled && inside[k] == '"') ++k;  // "" -> "
      }
    }
    return *storage;
  };
  if (doubled) storage_for();
  // Text after the closing quote, before the separator or the line end.
  if (pos_ < text_.size() && text_[pos_] != dialect_.separator && text_[pos_] != '\n' && text_[pos_] != '\r') {
    issue(IssueCode::TextAfterClosingQuote, pos_,
          dialect_.strict ? "texte après le guillemet fermant d'une cellule"
                          : "texte après le guillemet fermant d'une cellule : ajouté à la cellule");
    if (dialect_.strict) return true;
    std::string& value = storage_for();
    value += '"';
    while (pos_ < text_.size() && text_[pos_] != dialect_.separator && text_[pos_] != '\n' && text_[pos_] != '\r')
      value += text_[pos_++];
    // "Association "X" du Lot": the last quote before the separator was the closing one.
    if (value.size() > 1 && value.back() == '"') value.pop_back();
  }
  field.value = storage ? std::string_view(*storage) : inside;
  return true;
}

void Tokenizer::read_unquoted(Field& field, std::size_t start) {
  std::size_t i = start;
  bool reported = false;
  const char separator = dialect_.separator;
  while (i < text_.size()) {
    const char c = text_[i];
    // Most characters are none of the four: one test for them.
    if (c != separator && c != '\n' && c != '\r' && c != '"') {
      ++i;
      continue;
    }
    if (c == separator || c == '\n' || c == '\r') break;
    if (c == '"' && i != literal_quote_ && !reported) {
      reported = true;
      issue(IssueCode::QuoteInUnquotedField, i,
            dialect_.strict ? "guillemet au milieu d'une cellule sans guillemets"
                            : "guillemet au milieu d'une cellule sans guillemets : lu comme un caractère");
      if (dialect_.strict) break;
    }
    ++i;
  }
  field.quoted = false;
  field.value = text_.substr(start, i - start);
  pos_ = i;
}

bool Tokenizer::next(Record& record) {
  issues_.clear();
  unescaped_used_ = 0;
  record.fields.clear();
  if (failed_ || pos_ >= text_.size()) return false;
  record.line = line_;
  record.offset = pos_;
  for (;;) {
    Field field;
    field.offset = pos_;
    if (pos_ < text_.size() && text_[pos_] == '"' && pos_ != literal_quote_) {
      if (!read_quoted(field, pos_)) {
        if (dialect_.strict) return false;
        literal_quote_ = field.offset;
        read_unquoted(field, field.offset);
      }
    } else {
      read_unquoted(field, pos_);
    }
    if (failed_) return false;
    record.fields.push_back(field);
    if (pos_ >= text_.size()) break;
    const char c = text_[pos_];
    if (c == dialect_.separator) {
      ++pos_;
      continue;
    }
    // A line end: CRLF, LF or a lone CR.
    if (header_width_ == 0 && !record.blank()) header_width_ = record.fields.size();
    record.end_offset = pos_;
    pos_ += (c == '\r' && pos_ + 1 < text_.size() && text_[pos_ + 1] == '\n') ? 2 : 1;
    record.end_line = line_;
    new_line(pos_);
    return true;
  }
  if (header_width_ == 0 && !record.blank()) header_width_ = record.fields.size();
  record.end_offset = pos_;
  record.end_line = line_;
  return true;
}

}  // namespace subsidia::csv
