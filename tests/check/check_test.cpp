// The checker's diagnostics: each code at its position (file:line:column), on small rule texts.
#include <gtest/gtest.h>

#include "check/load.hpp"
#include "check/model_from_ast.hpp"
#include "diag/diagnostic.hpp"
#include "diag/spelling.hpp"
#include "model/expression.hpp"

namespace subsidia::check {
namespace {

const schema::Schema& test_schema() {
  static const schema::Schema s = schema::Schema::load(SUBSIDIA_SCHEMA);
  return s;
}

constexpr const char* kHeader =
    "source S\n"
    "  intitulé \"Source\"\n"
    "  en vigueur à toute date\n"
    "fin\n";  // 4 lines: rules start on line 5

std::string rule(const std::string& id, const std::string& requirement) {
  return "règle " + id + "\n  titre \"t\"\n  source S\n  gravité bloquante\n  exige " + requirement + "\nfin\n";
}

LoadResult load(const std::string& text, std::vector<std::pair<std::string, std::string>> more = {}) {
  more.insert(more.begin(), {"base.regles", text});
  return load_rule_base_from_texts(more, test_schema());
}

// "chemin_inconnu@9:15"
std::vector<std::string> where(const LoadResult& r) {
  std::vector<std::string> out;
  for (const diag::Diagnostic& d : r.diagnostics) {
    std::string at = "?";
    if (d.span.file < r.sources.size()) {
      const diag::SourceFile& f = r.sources.file(d.span.file);
      const diag::LineColumn lc = f.locate(d.span.begin);
      at = f.path() + ":" + std::to_string(lc.line) + ":" + std::to_string(lc.column);
    }
    out.push_back(std::string(diag::code_name(d.code)) + "@" + at);
  }
  return out;
}

std::string dump(const LoadResult& r) { return diag::format_diagnostics(r.sources, r.diagnostics); }

TEST(Checker, AcceptsAWellFormedBase) {
  const LoadResult r = load(std::string(kHeader) + rule("a.b", "montant > 0 €"));
  ASSERT_TRUE(r.base) << dump(r);
  ASSERT_EQ(r.base->families.size(), 1u);
  EXPECT_EQ(r.base->families[0].id, "a.b");
  EXPECT_EQ(r.base->families[0].versions[0].citation(), "Source (en vigueur à toute date)");
}

TEST(Checker, UnknownPathPointsAtTheSegmentAndSuggestsNearFields) {
  const LoadResult r = load(std::string(kHeader) + rule("a", "action.pay existe"));
  ASSERT_EQ(r.diagnostics.size(), 1u) << dump(r);
  EXPECT_EQ(where(r)[0], "chemin_inconnu@base.regles:9:16");
  EXPECT_NE(r.diagnostics[0].expected.find("action.pays"), std::string::npos) << r.diagnostics[0].expected;
  EXPECT_EQ(r.diagnostics[0].message, "chemin inconnu : action.pay ; vouliez-vous dire « action.pays » ?");
  EXPECT_FALSE(r.base);
}

// "Vouliez-vous dire" only for a slip; a word near no field gets the list of fields alone.
TEST(Checker, DidYouMeanIsOfferedForASlipOnly) {
  const LoadResult name = load(std::string(kHeader) + rule("a", "montnt > 0 €"));
  ASSERT_EQ(name.diagnostics.size(), 1u) << dump(name);
  EXPECT_EQ(name.diagnostics[0].message, "nom inconnu : montnt ; vouliez-vous dire « montant » ?");
  const LoadResult far = load(std::string(kHeader) + rule("a", "action.xyzzy existe"));
  ASSERT_EQ(far.diagnostics.size(), 1u) << dump(far);
  EXPECT_EQ(far.diagnostics[0].message, "chemin inconnu : action.xyzzy");
  EXPECT_FALSE(far.diagnostics[0].expected.empty());
  const LoadResult source = load(std::string(kHeader) +
                                 "règle a\n  titre \"t\"\n  source s\n  gravité bloquante\n  exige vrai\nfin\n");
  ASSERT_EQ(source.diagnostics.size(), 1u) << dump(source);
  EXPECT_EQ(source.diagnostics[0].message, "source inconnue : s");  // one letter: too short to guess
  EXPECT_EQ(diag::did_you_mean("CGCT_L1115_1_V214", {"CGCT_L1115_1_V2014"}), " ; vouliez-vous dire « CGCT_L1115_1_V2014 » ?");
  EXPECT_EQ(diag::did_you_mean("exgie", {"exige"}), " ; vouliez-vous dire « exige » ?");
  EXPECT_EQ(diag::did_you_mean("pays", {"nature"}), "");
}

// A definition is a name, not a field: never offered for a path that goes on after its head.
TEST(Checker, UnknownPathHeadIsNotOfferedADefinitionName) {
  const LoadResult r = load(std::string(kHeader) + "définition action_etrangere = vrai\n" +
                            rule("a", "actoin.pays existe"));
  ASSERT_EQ(r.diagnostics.size(), 1u) << dump(r);
  EXPECT_EQ(r.diagnostics[0].expected.find("action_etrangere"), std::string::npos) << r.diagnostics[0].expected;
}

// Five [*] in one path: more than the evaluator records (model::kMaxListDepth), an error.
TEST(Checker, MoreThanFourListLevelsInOnePathIsAnError) {
  std::string nested = R"({"type": "object", "properties": {"v": {"type": "string"}}})";
  for (int i = 0; i < 5; ++i) {
    nested = R"({"type": "object", "properties": {"l": {"type": "array", "items": )" + nested + "}}}";
  }
  const schema::Schema deep = schema::Schema::parse(
      R"({"type": "object", "required": [], "properties": {"a": )" + nested + "}}", "profond.schema.json");
  const std::string four = std::string(kHeader) + rule("quatre", "nombre(a.l[*].l[*].l[*].l[*]) >= 0");
  const LoadResult ok = load_rule_base_from_texts({{"base.regles", four}}, deep);
  EXPECT_TRUE(ok.base) << dump(ok);
  const std::string five = std::string(kHeader) + rule("cinq", "nombre(a.l[*].l[*].l[*].l[*].l[*].v) >= 0");
  const LoadResult r = load_rule_base_from_texts({{"base.regles", five}}, deep);
  ASSERT_EQ(r.diagnostics.size(), 1u) << dump(r);
  EXPECT_EQ(r.diagnostics[0].code, diag::Code::NotAList);
  EXPECT_FALSE(r.base);
}

// A table saved as Latin-1 by a spreadsheet: refused where the first bad byte is, never let
// through into the outputs as invalid UTF-8.
TEST(Checker, Latin1TableIsRefusedAtItsLineAndColumn) {
  const std::string rules = std::string(kHeader) + "table t = \"t.csv\"\n" + rule("a", "montant > 0 €");
  const LoadResult r = load(rules, {{"t.csv", "code,libelle\n1,Coop\xE9ration\n"}});
  ASSERT_EQ(r.diagnostics.size(), 1u) << dump(r);
  EXPECT_EQ(r.diagnostics[0].code, diag::Code::TableError);
  EXPECT_NE(r.diagnostics[0].message.find("t.csv:2:7"), std::string::npos) << r.diagnostics[0].message;
  EXPECT_FALSE(r.base);
}

// Quoted cells may hold commas and line breaks: the project's one CSV reader reads them.
TEST(Checker, TableCellsMayHoldQuotedCommasAndLineBreaks) {
  const std::string rules = std::string(kHeader) + "table t = \"t.csv\"\n" +
                            rule("a", "t(code = \"1\").libelle = \"a, b\\nc\"");
  const LoadResult r = load(rules, {{"t.csv", "code,libelle\r\n1,\"a, b\nc\"\r\n"}});
  ASSERT_TRUE(r.base) << dump(r);
}

TEST(Checker, UnknownSingleNameIsUnknownName) {
  const LoadResult r = load(std::string(kHeader) + rule("a", "hors_convnetion"));
  ASSERT_EQ(r.diagnostics.size(), 1u) << dump(r);
  EXPECT_EQ(r.diagnostics[0].code, diag::Code::UnknownName);
}

TEST(Checker, MoneyTimesMoneyIsRejected) {
  const LoadResult r = load(std::string(kHeader) + rule("a", "montant * montant > 0 €"));
  ASSERT_EQ(r.diagnostics.size(), 1u) << dump(r);
  EXPECT_EQ(where(r)[0], "montant_fois_montant@base.regles:9:9");
}

TEST(Checker, MoneyComparedWithADateIsATypeMismatchNamingBothTypes) {
  const LoadResult r = load(std::string(kHeader) + rule("a", "montant < 2014-07-09"));
  ASSERT_EQ(r.diagnostics.size(), 1u) << dump(r);
  EXPECT_EQ(r.diagnostics[0].code, diag::Code::TypeMismatch);
  EXPECT_NE(r.diagnostics[0].message.find("montant"), std::string::npos);
  EXPECT_NE(r.diagnostics[0].message.find("date"), std::string::npos);
}

// The hint says how to write the kind at stake: a date or a boolean written as a text gets
// its own, not the money one.
TEST(Checker, ATypeMismatchHintsAtTheKindOfValueCompared) {
  const LoadResult date = load(std::string(kHeader) + rule("a", "deliberation.date = \"2014-07-09\""));
  ASSERT_EQ(date.diagnostics.size(), 1u) << dump(date);
  EXPECT_EQ(date.diagnostics[0].expected, "deux valeurs de même type (une date s'écrit 2024-03-01, sans guillemets)");
  const LoadResult truth = load(std::string(kHeader) + rule("a", "beneficiaire.activite_politique = \"vrai\""));
  ASSERT_EQ(truth.diagnostics.size(), 1u) << dump(truth);
  EXPECT_EQ(truth.diagnostics[0].expected, "deux valeurs de même type (vrai ou faux, sans guillemets)");
  const LoadResult money = load(std::string(kHeader) + rule("a", "montant = \"10000\""));
  ASSERT_EQ(money.diagnostics.size(), 1u) << dump(money);
  EXPECT_EQ(money.diagnostics[0].expected, "deux valeurs de même type (un montant s'écrit 10 000 €)");
}

TEST(Checker, MoneyLiteralComparedWithADecimalPathIsAnError) {
  const LoadResult r = load(std::string(kHeader) + rule("a", "tous l dans financement.plan : l.part <= 1 €"));
  ASSERT_EQ(r.diagnostics.size(), 1u) << dump(r);
  EXPECT_EQ(r.diagnostics[0].code, diag::Code::TypeMismatch);
}

TEST(Checker, IntegerIsADecimalAndPercentIsADecimal) {
  const LoadResult r = load(std::string(kHeader) + rule("a", "tous l dans financement.plan : l.part <= 1 et l.part >= 1 %"));
  EXPECT_TRUE(r.base) << dump(r);
}

TEST(Checker, AndOnANonBooleanIsATypeMismatch) {
  const LoadResult r = load(std::string(kHeader) + rule("a", "montant et vrai"));
  ASSERT_FALSE(r.diagnostics.empty());
  EXPECT_EQ(where(r)[0], "types_incompatibles@base.regles:9:9");
}

TEST(Checker, ArithmeticOnTextIsATypeMismatch) {
  const LoadResult r = load(std::string(kHeader) + rule("a", "objet + 1 = 2"));
  ASSERT_EQ(r.diagnostics.size(), 1u) << dump(r);
  EXPECT_EQ(r.diagnostics[0].code, diag::Code::TypeMismatch);
  EXPECT_NE(r.diagnostics[0].message.find("texte"), std::string::npos);
}

// A day when no version is in force, between two versions, is an error: it would make the
// dossiers of that day sans objet without a word.
TEST(Checker, GapBetweenTwoVersionsIsAnError) {
  const std::string text =
      "source A\n  intitulé \"A\"\n  en vigueur jusqu'au 2026-03-10\nfin\n"
      "source B\n  intitulé \"B\"\n  en vigueur du 2026-03-12\nfin\n"
      "règle r\n  titre \"ancienne\"\n  source A\n  gravité bloquante\n  exige vrai\nfin\n"
      "règle r\n  titre \"nouvelle\"\n  source B\n  gravité bloquante\n  exige vrai\nfin\n";
  const LoadResult r = load(text);
  ASSERT_EQ(r.diagnostics.size(), 1u) << dump(r);
  EXPECT_EQ(where(r)[0], "trou_entre_versions@base.regles:15:7");
  EXPECT_NE(r.diagnostics[0].message.find("10 mars 2026"), std::string::npos) << r.diagnostics[0].message;
  EXPECT_NE(r.diagnostics[0].message.find("12 mars 2026"), std::string::npos) << r.diagnostics[0].message;
  EXPECT_FALSE(r.base);
}

// An overlap names both versions and their periods, and says how to close the older one.
TEST(Checker, OverlapNamesBothVersionsAndTheirPeriods) {
  const std::string text =
      "source A\n  intitulé \"A\"\n  en vigueur jusqu'au 2026-03-12\nfin\n"
      "source B\n  intitulé \"B\"\n  en vigueur du 2026-03-12\nfin\n"
      "règle r\n  titre \"ancienne\"\n  source A\n  gravité bloquante\n  exige vrai\nfin\n"
      "règle r\n  titre \"nouvelle\"\n  source B\n  gravité bloquante\n  exige vrai\nfin\n";
  const LoadResult r = load(text);
  ASSERT_EQ(r.diagnostics.size(), 1u) << dump(r);
  EXPECT_EQ(r.diagnostics[0].code, diag::Code::OverlappingVersions);
  EXPECT_NE(r.diagnostics[0].message.find("« ancienne »"), std::string::npos) << r.diagnostics[0].message;
  EXPECT_NE(r.diagnostics[0].expected.find("la veille"), std::string::npos) << r.diagnostics[0].expected;
}

TEST(Checker, EnumValueOutsideTheSchemaListsThePossibleValues) {
  const LoadResult r = load(std::string(kHeader) + rule("a", "beneficiaire.categorie = \"etat_etrangere\""));
  ASSERT_EQ(r.diagnostics.size(), 1u) << dump(r);
  EXPECT_EQ(where(r)[0], "valeur_hors_liste@base.regles:9:34");
  EXPECT_NE(r.diagnostics[0].message.find("valeur « etat_etrangere » inconnue pour beneficiaire.categorie ; valeurs possibles : "),
            std::string::npos)
      << r.diagnostics[0].message;
  EXPECT_NE(r.diagnostics[0].expected.find("etat_etranger"), std::string::npos);
}

TEST(Checker, RequirementMustBeACondition) {
  const LoadResult r = load(std::string(kHeader) + rule("a", "montant"));
  ASSERT_EQ(r.diagnostics.size(), 1u) << dump(r);
  EXPECT_EQ(where(r)[0], "pas_une_condition@base.regles:9:9");
}

TEST(Checker, DivisionNeedsAnExplicitRounding) {
  EXPECT_FALSE(load(std::string(kHeader) + rule("a", "montant / 2 > 0 €")).base);
  const LoadResult ok = load(std::string(kHeader) + rule("a", "arrondi(montant / 3, 0.01) > 0 €"));
  EXPECT_TRUE(ok.base) << dump(ok);
}

TEST(Checker, StarOnAFieldThatIsNotAListIsAnError) {
  const LoadResult r = load(std::string(kHeader) + rule("a", "somme(montant[*]) > 0 €"));
  ASSERT_FALSE(r.diagnostics.empty());
  EXPECT_EQ(r.diagnostics[0].code, diag::Code::NotAList);
}

TEST(Checker, UnknownSourceIsReportedAtItsName) {
  const LoadResult r = load(std::string(kHeader) + "règle a\n  titre \"t\"\n  source INCONNUE\n  gravité bloquante\n  exige vrai\nfin\n");
  ASSERT_EQ(r.diagnostics.size(), 1u) << dump(r);
  EXPECT_EQ(where(r)[0], "source_inconnue@base.regles:7:10");
}

TEST(Checker, SameIdTwiceWithoutPeriodsIsADuplicate) {
  const LoadResult r = load(std::string(kHeader) + rule("a", "vrai") + rule("a", "faux"));
  ASSERT_EQ(r.diagnostics.size(), 1u) << dump(r);
  EXPECT_EQ(where(r)[0], "regle_en_double@base.regles:11:7");
}

TEST(Checker, OverlappingVersionsPointAtTheSecond) {
  const std::string text = std::string(kHeader) +
                           "source A\n  intitulé \"A\"\n  en vigueur du 2000-01-01 au 2010-12-31\nfin\n"
                           "source B\n  intitulé \"B\"\n  en vigueur du 2010-01-01\nfin\n" +
                           "règle v\n  titre \"t\"\n  source A\n  gravité bloquante\n  exige vrai\nfin\n"
                           "règle v\n  titre \"t\"\n  source B\n  gravité bloquante\n  exige vrai\nfin\n";
  const LoadResult r = load(text);
  ASSERT_EQ(r.diagnostics.size(), 1u) << dump(r);
  EXPECT_EQ(where(r)[0], "versions_chevauchantes@base.regles:19:7");
}

TEST(Checker, DisjointVersionsAreSortedByPeriod) {
  const std::string text = std::string(kHeader) +
                           "source A\n  intitulé \"A\"\n  en vigueur du 2011-01-01\nfin\n"
                           "source B\n  intitulé \"B\"\n  en vigueur jusqu'au 2010-12-31\nfin\n" +
                           "règle v\n  titre \"nouveau\"\n  source A\n  gravité bloquante\n  exige vrai\nfin\n"
                           "règle v\n  titre \"ancien\"\n  source B\n  gravité bloquante\n  exige vrai\nfin\n";
  const LoadResult r = load(text);
  ASSERT_TRUE(r.base) << dump(r);
  ASSERT_EQ(r.base->families[0].versions.size(), 2u);
  EXPECT_EQ(r.base->families[0].versions[0].title, "ancien");
}

TEST(Checker, EmptyIntersectionOfPeriodsIsAnError) {
  const std::string text = std::string(kHeader) +
                           "source A\n  intitulé \"A\"\n  en vigueur jusqu'au 2000-01-01\nfin\n"
                           "règle v\n  titre \"t\"\n  source A\n  en vigueur du 2005-01-01\n  gravité bloquante\n  exige vrai\nfin\n";
  const LoadResult r = load(text);
  ASSERT_EQ(r.diagnostics.size(), 1u) << dump(r);
  EXPECT_EQ(r.diagnostics[0].code, diag::Code::EmptyPeriod);
  EXPECT_EQ(where(r)[0], "periode_vide@base.regles:12:3");
}

// A source whose end precedes its start is the one error: the versions citing it are not also
// checked against the others, where its unknown period read as « en vigueur à toute date » and
// gave a false overlap, printed first (review of 3 December 2026).
TEST(Checker, AnInvertedSourcePeriodIsTheOnlyError) {
  const std::string text = std::string(kHeader) +
                           "source A\n  intitulé \"A\"\n  en vigueur du 2014-07-08 au 2007-02-06\nfin\n"
                           "source B\n  intitulé \"B\"\n  en vigueur du 2014-07-09\nfin\n"
                           "règle v\n  titre \"ancien\"\n  source A\n  gravité bloquante\n  exige vrai\nfin\n"
                           "règle v\n  titre \"nouveau\"\n  source B\n  gravité bloquante\n  exige vrai\nfin\n";
  const LoadResult r = load(text);
  ASSERT_EQ(r.diagnostics.size(), 1u) << dump(r);
  EXPECT_EQ(r.diagnostics[0].code, diag::Code::EmptyPeriod);
}

// A control character in a rule file (a NUL pasted into a title) is refused where it is: it
// loaded, and went into every JSON output as \u0000. Tabs and CRLF stay layout.
TEST(Checker, AControlCharacterIsRefusedWhereItIs) {
  std::string text = std::string(kHeader) +
                     "règle v\n  titre \"Organe compétent\"\n  source S\n  gravité bloquante\n  exige vrai\nfin\n";
  const LoadResult clean = load(text);
  ASSERT_TRUE(clean.base) << dump(clean);
  const std::size_t at = text.find("compétent");
  text.insert(at, 1, '\0');
  const LoadResult r = load(text);
  EXPECT_FALSE(r.base);
  ASSERT_EQ(r.diagnostics.size(), 1u) << dump(r);
  EXPECT_EQ(r.diagnostics[0].code, diag::Code::InvalidEncoding);
  EXPECT_NE(r.diagnostics[0].message.find("0x00"), std::string::npos) << r.diagnostics[0].message;
  EXPECT_EQ(r.diagnostics[0].span.begin, at);
  std::string crlf = std::string(kHeader) + "règle v\r\n\ttitre \"t\"\r\n  source S\r\n  gravité bloquante\r\n  exige vrai\r\nfin\r\n";
  EXPECT_TRUE(load(crlf).base) << dump(load(crlf));
}

// "source_inutilisee@base.regles:5:8", for the warnings.
std::vector<std::string> warned(const LoadResult& r) {
  LoadResult only;
  only.diagnostics = r.warnings;
  only.sources = r.sources;
  return where(only);
}

// A new wording declared as a source and never cited: the base loads, and says it.
// A text with placeholders is only a piece of message: used as a value it would compare
// its braces. Its placeholders are checked even when no message names it, and a cycle
// through them is reported.
// A dossier cannot hold a value its field's pattern refuses: a literal outside the pattern
// would make the comparison always false, silently (review 18: "gp" among French territories
// read Guadeloupe as abroad and turned an incomplet dossier conforme).
TEST(Checker, ALiteralOutsideTheFieldsPatternIsRefused) {
  const LoadResult in_list = load(std::string(kHeader) + rule("a", "beneficiaire.pays dans [\"GP\", \"gp\"]"));
  ASSERT_EQ(in_list.diagnostics.size(), 1u) << dump(in_list);
  EXPECT_EQ(where(in_list)[0], "valeur_hors_motif@base.regles:9:39");
  EXPECT_NE(in_list.diagnostics[0].message.find("vouliez-vous dire \"GP\""), std::string::npos) << in_list.diagnostics[0].message;
  EXPECT_FALSE(in_list.base);
  const LoadResult in_definition = load(std::string(kHeader) + "définition territoires = [\"MQ\", \"gp\"]\n" +
                                        rule("a", "non (au moins un p dans action.pays : p dans territoires)"));
  ASSERT_EQ(in_definition.diagnostics.size(), 1u) << dump(in_definition);
  EXPECT_EQ(diag::code_name(in_definition.diagnostics[0].code), std::string("valeur_hors_motif"));
  const LoadResult equal = load(std::string(kHeader) + rule("a", "beneficiaire.pays ≠ \"France\""));
  ASSERT_EQ(equal.diagnostics.size(), 1u) << dump(equal);
  // A string field with a pattern of its own: imputation.chapitre is ^[0-9]{2,5}$.
  const LoadResult chapter = load(std::string(kHeader) + rule("a", "imputation.chapitre = \"93O\""));
  ASSERT_EQ(chapter.diagnostics.size(), 1u) << dump(chapter);
  EXPECT_NE(chapter.diagnostics[0].message.find("^[0-9]{2,5}$"), std::string::npos) << chapter.diagnostics[0].message;
  const LoadResult fine = load(std::string(kHeader) + rule("a", "beneficiaire.pays dans [\"GP\", \"MQ\"]"));
  EXPECT_TRUE(fine.base) << dump(fine);
}

TEST(Checker, SelonTakesAConditionAndTwoValuesOfOneType) {
  EXPECT_TRUE(load(std::string(kHeader) + rule("a", "selon(action.urgence, montant, 10 €) > 0 €")).base);
  const LoadResult not_condition = load(std::string(kHeader) + rule("a", "selon(montant, vrai, faux)"));
  ASSERT_EQ(not_condition.diagnostics.size(), 1u) << dump(not_condition);
  EXPECT_EQ(diag::code_name(not_condition.diagnostics[0].code), std::string("pas_une_condition"));
  const LoadResult mixed = load(std::string(kHeader) + rule("a", "selon(vrai, montant, \"x\") = \"x\""));
  ASSERT_GE(mixed.diagnostics.size(), 1u) << dump(mixed);
  EXPECT_EQ(diag::code_name(mixed.diagnostics[0].code), std::string("types_incompatibles"));
  const LoadResult two = load(std::string(kHeader) + rule("a", "selon(vrai, faux)"));
  ASSERT_EQ(two.diagnostics.size(), 1u) << dump(two);
  EXPECT_EQ(diag::code_name(two.diagnostics[0].code), std::string("nombre_d_arguments"));
}

// Review 22: the same typo through other doors: a literal before `dans` a list field, a
// prefix no value can begin with, a placeholder in a title.
TEST(Checker, ImpossibleLiteralsAreRefusedThroughEveryForm) {
  const LoadResult in_field = load(std::string(kHeader) + rule("a", "\"re\" dans action.pays"));
  ASSERT_EQ(in_field.diagnostics.size(), 1u) << dump(in_field);
  EXPECT_EQ(diag::code_name(in_field.diagnostics[0].code), std::string("valeur_hors_motif"));
  EXPECT_TRUE(load(std::string(kHeader) + rule("a", "\"RE\" dans action.pays")).base);
  const LoadResult prefix = load(std::string(kHeader) + rule("a", "imputation.fonction commence par \"O4\""));
  ASSERT_EQ(prefix.diagnostics.size(), 1u) << dump(prefix);
  EXPECT_EQ(diag::code_name(prefix.diagnostics[0].code), std::string("valeur_hors_motif"));
  EXPECT_TRUE(load(std::string(kHeader) + rule("a", "imputation.fonction commence par \"04\"")).base);
  EXPECT_TRUE(load(std::string(kHeader) + rule("a", "beneficiaire.pays commence par \"F\"")).base);
  EXPECT_FALSE(load(std::string(kHeader) + rule("a", "beneficiaire.pays commence par \"f\"")).base);
  const LoadResult title = load(std::string(kHeader) +
                                "règle a\n  titre \"plus de {seuil}\"\n  source S\n  gravité bloquante\n  exige vrai\nfin\n");
  ASSERT_EQ(title.diagnostics.size(), 1u) << dump(title);
  EXPECT_EQ(diag::code_name(title.diagnostics[0].code), std::string("erreur_message"));
}

TEST(Checker, ListTypesAreNamedInGoodFrench) {
  const LoadResult r = load(std::string(kHeader) + rule("a", "[1, 2] = 3"));
  ASSERT_FALSE(r.diagnostics.empty());
  EXPECT_NE(r.diagnostics[0].message.find("liste d'entiers"), std::string::npos) << r.diagnostics[0].message;
}

TEST(Checker, ATextDefinitionWithPlaceholdersIsForMessagesOnly) {
  const std::string phrase = "définition phrase = \"Subvention de {montant}\"\n";  // line 5
  const LoadResult as_value = load(std::string(kHeader) + phrase + rule("a", "phrase = \"x\""));
  ASSERT_EQ(as_value.diagnostics.size(), 1u) << dump(as_value);
  EXPECT_EQ(where(as_value)[0], "erreur_message@base.regles:10:9");
  EXPECT_NE(as_value.diagnostics[0].message.find("ne s'emploie qu'entier, dans un message"), std::string::npos);
  EXPECT_FALSE(as_value.base);

  const LoadResult typo = load(std::string(kHeader) + "définition phrase = \"Subvention de {montnt}\"\n" +
                               rule("a", "vrai"));
  ASSERT_EQ(typo.diagnostics.size(), 1u) << dump(typo);
  EXPECT_EQ(where(typo)[0], "nom_inconnu@base.regles:5:37");

  const LoadResult cycle = load(std::string(kHeader) + "définition a = \"x {b}\"\ndéfinition b = \"y {a}\"\n" +
                                rule("r", "vrai"));
  ASSERT_EQ(cycle.diagnostics.size(), 1u) << dump(cycle);
  EXPECT_EQ(diag::code_name(cycle.diagnostics[0].code), std::string("definition_circulaire"));

  const LoadResult fine = load(std::string(kHeader) + phrase +
                               "règle a\n  titre \"t\"\n  source S\n  gravité bloquante\n  exige vrai\n"
                               "  si respectée \"{phrase}.\"\nfin\n");
  EXPECT_TRUE(fine.base) << dump(fine);
}

TEST(Checker, ASourceNoRuleCitesIsAWarningAndTheBaseLoads) {
  const std::string text = std::string(kHeader) +
                           "source S_2027\n  intitulé \"Nouvelle rédaction\"\n  en vigueur du 2027-01-01\nfin\n" +
                           rule("a", "vrai");
  const LoadResult r = load(text);
  ASSERT_TRUE(r.base) << dump(r);
  EXPECT_TRUE(r.diagnostics.empty());
  ASSERT_EQ(warned(r), std::vector<std::string>{"source_inutilisee@base.regles:5:8"});
  EXPECT_EQ(r.warnings[0].level, diag::Level::Warning);
  EXPECT_NE(r.warnings[0].message.find("S_2027 n'est citée par aucune règle"), std::string::npos) << r.warnings[0].message;
  const std::string shown = diag::format_diagnostics(r.sources, r.warnings);
  EXPECT_NE(shown.find("base.regles:5:8: avertissement [source_inutilisee]"), std::string::npos) << shown;
  // Cited by a rule of another file, it is used.
  const LoadResult cited = load(text, {{"autre.regles", "règle b\n  titre \"t\"\n  source S_2027\n  gravité bloquante\n  exige vrai\nfin\n"}});
  ASSERT_TRUE(cited.base) << dump(cited);
  EXPECT_TRUE(cited.warnings.empty()) << diag::format_diagnostics(cited.sources, cited.warnings);
}

// One id in two files: the second is read as a version of the first, which is said.
TEST(Checker, ARuleIdDeclaredInTwoFilesIsAWarning) {
  const std::string sources =
      "source A\n  intitulé \"A\"\n  en vigueur jusqu'au 2010-12-31\nfin\n"
      "source B\n  intitulé \"B\"\n  en vigueur du 2011-01-01\nfin\n";
  const std::string old_version = "règle v\n  titre \"ancien\"\n  source A\n  gravité bloquante\n  exige vrai\nfin\n";
  const std::string new_version = "règle v\n  titre \"nouveau\"\n  source B\n  gravité bloquante\n  exige vrai\nfin\n";
  const LoadResult split = load(sources + old_version, {{"copie.regles", new_version}});
  ASSERT_TRUE(split.base) << dump(split);
  ASSERT_EQ(warned(split), std::vector<std::string>{"regle_dans_plusieurs_fichiers@copie.regles:1:7"});
  EXPECT_NE(split.warnings[0].message.find("aussi déclarée dans base.regles"), std::string::npos) << split.warnings[0].message;
  ASSERT_EQ(split.base->families.size(), 1u);
  EXPECT_EQ(split.base->families[0].versions.size(), 2u);
  // The same two versions in one file: no warning.
  const LoadResult together = load(sources + old_version + new_version);
  ASSERT_TRUE(together.base) << dump(together);
  EXPECT_TRUE(together.warnings.empty()) << diag::format_diagnostics(together.sources, together.warnings);
}

// « en vigueur » only narrows: past its sources' bounds it is cut, and the cut is said.
TEST(Checker, ARulePeriodPastItsSourcesIsCutWithAWarning) {
  const std::string source = "source A\n  intitulé \"A\"\n  en vigueur du 2016-01-01 au 2020-12-31\nfin\n";
  auto with_clause = [&](const std::string& clause) {
    return load(source + "règle v\n  titre \"t\"\n  source A\n  " + clause + "\n  gravité bloquante\n  exige vrai\nfin\n");
  };
  const LoadResult early = with_clause("en vigueur du 2015-01-01");
  ASSERT_TRUE(early.base) << dump(early);
  ASSERT_EQ(warned(early), std::vector<std::string>{"periode_reduite@base.regles:8:3"});
  EXPECT_NE(early.warnings[0].message.find("période commune : en vigueur du 1er janvier 2016 au 31 décembre 2020"),
            std::string::npos)
      << early.warnings[0].message;
  ASSERT_TRUE(early.base->families[0].versions[0].period.from);
  EXPECT_EQ(early.base->families[0].versions[0].period.from->french(), "1er janvier 2016");

  const LoadResult late = with_clause("en vigueur du 2017-01-01 au 2022-06-30");
  ASSERT_TRUE(late.base) << dump(late);
  EXPECT_EQ(warned(late), std::vector<std::string>{"periode_reduite@base.regles:8:3"});
  // Inside the sources' period, or open on the side it does not narrow: nothing to say.
  for (const char* clause : {"en vigueur du 2017-01-01 au 2018-12-31", "en vigueur jusqu'au 2018-12-31",
                             "en vigueur du 2017-01-01", "en vigueur à toute date"}) {
    const LoadResult inside = with_clause(clause);
    ASSERT_TRUE(inside.base) << clause << dump(inside);
    EXPECT_TRUE(inside.warnings.empty()) << clause << diag::format_diagnostics(inside.sources, inside.warnings);
  }
}

TEST(Checker, DuplicateSourceTableAndDefinition) {
  const std::string text = std::string(kHeader) + kHeader + "table t = \"t.csv\"\ntable t = \"t.csv\"\n" +
                           "définition d = vrai\ndéfinition d = faux\n";
  const LoadResult r = load(text, {{"t.csv", "a\n1\n"}});
  const std::vector<std::string> got = where(r);
  ASSERT_EQ(got.size(), 3u) << dump(r);
  EXPECT_EQ(got[0], "source_en_double@base.regles:5:8");
  EXPECT_EQ(got[1], "table_en_double@base.regles:10:7");
  EXPECT_EQ(got[2], "definition_en_double@base.regles:12:12");
}

// `montant` alone would read the definition in every rule of the base, not the dossier's amount.
TEST(Checker, ADefinitionNamedAsADossierFieldIsRefused) {
  const LoadResult r = load(std::string(kHeader) + "définition montant = 1 €\n" + rule("r", "montant <= 23 000 €"));
  EXPECT_FALSE(r.base);
  const std::vector<std::string> got = where(r);
  ASSERT_EQ(got.size(), 1u) << dump(r);
  EXPECT_EQ(got[0], "definition_masque_un_champ@base.regles:5:12");
}

// A base of sources and definitions alone would find every dossier conforme.
TEST(Checker, ABaseWithoutASingleRuleIsRefused) {
  const LoadResult r = load(std::string(kHeader) + "définition d = vrai\n");
  EXPECT_FALSE(r.base);
  const std::vector<std::string> got = where(r);
  ASSERT_EQ(got.size(), 1u) << dump(r);
  EXPECT_EQ(got[0], "base_sans_regle@base.regles:1:1");
}

std::string with_line_ends(std::string text, const std::string& end) {
  std::string out;
  for (char c : text) {
    if (c == '\n') out += end; else out += c;
  }
  return out;
}

// Old Mac files end their lines with a carriage return alone. A `#` comment used to run to
// the end of such a file: its rules vanished without a word, and dossiers came out conforme.
TEST(Checker, ALoneCarriageReturnEndsALineAndACommentDoesNotTakeTheRulesAfterIt) {
  const std::string text = "# Règles de neutralité\n" + std::string(kHeader) + rule("a", "montant > 0 €") +
                           "# la suivante\n" + rule("b", "montant < 1 000 €");
  for (const char* end : {"\n", "\r\n", "\r"}) {
    const LoadResult r = load(with_line_ends(text, end));
    ASSERT_TRUE(r.base) << dump(r);
    EXPECT_EQ(r.base->families.size(), 2u) << "line end of " << std::string(end).size() << " byte(s)";
    // And an error is placed on its own line, not on line 1.
    const LoadResult bad = load(with_line_ends("# commentaire\n" + std::string(kHeader) + rule("a", "action.pay existe"), end));
    const std::vector<std::string> got = where(bad);
    ASSERT_EQ(got.size(), 1u) << dump(bad);
    EXPECT_EQ(got[0], "chemin_inconnu@base.regles:10:16") << dump(bad);
  }
}

// Editors do not show a byte order mark: the first character of the file is column 1.
TEST(Checker, AByteOrderMarkIsNotAColumn) {
  const LoadResult r = load("\xEF\xBB\xBFrégle a\n");
  ASSERT_FALSE(r.diagnostics.empty());
  const diag::SourceFile& f = r.sources.file(r.diagnostics[0].span.file);
  EXPECT_EQ(f.line_text(1), "régle a");
  const std::vector<std::string> got = where(r);
  EXPECT_EQ(got[0].substr(got[0].find('@')), "@base.regles:1:1") << dump(r);
  EXPECT_EQ(dump(r).find("\xEF\xBB\xBF"), std::string::npos) << dump(r);
}

// `23.000 €` (a dot between thousands) is 23 €: refused, as any amount finer than the cent.
TEST(Checker, AnAmountInEurosFinerThanTheCentIsRefused) {
  for (const char* literal : {"23.000 €", "23,000 €", "10 000.555 €"}) {
    const LoadResult r = load(std::string(kHeader) + rule("r", std::string("montant <= ") + literal));
    EXPECT_FALSE(r.base) << literal;
    const std::vector<std::string> got = where(r);
    ASSERT_EQ(got.size(), 1u) << dump(r);
    EXPECT_EQ(got[0], "litteral_invalide@base.regles:9:20") << literal;
  }
  for (const char* literal : {"23 000 €", "23000 €", "0,01 €", "10.50 €"}) {
    const LoadResult r = load(std::string(kHeader) + rule("r", std::string("montant <= ") + literal));
    EXPECT_TRUE(r.base) << literal << dump(r);
  }
}

// Two rows of one key with different answers: the first would win, silently.
TEST(Checker, ATableLookupWithTwoAnswersForOneKeyIsRefused) {
  const std::string text = std::string(kHeader) + "table t = \"t.csv\"\n" +
                           rule("r", "t(chapitre = imputation.chapitre).section = \"fonctionnement\"");
  const LoadResult r = load(text, {{"t.csv", "chapitre,section\n930,investissement\n931,fonctionnement\n930,fonctionnement\n"}});
  EXPECT_FALSE(r.base);
  const std::vector<std::string> got = where(r);
  ASSERT_EQ(got.size(), 1u) << dump(r);
  EXPECT_EQ(got[0], "erreur_table@base.regles:10:9");
  EXPECT_NE(r.diagnostics[0].message.find("lignes 2 et 4"), std::string::npos) << dump(r);
  // The same row twice, or rows that differ in a column the lookup does not read, are no ambiguity.
  const LoadResult same = load(text, {{"t.csv", "chapitre,section,libelle\n930,fonctionnement,a\n930,fonctionnement,b\n"}});
  EXPECT_TRUE(same.base) << dump(same);
}

// « commission_permanente, oui » typed by hand: the cell is " oui" for CSV, which would never
// equal "oui". Refused with the line, the column and the blank made visible.
TEST(Checker, ATableCellWithABlankAtAnEndIsRefused) {
  const std::string rules = std::string(kHeader) + "table t = \"t.csv\"\n" + rule("a", "montant > 0 €");
  const LoadResult r = load(rules, {{"t.csv", "organe,peut_attribuer\nassemblee,oui\nbureau, non\n"}});
  ASSERT_EQ(r.diagnostics.size(), 1u) << dump(r);
  EXPECT_EQ(r.diagnostics[0].code, diag::Code::TableError);
  EXPECT_NE(r.diagnostics[0].message.find("ligne 3, colonne peut_attribuer"), std::string::npos) << dump(r);
  EXPECT_NE(r.diagnostics[0].message.find("« ␣non »"), std::string::npos) << dump(r);
  EXPECT_FALSE(r.base);
  EXPECT_FALSE(load(rules, {{"t.csv", "organe ,peut_attribuer\nassemblee,oui\n"}}).base);
  EXPECT_TRUE(load(rules, {{"t.csv", "organe,libelle\nassemblee,\"assemblée délibérante\"\n"}}).base);
}

// A text literal that is not in the table column it meets: as a lookup key the row is never
// found, compared with a lookup's answer the comparison is always false (a misspelled
// « comission_permanente », « Oui » for « oui »). Refused where the literal is, with the
// column's values and the nearest one.
TEST(Checker, ALiteralNotInItsTableColumnIsRefused) {
  const std::string table = "organe,peut_attribuer\nassemblee,oui\ncommission_permanente,oui\nbureau,non\n";
  auto load_rule = [&](const std::string& requirement) {
    return load(std::string(kHeader) + "table organes = \"organes.csv\"\n" + rule("r", requirement),
                {{"organes.csv", table}});
  };
  const LoadResult key = load_rule("organes(organe = \"comission_permanente\").peut_attribuer = \"oui\"");
  EXPECT_FALSE(key.base);
  ASSERT_EQ(where(key).size(), 1u) << dump(key);
  EXPECT_EQ(where(key)[0], "valeur_hors_liste@base.regles:10:26");
  EXPECT_EQ(key.diagnostics[0].expected, "commission_permanente") << dump(key);
  const LoadResult answer = load_rule("organes(organe = deliberation.organe).peut_attribuer = \"Oui\"");
  EXPECT_FALSE(answer.base);
  ASSERT_EQ(where(answer).size(), 1u) << dump(answer);
  EXPECT_NE(answer.diagnostics[0].message.find("toujours fausse"), std::string::npos) << dump(answer);
  const LoadResult listed = load_rule("organes(organe = deliberation.organe).peut_attribuer dans [\"oui\", \"peut-être\"]");
  EXPECT_FALSE(listed.base) << dump(listed);
  EXPECT_TRUE(load_rule("organes(organe = deliberation.organe).peut_attribuer = \"oui\"").base);
  EXPECT_TRUE(load_rule("organes(organe = \"bureau\").peut_attribuer ≠ \"non\"").base);
}

// `montant / 0` would make the rule indéterminée on every dossier with nothing to ask for.
TEST(Checker, ADivisionByAZeroWrittenInTheRuleIsRefused) {
  const LoadResult r = load(std::string(kHeader) + rule("r", "arrondi(montant / 0, 0.01) > 0 €"));
  EXPECT_FALSE(r.base);
  const std::vector<std::string> got = where(r);
  ASSERT_EQ(got.size(), 1u) << dump(r);
  EXPECT_EQ(got[0], "litteral_invalide@base.regles:9:27");
  EXPECT_TRUE(load(std::string(kHeader) + rule("r", "arrondi(montant / 2, 0.01) > 0 €")).base);
}

TEST(Checker, DefinitionCycleIsReported) {
  const LoadResult r = load(std::string(kHeader) + "définition a = b\ndéfinition b = a\n" + rule("r", "a"));
  ASSERT_FALSE(r.diagnostics.empty());
  EXPECT_EQ(r.diagnostics[0].code, diag::Code::DefinitionCycle) << dump(r);
}

TEST(Checker, DefinitionsAreSharedByRules) {
  const LoadResult r = load(std::string(kHeader) + "définition hors_convention = convention est absente\n" +
                            rule("r", "hors_convention") + rule("s", "non hors_convention"));
  ASSERT_TRUE(r.base) << dump(r);
}

TEST(Checker, UnknownTableAndColumn) {
  const std::string text = std::string(kHeader) + "table chapitres = \"c.csv\"\n" +
                           rule("a", "imputation.chapitre dans chapitre(chapitre)") +
                           rule("b", "imputation.chapitre dans chapitres(chapitr)");
  const LoadResult r = load(text, {{"c.csv", "chapitre\n930\n"}});
  const std::vector<std::string> got = where(r);
  ASSERT_EQ(got.size(), 2u) << dump(r);
  EXPECT_EQ(r.diagnostics[0].code, diag::Code::UnknownTable);
  EXPECT_EQ(r.diagnostics[1].code, diag::Code::UnknownColumn);
  EXPECT_NE(r.diagnostics[1].expected.find("chapitre"), std::string::npos);
}

TEST(Checker, UnreadableTableFileIsReported) {
  const LoadResult r = load(std::string(kHeader) + "table t = \"absente.csv\"\n");
  ASSERT_EQ(r.diagnostics.size(), 1u) << dump(r);
  EXPECT_EQ(where(r)[0], "fichier_illisible@base.regles:5:11");
}

TEST(Checker, MissingMandatoryClausesAreReportedAtTheRule) {
  const LoadResult r = load(std::string(kHeader) + "règle a\n  titre \"t\"\n  source S\n  exige vrai\nfin\n");
  ASSERT_EQ(r.diagnostics.size(), 1u) << dump(r);
  EXPECT_EQ(where(r)[0], "clause_manquante@base.regles:5:7");
  EXPECT_NE(r.diagnostics[0].message.find("gravité"), std::string::npos);
}

TEST(Checker, SeveralErrorsAreAllReportedSortedByPosition) {
  const LoadResult r = load(std::string(kHeader) + rule("b", "montant * montant > 0 €") + rule("a", "action.pay existe"));
  const std::vector<std::string> got = where(r);
  ASSERT_EQ(got.size(), 2u) << dump(r);
  EXPECT_EQ(got[0], "montant_fois_montant@base.regles:9:9");
  EXPECT_EQ(got[1], "chemin_inconnu@base.regles:15:16");
}

TEST(Checker, ImportCycleIsAnError) {
  const LoadResult r = load_rule_base_from_texts(
      {{"a.regles", "importer \"b.regles\"\n"}, {"b.regles", "importer \"a.regles\"\n"}}, test_schema());
  ASSERT_EQ(r.diagnostics.size(), 1u) << dump(r);
  EXPECT_EQ(r.diagnostics[0].code, diag::Code::ImportCycle);
  EXPECT_EQ(r.diagnostics[0].message, "import circulaire : a.regles:1 importe b.regles ; b.regles:1 importe a.regles");
}

// The whole chain is named with the line of each import, whichever link closes it: the import
// just written may be any of them (review 18).
TEST(Checker, AnImportCycleNamesEveryFileOfTheChain) {
  const LoadResult r = load_rule_base_from_texts({{"a.regles", "importer \"b.regles\"\n"},
                                                  {"b.regles", "# commun\nimporter \"c.regles\"\n"},
                                                  {"c.regles", "importer \"b.regles\"\n"}},
                                                 test_schema());
  ASSERT_EQ(r.diagnostics.size(), 1u) << dump(r);
  EXPECT_EQ(where(r)[0], "import_circulaire@c.regles:1:1");
  EXPECT_EQ(r.diagnostics[0].message, "import circulaire : b.regles:2 importe c.regles ; c.regles:1 importe b.regles");
}

TEST(Checker, ImportedFilesAreLoadedOnce) {
  const LoadResult r = load_rule_base_from_texts(
      {{"a.regles", std::string("importer \"commun.regles\"\n") + rule("a", "vrai")},
       {"b.regles", std::string("importer \"commun.regles\"\n") + rule("b", "vrai")},
       {"commun.regles", kHeader}},
      test_schema());
  ASSERT_TRUE(r.base) << dump(r);
  EXPECT_EQ(r.base->families.size(), 2u);
}

TEST(EditDistance, SuggestsTheNearestNamesFirst) {
  EXPECT_EQ(diag::edit_distance("pay", "pays"), 1u);
  const std::vector<std::string> near = diag::nearest_names("pay", {"nature", "pays", "urgence", "domaine"});
  ASSERT_FALSE(near.empty());
  EXPECT_EQ(near[0], "pays");
}

}  // namespace
}  // namespace subsidia::check
