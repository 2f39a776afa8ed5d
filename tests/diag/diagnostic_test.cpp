#include "diag/diagnostic.hpp"

#include <gtest/gtest.h>

namespace subsidia::diag {
namespace {

TEST(FormatDiagnostic, NamesFileLineColumnInCodePointsAndDrawsTheCaret) {
  SourceSet sources;
  const FileId id = sources.add("rules/x.regles", "source S\n  exige intérêt.pay existe\nfin\n");
  // "intérêt.pay" starts at byte 17 of the file (line 2, column 9), 13 bytes, 11 code points
  const Diagnostic d{Code::UnknownPath, SourceSpan{id, 17, 30}, "chemin inconnu : intérêt.pay", "action.pays"};
  const std::string text = format_diagnostic(sources, d);
  EXPECT_NE(text.find("rules/x.regles:2:9: erreur [chemin_inconnu] : chemin inconnu : intérêt.pay\n"), std::string::npos)
      << text;
  EXPECT_NE(text.find(" 2 |   exige intérêt.pay existe\n"), std::string::npos) << text;
  EXPECT_NE(text.find("   |         ^~~~~~~~~~~\n"), std::string::npos) << text;
  EXPECT_NE(text.find("= attendu : action.pays"), std::string::npos) << text;
}

TEST(FormatDiagnostic, ShowsInvalidBytesAsReplacementCharacters) {
  SourceSet sources;
  const FileId id = sources.add("r.regles", "ab\xff" "cd\n");
  const std::string text = format_diagnostic(sources, Diagnostic{Code::InvalidEncoding, SourceSpan{id, 2, 3}, "m", ""});
  EXPECT_NE(text.find("ab\xEF\xBF\xBD" "cd"), std::string::npos) << text;
  EXPECT_EQ(text.find('\xff'), std::string::npos);
}

TEST(FormatDiagnostics, SortsByFileAndPosition) {
  SourceSet sources;
  const FileId id = sources.add("r.regles", "a\nb\n");
  const std::string text = format_diagnostics(
      sources, {Diagnostic{Code::InternalError, SourceSpan{id, 2, 3}, "second", ""}, Diagnostic{Code::InternalError, SourceSpan{id, 0, 1}, "premier", ""}});
  EXPECT_LT(text.find("premier"), text.find("second"));
}

}  // namespace
}  // namespace subsidia::diag
