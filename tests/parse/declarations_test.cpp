#include <gtest/gtest.h>

#include "parse_helpers.hpp"

namespace subsidia::parse::testing {
namespace {

ast::RuleFile parse_ok(std::string_view text) {
  auto parsed = parse_rules(text, 0);
  EXPECT_TRUE(parsed.ok()) << text << "\n" << (parsed.diagnostics.empty() ? "" : parsed.diagnostics[0].message);
  return parsed.value.value_or(ast::RuleFile{});
}

constexpr std::string_view documented_example = R"regles(# rules/base-legale.regles
importer "definitions.regles"

source CGCT_L1115_1_V1992
  intitulé "CGCT, art. L1115-1 (loi n° 92-125 du 6 février 1992, art. 131)"
  référence "Loi n° 92-125 du 6 février 1992"
  en vigueur du 1992-02-08 au 2007-02-05
fin

table chapitres = "tables/chapitres.csv"

définition hors_convention = convention est absente

règle base_legale.interet_local
  titre "Intérêt public local d'une action hors convention"
  source CGCT_L1115_1_V1992, CAA_PARIS_2009_ERDE
  gravité bloquante
  s'applique si hors_convention et action_a_l_etranger
  exige au moins 2 parmi interet_local.indices[*].type distincts
  si respectée "L'intérêt public local est documenté par {distincts(interet_local.indices[*].type)} indices distincts."
  si violée "Action hors convention sans intérêt public local documenté : "
            "{distincts(interet_local.indices[*].type)} indice(s) distinct(s), deux au moins sont attendus."
  si indéterminée "Les indices d'intérêt local ne sont pas renseignés."
fin
)regles";

TEST(ParseDeclarations, DocumentedExampleGivesEveryDeclaration) {
  const ast::RuleFile file = parse_ok(documented_example);
  ASSERT_EQ(file.declarations.size(), 5u);
  EXPECT_EQ(std::get<ast::Import>(file.declarations[0]).file.value, "definitions.regles");

  const auto& source = std::get<ast::SourceDecl>(file.declarations[1]);
  EXPECT_EQ(source.name, "CGCT_L1115_1_V1992");
  EXPECT_EQ(source.title->value, "CGCT, art. L1115-1 (loi n° 92-125 du 6 février 1992, art. 131)");
  EXPECT_EQ(source.reference->value, "Loi n° 92-125 du 6 février 1992");
  EXPECT_FALSE(source.note.has_value());
  ASSERT_TRUE(source.period.from && source.period.to);
  EXPECT_EQ(source.period.from->year, 1992);
  EXPECT_EQ(source.period.to->month, 2);
  EXPECT_EQ(source.period.to->day, 5);

  const auto& table = std::get<ast::TableDecl>(file.declarations[2]);
  EXPECT_EQ(table.name, "chapitres");
  EXPECT_EQ(table.file.value, "tables/chapitres.csv");

  const auto& definition = std::get<ast::DefinitionDecl>(file.declarations[3]);
  EXPECT_EQ(definition.name, "hors_convention");
  EXPECT_EQ(print(definition.value), "(est_absent convention)");

  const auto& rule = std::get<ast::RuleDecl>(file.declarations[4]);
  EXPECT_EQ(rule.id, "base_legale.interet_local");
  EXPECT_EQ(rule.title->value, "Intérêt public local d'une action hors convention");
  ASSERT_EQ(rule.sources.size(), 2u);
  EXPECT_EQ(rule.sources[1].first, "CAA_PARIS_2009_ERDE");
  EXPECT_EQ(rule.severity, ast::Severity::Blocking);
  EXPECT_EQ(print(*rule.applies_if), "(et hors_convention action_a_l_etranger)");
  EXPECT_EQ(print(*rule.requires_), "(au_moins 2 parmi interet_local.indices[*].type distincts)");
  ASSERT_TRUE(rule.when_violated.has_value());
  ASSERT_EQ(rule.when_violated->parts.size(), 3u);
  EXPECT_EQ(std::get<std::string>(rule.when_violated->parts[0].part),
            "Action hors convention sans intérêt public local documenté : ");
  EXPECT_EQ(print(std::get<ast::Expression>(rule.when_violated->parts[1].part)), "(distincts interet_local.indices[*].type)");
  EXPECT_EQ(std::get<std::string>(rule.when_violated->parts[2].part),
            " indice(s) distinct(s), deux au moins sont attendus.");
  EXPECT_EQ(rule.when_unknown->parts.size(), 1u);
}

TEST(ParseDeclarations, SpansOfDeclarationsAndNames) {
  const std::string_view text = documented_example;
  const ast::RuleFile file = parse_ok(text);
  const auto& source = std::get<ast::SourceDecl>(file.declarations[1]);
  EXPECT_EQ(spanned(text, source.name_span), "CGCT_L1115_1_V1992");
  EXPECT_EQ(spanned(text, source.span).substr(0, 7), "source ");
  EXPECT_EQ(spanned(text, source.span).substr(spanned(text, source.span).size() - 3), "fin");
  EXPECT_EQ(spanned(text, source.period.span), "en vigueur du 1992-02-08 au 2007-02-05");
  EXPECT_EQ(where(text, source.period.from->span.begin).line, 7u);
  EXPECT_EQ(where(text, source.period.from->span.begin).column, 17u);

  const auto& rule = std::get<ast::RuleDecl>(file.declarations[4]);
  EXPECT_EQ(spanned(text, rule.id_span), "base_legale.interet_local");
  EXPECT_EQ(spanned(text, rule.sources[1].second), "CAA_PARIS_2009_ERDE");
  EXPECT_EQ(spanned(text, rule.severity_span), "bloquante");
  EXPECT_EQ(where(text, rule.id_span.begin).line, 14u);
  EXPECT_EQ(where(text, rule.id_span.begin).column, 7u);  // after "règle ": columns count code points
}

TEST(ParseDeclarations, PlaceholderSpansPointIntoTheFile) {
  const std::string_view text = documented_example;
  const ast::RuleFile file = parse_ok(text);
  const auto& rule = std::get<ast::RuleDecl>(file.declarations[4]);
  const ast::TemplatePart& placeholder = rule.when_violated->parts[1];
  EXPECT_EQ(spanned(text, placeholder.span), "{distincts(interet_local.indices[*].type)}");
  const auto& aggregate = std::get<ast::Aggregation>(std::get<ast::Expression>(placeholder.part).node);
  EXPECT_EQ(spanned(text, aggregate.span), "distincts(interet_local.indices[*].type)");
  EXPECT_EQ(where(text, aggregate.span.begin).line, 22u);
  EXPECT_EQ(where(text, aggregate.span.begin).column, 15u);  // after the quote and the brace
  const auto& path = std::get<ast::Path>(aggregate.collection->node);
  EXPECT_EQ(spanned(text, path.segments[1].span), "indices[*]");
}

TEST(ParseDeclarations, TemplateEscapesAndJoining) {
  const ast::RuleFile file = parse_ok(
      "règle r\n si violée \"a {{b}} \\\"c\\\" {x + 1}\" \"d\\n\" \"{y}\"\nfin");
  const auto& t = *std::get<ast::RuleDecl>(file.declarations[0]).when_violated;
  ASSERT_EQ(t.parts.size(), 4u);
  EXPECT_EQ(std::get<std::string>(t.parts[0].part), "a {b} \"c\" ");
  EXPECT_EQ(print(std::get<ast::Expression>(t.parts[1].part)), "(+ x 1)");
  EXPECT_EQ(std::get<std::string>(t.parts[2].part), "d\n");
  EXPECT_EQ(print(std::get<ast::Expression>(t.parts[3].part)), "y");
}

TEST(ParseDeclarations, EnglishKeywords) {
  const ast::RuleFile file = parse_ok(R"(import "x.regles"
source S title "t" reference "r" note "n" in force from 2001-01-01 to 2002-12-31 end
define d = a and not b or c
rule theme.v2014
  title "t"
  source S
  in force until 2014-07-08
  severity warning
  applies if x exists
  requires all l in p : l.a is known
  if respected "ok" if violated "ko" if unknown "?"
end
)");
  ASSERT_EQ(file.declarations.size(), 4u);
  const auto& source = std::get<ast::SourceDecl>(file.declarations[1]);
  EXPECT_EQ(source.note->value, "n");
  EXPECT_EQ(source.period.to->year, 2002);
  EXPECT_EQ(print(std::get<ast::DefinitionDecl>(file.declarations[2]).value), "(ou (et a (non b)) c)");
  const auto& rule = std::get<ast::RuleDecl>(file.declarations[3]);
  EXPECT_EQ(rule.id, "theme.v2014");
  EXPECT_EQ(rule.severity, ast::Severity::Warning);
  EXPECT_FALSE(rule.period->from.has_value());
  EXPECT_EQ(rule.period->to->day, 8);
  EXPECT_EQ(print(*rule.applies_if), "(existe x)");
  EXPECT_EQ(print(*rule.requires_), "(tous l p : (est_renseigne l.a))");
  EXPECT_TRUE(rule.when_respected && rule.when_violated && rule.when_unknown);
}

TEST(ParseDeclarations, InForceAfterAnExpressionStartsAClause) {
  const ast::RuleFile file = parse_ok("rule r requires x in force always severity blocking end");
  const auto& rule = std::get<ast::RuleDecl>(file.declarations.at(0));
  EXPECT_EQ(print(*rule.requires_), "x");
  EXPECT_TRUE(rule.period.has_value());
  EXPECT_EQ(printed("x in [1]"), "(dans (x) [1])");
}

TEST(ParseDeclarations, UnaccentedKeywords) {
  const ast::RuleFile file = parse_ok(R"(definition d = x
regle r
  titre "t"
  gravite bloquante
  en
     vigueur a toute date
  s applique
    si x est renseigne
  exige
    z
  si respectee "a" si violee "b" si indeterminee "c"
fin
)");
  ASSERT_EQ(file.declarations.size(), 2u);
  const auto& rule = std::get<ast::RuleDecl>(file.declarations[1]);
  EXPECT_FALSE(rule.period->from || rule.period->to);
  EXPECT_EQ(print(*rule.applies_if), "(est_renseigne x)");
  EXPECT_EQ(print(*rule.requires_), "z");
}

TEST(ParseDeclarations, FourFormsOfPeriod) {
  const ast::RuleFile file = parse_ok(R"(source A en vigueur du 2007-02-06 au 2014-07-08 fin
source B en vigueur du 2021-08-06 fin
source C en vigueur jusqu'au 1992-02-07 fin
source D en vigueur à toute date fin
source E en vigueur jusqu’au 1992-02-07 fin
)");
  ASSERT_EQ(file.declarations.size(), 5u);
  auto period = [&](int i) { return std::get<ast::SourceDecl>(file.declarations[i]).period; };
  EXPECT_TRUE(period(0).from && period(0).to);
  EXPECT_TRUE(period(1).from && !period(1).to);
  EXPECT_TRUE(!period(2).from && period(2).to);
  EXPECT_TRUE(!period(3).from && !period(3).to);
  EXPECT_TRUE(!period(4).from && period(4).to);
}

TEST(ParseDeclarations, SourceSaysWhereItsDateComesFromAndWhichDaysAreDisputed) {
  const ast::RuleFile file = parse_ok(R"(source A
  intitulé "Loi"
  origine de la date "version de Légifrance : jour du JO"
  date discutée du 2007-02-06 au 2007-02-07 "code civil : le lendemain"
  date discutee du 2014-07-09 "un seul jour"
  en vigueur du 2007-02-06
fin
)");
  ASSERT_EQ(file.declarations.size(), 1u);
  const auto& source = std::get<ast::SourceDecl>(file.declarations[0]);
  ASSERT_TRUE(source.date_origin);
  EXPECT_EQ(source.date_origin->value, "version de Légifrance : jour du JO");
  ASSERT_EQ(source.disputed.size(), 2u);
  EXPECT_EQ(source.disputed[0].from->day, 6);
  EXPECT_EQ(source.disputed[0].to->day, 7);
  EXPECT_EQ(source.disputed[0].reason.value, "code civil : le lendemain");
  EXPECT_FALSE(source.disputed[1].to);
}

TEST(ParseDeclarations, RuleClausesMayComeInAnyOrderAndBeOmitted) {
  const ast::RuleFile file = parse_ok("règle r exige a titre \"t\" fin\nrègle vide fin");
  ASSERT_EQ(file.declarations.size(), 2u);
  const auto& rule = std::get<ast::RuleDecl>(file.declarations[0]);
  EXPECT_EQ(rule.title->value, "t");
  EXPECT_EQ(print(*rule.requires_), "a");
  EXPECT_FALSE(std::get<ast::RuleDecl>(file.declarations[1]).requires_.has_value());
}

TEST(ParseDeclarations, EmptyFileAndCommentsOnlyGiveNoDeclaration) {
  EXPECT_TRUE(parse_ok("").declarations.empty());
  EXPECT_TRUE(parse_ok("# rien\n\n   # toujours rien").declarations.empty());
  EXPECT_TRUE(parse_ok("\xEF\xBB\xBF# avec BOM\n").declarations.empty());
}

TEST(ParseDeclarations, FileIdIsKept) {
  auto parsed = parse_rules("table t = \"t.csv\"", 3);
  ASSERT_TRUE(parsed.ok());
  EXPECT_EQ(parsed.value->file, 3u);
  EXPECT_EQ(std::get<ast::TableDecl>(parsed.value->declarations[0]).span.file, 3u);
}

}  // namespace
}  // namespace subsidia::parse::testing
