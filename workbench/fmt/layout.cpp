#include "fmt/layout.hpp"

#include <array>
#include <optional>
#include <vector>

#include "fmt/lexer.hpp"

namespace subsidia::workbench::fmt {

namespace {

std::size_t code_points(std::string_view text) {
  std::size_t n = 0;
  for (unsigned char c : text)
    if ((c & 0xC0) != 0x80) ++n;
  return n;
}

// Declarations that start at column 0. Mid-line, only the accented spellings start a new
// line: an identifier is ASCII, so "règle" can be nothing but the keyword.
constexpr std::array<std::string_view, 11> kDeclarations{"importer", "import", "source", "table", "définition",
                                                         "definition", "define", "règle", "regle", "rule", "fin"};
constexpr std::array<std::string_view, 3> kSplitDeclarations{"importer", "définition", "règle"};
bool is_block_opener(std::string_view w) { return w == "source" || w == "règle" || w == "regle" || w == "rule"; }
bool is_block_end(std::string_view w) { return w == "fin" || w == "end"; }

// Clause keywords of sources and rules (parse/keywords.hpp), word by word; `split` marks those
// that cannot be anything else, so that one met in the middle of a line starts a new clause.
struct Clause {
  std::array<std::string_view, 4> words;
  bool split;
};
constexpr Clause kClauses[] = {
    {{"intitulé"}, true},           {{"intitule"}, false},           {{"titre"}, false},
    {{"title"}, false},             {{"référence"}, true},          {{"reference"}, false},
    {{"note"}, false},              {{"origine", "de", "la", "date"}, true},
    {{"date", "origin"}, false},    {{"date", "discutée"}, true},   {{"date", "discutee"}, true},
    {{"disputed", "date"}, false},  {{"en", "vigueur"}, true},      {{"in", "force"}, false},
    {{"source"}, false},            {{"gravité"}, true},            {{"gravite"}, false},
    {{"severity"}, false},          {{"s'applique", "si"}, true},   {{"s’applique", "si"}, true},
    {{"s", "applique", "si"}, false}, {{"applies", "if"}, false},   {{"exige"}, true},
    {{"requires"}, false},          {{"si", "respectée"}, true},    {{"si", "respectee"}, true},
    {{"if", "respected"}, false},   {{"si", "violée"}, true},       {{"si", "violee"}, true},
    {{"if", "violated"}, false},    {{"si", "indéterminée"}, true}, {{"si", "indeterminee"}, true},
    {{"if", "unknown"}, false},     {{"si", "sans", "objet"}, true}, {{"if", "not", "applicable"}, false},
};

bool is_and_or(std::string_view w) { return w == "et" || w == "ou" || w == "and" || w == "or"; }

class Layout {
 public:
  explicit Layout(std::string_view text) : tokens_(lex(text)) {}

  std::string run() {
    for (std::size_t i = 0; i < tokens_.size();) i = emit(i);
    finish_line();
    while (!out_.empty() && out_.back() == '\n') out_.pop_back();
    if (!out_.empty()) out_ += '\n';
    return std::move(out_);
  }

 private:
  // How many words of a clause keyword start at token i (0: none).
  std::size_t clause_at(std::size_t i, bool* split = nullptr) const {
    for (const Clause& clause : kClauses) {
      std::size_t n = 0;
      while (n < clause.words.size() && !clause.words[n].empty()) ++n;
      bool match = true;
      for (std::size_t k = 0; k < n && match; ++k) {
        const std::size_t at = i + k;
        match = at < tokens_.size() && tokens_[at].kind == TokenKind::Word && tokens_[at].text == clause.words[k] &&
                (k == 0 || tokens_[at].newlines_before == 0 || true);
        // A later word of the keyword may be on another line (any spacing is allowed); a
        // comment between them would make `at` a comment and end the match.
      }
      if (match) {
        if (split) *split = clause.split;
        return n;
      }
    }
    return 0;
  }

  bool is_declaration(std::size_t i) const {
    if (tokens_[i].kind != TokenKind::Word) return false;
    for (std::string_view d : kDeclarations)
      if (tokens_[i].text == d) return true;
    return false;
  }

  // A `fin` that closes the current block: at bracket depth 0, followed by nothing, a comment,
  // or a declaration.
  bool closes_block(std::size_t i) const {
    if (!in_block_ || !brackets_.empty() || tokens_[i].kind != TokenKind::Word || !is_block_end(tokens_[i].text))
      return false;
    if (i + 1 >= tokens_.size()) return true;
    const Token& next = tokens_[i + 1];
    if (next.kind == TokenKind::Comment) return true;
    return is_declaration(i + 1) && !is_block_end(next.text);
  }

  // Whether token i must start a line, whatever the author did.
  bool must_break(std::size_t i) const {
    if (line_empty_) return false;
    if (after_comment_) return true;
    const Token& t = tokens_[i];
    if (t.kind != TokenKind::Word) return false;
    if (closes_block(i)) return true;
    if (in_block_) {
      // After `règle id` / `source NAME` comes the first clause.
      if (i == header_end_) return true;
      bool split = false;
      if (brackets_.empty() && clause_at(i, &split)) {
        // A keyword that could also be a name ("titre", "source") starts a clause only
        // where an expression cannot go on: after a string or a severity.
        const Token& previous = tokens_[i - 1];
        if (split || previous.kind == TokenKind::String || previous.text == "bloquante" ||
            previous.text == "blocking" || previous.text == "avertissement" || previous.text == "warning")
          return true;
      }
    } else if (brackets_.empty()) {
      for (std::string_view d : kSplitDeclarations)
        if (t.text == d) return true;
    }
    return false;
  }

  // The indentation of a line that starts with token i.
  std::size_t indent_for(std::size_t i) const {
    const Token& t = tokens_[i];
    if (t.kind == TokenKind::Word) {
      if (closes_block(i)) return 0;
      if (!in_block_ && is_declaration(i)) return 0;
      if (in_block_ && brackets_.empty() && clause_at(i)) return 2;
    }
    if (!brackets_.empty()) return brackets_.back();
    return in_block_ ? content_column_ : 2;
  }

  void finish_line() {
    while (!out_.empty() && out_.back() == ' ') out_.pop_back();
  }
  void new_line(std::size_t indent, bool blank_line) {
    finish_line();
    if (!out_.empty()) {
      out_ += '\n';
      if (blank_line) out_ += '\n';
    }
    out_.append(indent, ' ');
    column_ = indent;
    line_empty_ = true;
    after_comment_ = false;
  }
  void put(std::string_view text, bool space) {
    if (space && !line_empty_) {
      out_ += ' ';
      ++column_;
    }
    out_ += text;
    column_ += code_points(text);
    line_empty_ = false;
  }

  // Starts a line for token i when the author or the layout wants one; returns whether it did.
  bool place(std::size_t i, bool force) {
    const Token& t = tokens_[i];
    const bool first = out_.empty() && line_empty_;
    if (first) return false;
    if (force || t.newlines_before > 0 || must_break(i)) {
      new_line(indent_for(i), t.newlines_before >= 2);
      return true;
    }
    return false;
  }

  // The width of the tokens from i up to the next `et`/`ou`, line break the author made,
  // comment or clause: what must fit on the line if an `et`/`ou` at i stays on it.
  std::size_t segment_width(std::size_t i) const {
    std::size_t width = code_points(tokens_[i].text);
    for (std::size_t j = i + 1; j < tokens_.size(); ++j) {
      const Token& t = tokens_[j];
      if (t.newlines_before > 0 || t.kind == TokenKind::Comment) break;
      if (t.kind == TokenKind::Word && (is_and_or(t.text) || clause_at(j))) break;
      width += (t.blank_before ? 1 : 0) + code_points(t.text);
    }
    return width;
  }

  void track_brackets(std::string_view word, std::size_t start_column) {
    std::size_t column = start_column;
    for (std::size_t k = 0; k < word.size(); ++k) {
      const unsigned char c = static_cast<unsigned char>(word[k]);
      if ((c & 0xC0) != 0x80) ++column;  // column just after this character
      if (c == '(' || c == '[') brackets_.push_back(column);
      else if ((c == ')' || c == ']') && !brackets_.empty()) brackets_.pop_back();
    }
  }

  std::size_t emit(std::size_t i) {
    const Token& t = tokens_[i];
    if (t.kind == TokenKind::Comment) {
      if (t.newlines_before == 0 && !(out_.empty() && line_empty_)) {
        put(t.text, true);  // at the end of its line, as written
      } else {
        // On its own line: indented as the code that follows it.
        std::size_t next = i + 1;
        while (next < tokens_.size() && tokens_[next].kind == TokenKind::Comment) ++next;
        const std::size_t indent = next < tokens_.size() ? indent_for(next) : 0;
        if (!(out_.empty() && line_empty_)) new_line(indent, t.newlines_before >= 2);
        else out_.append(indent, ' '), column_ = indent;
        put(t.text, false);
      }
      after_comment_ = true;
      return i + 1;
    }
    if (t.kind == TokenKind::String) return emit_strings(i);

    // A word.
    bool force = false;
    if (!line_empty_ && t.newlines_before == 0 && is_and_or(t.text) &&
        column_ + 1 + segment_width(i) > kLineWidth && column_ > indent_for(i))
      force = true;
    const bool broke = place(i, force);
    // What the word starts.
    if (closes_block(i)) {
      in_block_ = false;
      brackets_.clear();
    } else if (!in_block_ && brackets_.empty() && is_declaration(i) && (broke || column_ == 0 || line_empty_)) {
      brackets_.clear();
      if (is_block_opener(t.text)) {
        in_block_ = true;
        content_column_ = 2;
        header_end_ = i + 2;
      }
    } else if (in_block_ && brackets_.empty()) {
      if (const std::size_t n = clause_at(i); n && (broke || line_empty_ || must_break(i))) {
        // The clause's content starts after its keyword, written with single spaces.
        std::size_t width = 0;
        for (std::size_t k = 0; k < n; ++k) width += code_points(tokens_[i + k].text) + (k ? 1 : 0);
        content_column_ = 2 + width + 1;
        brackets_.clear();
      }
    }
    const std::size_t start = line_empty_ ? column_ : column_ + (t.blank_before ? 1 : 0);
    put(t.text, t.blank_before);
    track_brackets(t.text, start);
    return i + 1;
  }

  // A run of adjacent strings (the language joins them): joined, then cut after spaces into
  // pieces that fit in kLineWidth columns, aligned under the first quote.
  std::size_t emit_strings(std::size_t i) {
    std::size_t end = i;
    std::string content;
    while (end < tokens_.size() && tokens_[end].kind == TokenKind::String) {
      content += string_content(tokens_[end]);
      ++end;
    }
    place(i, false);
    if (!line_empty_ && tokens_[i].blank_before) {
      out_ += ' ';
      ++column_;
    }
    const std::size_t quote_column = column_;
    // Chunks end after a space: "La ", "subvention ", "de "... A placeholder {…} is never
    // cut: it must open and close in the same piece of string.
    std::vector<std::string_view> chunks;
    std::size_t from = 0, depth = 0;
    for (std::size_t at = 0; at < content.size(); ++at) {
      const char c = content[at];
      if (c == '\\') {
        ++at;
      } else if (c == '{' && depth == 0 && at + 1 < content.size() && content[at + 1] == '{') {
        ++at;
      } else if (c == '}' && depth == 0 && at + 1 < content.size() && content[at + 1] == '}') {
        ++at;
      } else if (c == '{') {
        ++depth;
      } else if (c == '}' && depth > 0) {
        --depth;
      } else if (c == '"' && depth > 0) {
        // An inner string of a placeholder: skip to its closing quote.
        for (++at; at < content.size() && content[at] != '"'; ++at)
          if (content[at] == '\\') ++at;
      } else if (c == ' ' && depth == 0) {
        chunks.push_back(std::string_view(content).substr(from, at + 1 - from));
        from = at + 1;
      }
    }
    if (from < content.size()) chunks.push_back(std::string_view(content).substr(from));
    std::size_t k = 0;
    bool first_piece = true;
    do {
      if (!first_piece) {
        finish_line();
        out_ += '\n';
        out_.append(quote_column, ' ');
        column_ = quote_column;
      }
      std::string piece = "\"";
      std::size_t width = 2;
      bool any = false;
      while (k < chunks.size()) {
        const std::size_t w = code_points(chunks[k]);
        if (any && column_ + width + w > kLineWidth) break;
        piece += chunks[k];
        width += w;
        any = true;
        ++k;
      }
      piece += '"';
      out_ += piece;
      column_ += width;
      line_empty_ = false;
      first_piece = false;
    } while (k < chunks.size());
    return end;
  }

  std::vector<Token> tokens_;
  std::string out_;
  std::size_t column_ = 0;
  bool line_empty_ = true;
  bool after_comment_ = false;
  bool in_block_ = false;
  std::size_t content_column_ = 2;
  std::vector<std::size_t> brackets_;  // the column after each bracket still open
  std::size_t header_end_ = 0;         // the token after the current block's `règle id`
};

}  // namespace

std::string layout(std::string_view text) { return Layout(text).run(); }

}  // namespace subsidia::workbench::fmt
