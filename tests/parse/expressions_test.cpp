#include <gtest/gtest.h>

#include "parse_helpers.hpp"

namespace subsidia::parse::testing {
namespace {

TEST(ParseExpression, OrIsLooserThanAnd) {
  EXPECT_EQ(printed("a et b ou c et d"), "(ou (et a b) (et c d))");
}

TEST(ParseExpression, NotIsLooserThanComparison) {
  EXPECT_EQ(printed("non a = b"), "(non (= a b))");
}

TEST(ParseExpression, ArithmeticPrecedenceAndLeftAssociativity) {
  EXPECT_EQ(printed("a - b - c * d / e"), "(- (- a b) (/ (* c d) e))");
  EXPECT_EQ(printed("a × b"), "(* a b)");
}

TEST(ParseExpression, OtherwiseBindsLooserThanArithmetic) {
  EXPECT_EQ(printed("l.part sinon 0 + 1 = 1"), "(= (sinon l.part (+ 0 1)) 1)");
}

TEST(ParseExpression, ComparisonOperatorsInEverySpelling) {
  EXPECT_EQ(printed("a ≠ b"), "(≠ a b)");
  EXPECT_EQ(printed("a != b"), "(≠ a b)");
  EXPECT_EQ(printed("a <= b"), "(<= a b)");
  EXPECT_EQ(printed("a ≤ b"), "(<= a b)");
  EXPECT_EQ(printed("a >= b"), "(>= a b)");
  EXPECT_EQ(printed("a ≥ b"), "(>= a b)");
  EXPECT_EQ(printed("a < b"), "(< a b)");
  EXPECT_EQ(printed("a > b"), "(> a b)");
}

TEST(ParseExpression, MoneyIsNormalised) {
  EXPECT_EQ(printed("10 000 €"), "10000€");
  EXPECT_EQ(printed("5 000,50 €"), "5000.50€");
  EXPECT_EQ(printed("12 EUR"), "12€");
  EXPECT_EQ(printed("10000.00 €"), "10000.00€");
  EXPECT_EQ(printed("1\xC2\xA0" "000\xE2\x80\xAF" "000 €"), "1000000€");
}

TEST(ParseExpression, NumbersPercentsAndNegatives) {
  EXPECT_EQ(printed("0.20"), "0.20");
  EXPECT_EQ(printed("1 %"), "1%");
  EXPECT_EQ(printed("20%"), "20%");
  EXPECT_EQ(printed("80,5 %"), "80.5%");  // the decimal comma, as in an amount
  EXPECT_EQ(printed("80.5 %"), "80.5%");
  EXPECT_EQ(printed("f(1,5)"), printed("f(1, 5)"));  // without a unit, still two arguments
  EXPECT_EQ(printed("-3"), "-3");
  EXPECT_EQ(printed("-x"), "(neg x)");
  EXPECT_EQ(printed("a - -3"), "(- a -3)");
}

TEST(ParseExpression, CommaBetweenDigitsOutsideAmountsSeparatesArguments) {
  EXPECT_EQ(printed("min(1,5)"), "min(1, 5)");
}

TEST(ParseExpression, DateIsLexedBeforeNumbers) {
  EXPECT_EQ(printed("2014-07-09"), "2014-07-09");
  EXPECT_EQ(printed("date de la délibération >= 2014-07-09"), "(>= date_de_la_deliberation 2014-07-09)");
  EXPECT_EQ(printed("2014 - 07"), "(- 2014 07)");
}

TEST(ParseExpression, DeliberationDateInEverySpelling) {
  EXPECT_EQ(printed("date de la deliberation"), "date_de_la_deliberation");
  EXPECT_EQ(printed("deliberation date"), "date_de_la_deliberation");
  EXPECT_EQ(printed("date\n  de   la\tdélibération"), "date_de_la_deliberation");
  EXPECT_EQ(printed("deliberation.date"), "deliberation.date");
}

TEST(ParseExpression, StringsJoinAndUnescape) {
  EXPECT_EQ(printed("\"abc \" \"def\""), "\"abc def\"");
  EXPECT_EQ(printed("\"a\\\"b\\\\c\\nd\""), "\"a\\\"b\\\\c\\nd\"");
}

TEST(ParseExpression, BooleansAndLists) {
  EXPECT_EQ(printed("vrai ou faux"), "(ou vrai faux)");
  EXPECT_EQ(printed("true and false"), "(et vrai faux)");
  EXPECT_EQ(printed("[\"FR\", \"DE\"]"), "[\"FR\", \"DE\"]");
  EXPECT_EQ(printed("[]"), "[]");
}

TEST(ParseExpression, PathsWithAllItems) {
  EXPECT_EQ(printed("financement.plan[*].part"), "financement.plan[*].part");
  EXPECT_EQ(printed("indices[ * ]"), "indices[*]");
}

TEST(ParseExpression, PresenceOperators) {
  EXPECT_EQ(printed("x existe"), "(existe x)");
  EXPECT_EQ(printed("x est absent"), "(est_absent x)");
  EXPECT_EQ(printed("x est absente"), "(est_absent x)");
  EXPECT_EQ(printed("x est renseigné"), "(est_renseigne x)");
  EXPECT_EQ(printed("x est renseignee"), "(est_renseigne x)");
  EXPECT_EQ(printed("x is known et y exists"), "(et (est_renseigne x) (existe y))");
}

TEST(ParseExpression, MembershipInListTableAndName) {
  EXPECT_EQ(printed("x dans [\"a\", \"b\"]"), "(dans (x) [\"a\", \"b\"])");
  EXPECT_EQ(printed("x dans pays_zones(pays)"), "(dans (x) table:pays_zones(pays))");
  EXPECT_EQ(printed("x hors de territoires"), "(hors_de (x) liste:territoires)");
  EXPECT_EQ(printed("x pas dans [1]"), "(hors_de (x) [1])");
  EXPECT_EQ(printed("x not in [1]"), "(hors_de (x) [1])");
  EXPECT_EQ(printed("(a.n, a.c) dans chapitres(nomenclature, chapitre)"),
            "(dans (a.n, a.c) table:chapitres(nomenclature, chapitre))");
}

TEST(ParseExpression, TableLookup) {
  EXPECT_EQ(printed("chapitres(nomenclature = i.n, chapitre = i.c).section"),
            "(lookup chapitres(nomenclature = i.n, chapitre = i.c).section)");
}

TEST(ParseExpression, StartsWith) {
  EXPECT_EQ(printed("i.fonction commence par \"04\""), "(commence_par i.fonction \"04\")");
  EXPECT_EQ(printed("i.fonction starts with \"04\""), "(commence_par i.fonction \"04\")");
}

TEST(ParseExpression, QuantifierBodyExtendsAsFarAsPossible) {
  EXPECT_EQ(printed("tous l dans f.plan : l.part >= 0 et l.part <= 1"),
            "(tous l f.plan : (et (>= l.part 0) (<= l.part 1)))");
  EXPECT_EQ(printed("(tous l dans f.plan : l.a) et b"), "(et (tous l f.plan : l.a) b)");
  EXPECT_EQ(printed("au moins un i dans x.indices : i.type = \"s\""), "(au_moins_un i x.indices : (= i.type \"s\"))");
  EXPECT_EQ(printed("aucun p dans action.pays : p = \"FR\""), "(aucun p action.pays : (= p \"FR\"))");
  EXPECT_EQ(printed("some p in a : p"), "(au_moins_un p a : p)");
}

TEST(ParseExpression, Counting) {
  EXPECT_EQ(printed("au moins 2 parmi interet_local.indices[*].type distincts"),
            "(au_moins 2 parmi interet_local.indices[*].type distincts)");
  EXPECT_EQ(printed("au moins 1 parmi X et y"), "(et (au_moins 1 parmi X) y)");
  EXPECT_EQ(printed("at least n of x distinct"), "(au_moins n parmi x distincts)");
}

TEST(ParseExpression, Aggregates) {
  EXPECT_EQ(printed("somme(financement.plan[*].part)"), "(somme financement.plan[*].part)");
  EXPECT_EQ(printed("somme(l.montant pour l dans financement.plan si l.demandeur)"),
            "(somme l.montant pour l dans financement.plan si l.demandeur)");
  EXPECT_EQ(printed("nombre(financement.plan)"), "(nombre financement.plan)");
  EXPECT_EQ(printed("nombre(l dans financement.plan si l.demandeur)"),
            "(nombre pour l dans financement.plan si l.demandeur)");
  EXPECT_EQ(printed("distincts(x[*].type)"), "(distincts x[*].type)");
  EXPECT_EQ(printed("min(x[*].a)"), "(min x[*].a)");
  EXPECT_EQ(printed("sum(l.part otherwise 0 for l in p)"), "(somme (sinon l.part 0) pour l dans p)");
}

TEST(ParseExpression, FunctionCalls) {
  EXPECT_EQ(printed("arrondi(x, 0.01)"), "arrondi(x, 0.01)");
  EXPECT_EQ(printed("arrondi(x, 0.01, demi_pair)"), "arrondi(x, 0.01, demi_pair)");
  EXPECT_EQ(printed("min(a, b)"), "min(a, b)");
  EXPECT_EQ(printed("fin(s, 2) = \"04\""), "(= fin(s, 2) \"04\")");
  EXPECT_EQ(printed("longueur(s)"), "longueur(s)");
}

TEST(ParseExpression, CommentsAndLineBreaksAnywhere) {
  EXPECT_EQ(printed("a # commentaire\n  et # encore\n b"), "(et a b)");
}

TEST(ParseExpression, KeywordsAreNotPathHeads) {
  EXPECT_EQ(printed("etat = 1"), "(= etat 1)");  // a word that only starts like a keyword
  EXPECT_EQ(printed("a.si.fin"), "a.si.fin");    // keywords are fine after a dot
}

TEST(ParseExpressionSpans, NodesCoverTheirText) {
  const std::string file = std::string(expression_prefix) + "somme(l.part pour l dans p) + 10 000 € >= x.y[*].z";
  auto parsed = parse_rules(file, 7);
  ASSERT_TRUE(parsed.ok());
  const auto& d = std::get<ast::DefinitionDecl>(parsed.value->declarations[0]);
  EXPECT_EQ(d.span.file, 7u);
  EXPECT_EQ(spanned(file, d.name_span), "x");
  EXPECT_EQ(spanned(file, d.span), file);
  const auto& cmp = std::get<ast::Binary>(d.value.node);
  EXPECT_EQ(spanned(file, cmp.span), "somme(l.part pour l dans p) + 10 000 € >= x.y[*].z");
  const auto& add = std::get<ast::Binary>(cmp.left->node);
  EXPECT_EQ(spanned(file, add.span), "somme(l.part pour l dans p) + 10 000 €");
  EXPECT_EQ(spanned(file, std::get<ast::Aggregation>(add.left->node).span), "somme(l.part pour l dans p)");
  EXPECT_EQ(spanned(file, std::get<ast::NumberLiteral>(add.right->node).span), "10 000 €");
  const auto& path = std::get<ast::Path>(cmp.right->node);
  EXPECT_EQ(spanned(file, path.span), "x.y[*].z");
  EXPECT_EQ(spanned(file, path.segments[1].span), "y[*]");
}

TEST(ParseExpressionSpans, PostfixAndMembershipSpans) {
  const std::string file = std::string(expression_prefix) + "(a, b) dans t(c, d) et x est absente";
  auto parsed = parse_rules(file, 0);
  ASSERT_TRUE(parsed.ok());
  const auto& e = std::get<ast::Binary>(std::get<ast::DefinitionDecl>(parsed.value->declarations[0]).value.node);
  EXPECT_EQ(spanned(file, std::get<ast::Membership>(e.left->node).span), "(a, b) dans t(c, d)");
  EXPECT_EQ(spanned(file, std::get<ast::Unary>(e.right->node).span), "x est absente");
}

TEST(ParseExpressionSpans, QuantifierVariableSpan) {
  const std::string file = std::string(expression_prefix) + "tous ligne dans p : ligne.a";
  auto parsed = parse_rules(file, 0);
  ASSERT_TRUE(parsed.ok());
  const auto& q = std::get<ast::Quantified>(std::get<ast::DefinitionDecl>(parsed.value->declarations[0]).value.node);
  EXPECT_EQ(spanned(file, q.variable_span), "ligne");
  EXPECT_EQ(spanned(file, q.span), "tous ligne dans p : ligne.a");
}

TEST(ParseExpressionSpans, NegativeNumberSpanIncludesSign) {
  const std::string file = std::string(expression_prefix) + "- 3";
  auto parsed = parse_rules(file, 0);
  ASSERT_TRUE(parsed.ok());
  const auto& n = std::get<ast::NumberLiteral>(std::get<ast::DefinitionDecl>(parsed.value->declarations[0]).value.node);
  EXPECT_EQ(n.text, "-3");
  EXPECT_EQ(spanned(file, n.span), "- 3");
}

}  // namespace
}  // namespace subsidia::parse::testing
