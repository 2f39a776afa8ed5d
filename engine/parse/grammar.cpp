// The one translation unit that instantiates the grammar, and parse_rules around it.
#include <algorithm>
#include <exception>
#include <tuple>

#include "parse/grammar_def.hpp"
#include "parse/parser.hpp"

namespace subsidia::parse {

namespace grammar {
BOOST_SPIRIT_INSTANTIATE(declaration_type, iterator_type, context_type)
}  // namespace grammar

namespace {

void sort_and_deduplicate(std::vector<diag::Diagnostic>& diagnostics) {
  auto key = [](const diag::Diagnostic& d) { return std::tie(d.span.begin, d.span.end, d.code, d.message); };
  std::stable_sort(diagnostics.begin(), diagnostics.end(),
                   [&](const diag::Diagnostic& a, const diag::Diagnostic& b) { return key(a) < key(b); });
  // A date read again after backtracking is reported once.
  diagnostics.erase(std::unique(diagnostics.begin(), diagnostics.end(),
                                [&](const diag::Diagnostic& a, const diag::Diagnostic& b) { return key(a) == key(b); }),
                    diagnostics.end());
}

}  // namespace

diag::Checked<ast::RuleFile> parse_rules(std::string_view text, diag::FileId file) {
  diag::Checked<ast::RuleFile> result;
  ast::RuleFile rules;
  rules.file = file;
  ParseState state;
  state.begin = text.data();
  state.file = file;
  try {
    const char* it = text.data();
    const char* const end = text.data() + text.size();
    if (text.substr(0, 3) == "\xEF\xBB\xBF") it += 3;  // byte order mark
    const phrase_context_type phrase_context(skipper);
    const context_type context(state, phrase_context);
    for (;;) {
      x3::skip_over(it, end, phrase_context);
      if (it == end) break;
      const char* const start = it;
      state.failed_at = nullptr;
      state.string_open = nullptr;
      ast::Declaration declaration;
      if (grammar::declaration().parse(it, end, context, x3::unused, declaration)) {
        rules.declarations.push_back(std::move(declaration));
        continue;
      }
      if (state.failed_at == nullptr) {
        state.diagnostics.push_back(syntax_error(text, file, state.offset(start),
                                                 "une déclaration (règle, source, table, définition ou importer)", 0));
      }
      const std::uint32_t resume = std::max(state.failed_at != nullptr ? state.offset(state.failed_at) : 0U,
                                            state.offset(start) + 1);
      it = text.data() + next_declaration_start(text, resume);
    }
  } catch (const std::exception& e) {
    // A bug of the parser, not of the file: still a diagnostic, never an exception.
    state.diagnostics.push_back({diag::Code::InternalError, {file, 0, 0}, std::string("erreur interne de l'analyseur : ") + e.what(), {}});
  }
  sort_and_deduplicate(state.diagnostics);
  result.diagnostics = std::move(state.diagnostics);
  if (result.diagnostics.empty()) result.value = std::move(rules);
  return result;
}

}  // namespace subsidia::parse
