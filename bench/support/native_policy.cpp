#include "support/native_policy.hpp"

#include <stdexcept>
#include <string>

#include "calendar/date.hpp"
#include "decimal/decimal.hpp"

namespace subsidia::bench {

namespace {

using io::Kind;
using io::Value;
using decimal::Decimal;

int slot(const schema::Node& node, const char* name) {
  const int index = node.field_index(name);
  if (index < 0) throw std::logic_error(std::string("schema without field ") + name);
  return index;
}

const schema::Node& child(const schema::Node& node, const char* name) {
  const schema::Node* field = node.fields[static_cast<std::size_t>(slot(node, name))].node.get();
  return field->type == schema::Type::Array ? *field->items : *field;
}

const Value* present(const Value& object, int index) {
  if (object.kind != Kind::Object) return nullptr;
  const Value& v = object.slot(index);
  return v.present() ? &v : nullptr;
}

bool is_true(const Value* v) { return v != nullptr && v->kind == Kind::Boolean && v->boolean; }

Decimal number_or_zero(const Value* v) { return v != nullptr ? v->number : Decimal(); }

const calendar::Date kLaw2014 = *calendar::Date::from_ymd(2014, 7, 9);
const Decimal kOne = Decimal::from_integer(1);
const Decimal kOnePercent = *Decimal::from_parts(1, 2);

}  // namespace

NativePolicy::NativePolicy(const schema::Schema& schema) {
  const schema::Node& root = schema.root();
  s_.montant = slot(root, "montant");
  s_.financement = slot(root, "financement");
  const schema::Node& financement = child(root, "financement");
  s_.cout_total = slot(financement, "cout_total");
  s_.plan = slot(financement, "plan");
  const schema::Node& line = child(financement, "plan");
  s_.part = slot(line, "part");
  s_.line_montant = slot(line, "montant");
  s_.demandeur = slot(line, "demandeur");
  s_.imputation = slot(root, "imputation");
  const schema::Node& imputation = child(root, "imputation");
  s_.nomenclature = slot(imputation, "nomenclature");
  s_.section = slot(imputation, "section");
  s_.chapitre = slot(imputation, "chapitre");
  s_.convention = slot(root, "convention");
  const schema::Node& convention = child(root, "convention");
  s_.partenaire = slot(convention, "partenaire");
  s_.partenaire_categorie = slot(child(convention, "partenaire"), "categorie");
  s_.deliberation = slot(root, "deliberation");
  s_.deliberation_date = slot(child(root, "deliberation"), "date");
  s_.action = slot(root, "action");
  const schema::Node& action = child(root, "action");
  s_.urgence = slot(action, "urgence");
  s_.prise_de_position = slot(action, "prise_de_position_politique");
  s_.interet_local = slot(root, "interet_local");
  s_.indices = slot(child(root, "interet_local"), "indices");
  s_.service_public = slot(root, "service_public");
  const schema::Node& service = child(root, "service_public");
  s_.ressources = slot(service, "ressources_budget_service");
  s_.cumul = slot(service, "cumul_actions_internationales");
  s_.beneficiaire = slot(root, "beneficiaire");
  s_.beneficiaire_categorie = slot(child(root, "beneficiaire"), "categorie");
}

std::array<bool, 7> NativePolicy::evaluate(const io::Dossier& dossier) const {
  const Value& root = dossier.root();
  std::array<bool, 7> pass{true, true, true, true, true, true, true};

  const Value* financement = present(root, s_.financement);
  const Value* plan = financement ? present(*financement, s_.plan) : nullptr;
  const bool plan_non_empty = plan != nullptr && plan->kind == Kind::Array && plan->count > 0;

  // R1: exact sum of the shares (absent = 0) equals 1. An overflow cannot equal 1.
  if (plan_non_empty) {
    std::optional<Decimal> sum = Decimal();
    for (const Value& line : plan->elements()) {
      if (!sum) break;
      sum = add(*sum, number_or_zero(present(line, s_.part)));
    }
    pass[0] = sum && *sum == kOne;
  }

  // R2: each applicant line equals cout_total × part rounded half away from zero to the cent.
  const Value* cout_total = financement ? present(*financement, s_.cout_total) : nullptr;
  if (plan_non_empty && cout_total != nullptr) {
    for (const Value& line : plan->elements()) {
      if (!is_true(present(line, s_.demandeur))) continue;
      const Value* montant = present(line, s_.line_montant);
      const Value* part = present(line, s_.part);
      if (montant == nullptr || part == nullptr) {
        pass[1] = false;
        break;
      }
      const std::optional<Decimal> product = multiply(cout_total->number, part->number);
      const std::optional<Decimal> expected =
          product ? product->round(2, decimal::RoundingMode::HalfAwayFromZero) : std::nullopt;
      if (!expected || montant->number != *expected) {
        pass[1] = false;
        break;
      }
    }
  }

  // R3: the chapter is in the allow-list of (nomenclature, section).
  if (const Value* imputation = present(root, s_.imputation)) {
    const Value* nomenclature = present(*imputation, s_.nomenclature);
    const Value* section = present(*imputation, s_.section);
    const Value* chapitre = present(*imputation, s_.chapitre);
    bool allowed = false;
    if (nomenclature && section && chapitre) {
      const std::string_view n = nomenclature->text, sec = section->text, c = chapitre->text;
      const bool by_function = n == "M71" || n == "M57";
      const bool by_nature = n == "M52" || n == "M14";
      const bool three_digits = c.size() == 3 && c[0] == '9' && c[2] >= '0' && c[2] <= '9';
      if (by_function && sec == "fonctionnement") allowed = three_digits && c[1] == '3';
      if (by_function && sec == "investissement") allowed = three_digits && c[1] == '0';
      if (by_nature && sec == "fonctionnement") allowed = c == "011" || c == "65";
      if (by_nature && sec == "investissement") allowed = c == "204";
    }
    pass[2] = allowed;
  }

  // R4: before 2014-07-09, outside any convention and not urgent, two indices at least.
  const Value* deliberation = present(root, s_.deliberation);
  const Value* date = deliberation ? present(*deliberation, s_.deliberation_date) : nullptr;
  const Value* action = present(root, s_.action);
  if (present(root, s_.convention) == nullptr && date != nullptr && date->date < kLaw2014 &&
      !(action && is_true(present(*action, s_.urgence)))) {
    const Value* interet = present(root, s_.interet_local);
    const Value* indices = interet ? present(*interet, s_.indices) : nullptr;
    pass[3] = indices != nullptr && indices->count >= 2;
  }

  // R5: no political stance.
  pass[4] = !(action && is_true(present(*action, s_.prise_de_position)));

  // R6: cumul + montant <= 1 % of the service's resources, exactly.
  if (const Value* service = present(root, s_.service_public)) {
    const Value* montant = present(root, s_.montant);
    const std::optional<Decimal> left = add(number_or_zero(present(*service, s_.cumul)), number_or_zero(montant));
    const std::optional<Decimal> right = multiply(number_or_zero(present(*service, s_.ressources)), kOnePercent);
    pass[5] = left && right && *left <= *right;
  }

  // R7: no foreign State beneficiary under a convention with a foreign State.
  const Value* beneficiaire = present(root, s_.beneficiaire);
  const Value* categorie = beneficiaire ? present(*beneficiaire, s_.beneficiaire_categorie) : nullptr;
  const Value* convention = present(root, s_.convention);
  const Value* partenaire = convention ? present(*convention, s_.partenaire) : nullptr;
  const Value* partenaire_categorie = partenaire ? present(*partenaire, s_.partenaire_categorie) : nullptr;
  pass[6] = !(categorie && categorie->text == "etat_etranger" && partenaire_categorie &&
              partenaire_categorie->text == "etat_etranger");
  return pass;
}

}  // namespace subsidia::bench
