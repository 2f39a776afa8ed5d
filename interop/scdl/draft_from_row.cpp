#include "scdl/draft_from_row.hpp"

#include <initializer_list>

#include "scdl/amount.hpp"
#include "scdl/cell_readings.hpp"
#include "scdl/dates.hpp"
#include "scdl/identifiers.hpp"

namespace subsidia::interop::scdl {

namespace {


RowOutcome rejected(std::string reason) { return {RowOutcome::Kind::Rejected, std::move(reason)}; }

std::string joined_quotes(const std::vector<std::string>& items) {
  std::string out;
  for (const auto& item : items) out += (out.empty() ? "« " : ", « ") + item + " »";
  return out;
}

bool mentions_loan(const FoldedText& text) {
  const auto& t = text.tokens();
  for (std::size_t i = 0; i < t.size(); ++i) {
    if (t[i].word == "pret" || t[i].word == "prets") return true;
    if (t[i].word == "garantie" && i + 2 < t.size() && t[i + 1].word == "d" && t[i + 2].word == "emprunt") return true;
    if (t[i].word == "avance" && i + 1 < t.size() && t[i + 1].word == "remboursable") return true;
  }
  return false;
}

}  // namespace

void ScdlFields::clear() {
  for (std::string* text : {&nom_attribuant, &id_attribuant, &reference_decision, &nom_beneficiaire, &id_beneficiaire,
                            &rna_beneficiaire, &objet, &nature, &conditions_versement, &dates_periode_versement, &id_rae,
                            &dispositif_aide})
    text->clear();
  date_convention.reset();
  montant.reset();
  notification_ue.reset();
  pourcentage.reset();
}

namespace {

// Words of a shop's or a restaurant's name (folded).
// Company forms as written with or without dots (« S.A.R.L. » folds to « s a r l »), then shops.
// Not « bar » (Bar-le-Duc), « hôtel » (« hôtel de ville ») nor « sa » alone (a possessive).
constexpr std::string_view kShopWords[] = {"sarl", "s a r l", "sas", "s a s", "sasu", "eurl", "s a", "snc", "sci",
                                           "societe", "ets", "etablissements", "pizzeria", "pizza", "restaurant",
                                           "resto", "kebab", "traiteur", "sushi", "snack", "brasserie", "boulangerie",
                                           "patisserie", "epicerie", "cafe", "boutique", "coiffure", "salon de the"};

// A city abroad found in the name of a French business (a SIRET, and the words of a company or a
// shop: « PIZZERIA NAPOLI », « ISTANBUL KEBAB », « SARL LE SAIGON »): a shop's name, not an action
// abroad; weak, so a person sees the row and the total does not take it (review of the table of
// cities, 3 December 2026). Any other name keeps its city strong: most associations' names do not
// say « association » (« SOLIDARITE BRULES NANTES LOME », « OUBLIES DU MEKNES »).
void weaken_shop_names(std::vector<Clue>& name_clues, bool french_siret, std::string_view category, const FoldedText& name) {
  if (!french_siret || category == "association" || category == "fondation" || category == "etablissement_public" ||
      category == "collectivite_francaise")
    return;
  // « SA » only as the first word (« SA DAKAR DISTRIBUTION »): elsewhere it is a possessive.
  bool shop = category == "entreprise" || (!name.tokens().empty() && name.tokens().front().word == "sa");
  for (std::string_view words : kShopWords) shop = shop || name_has_words(name, words);
  // An article and a city, nothing else (« LE MARRAKECH », « AU SAIGON »): a restaurant's or a
  // shop's sign; a city takes no article in French (Le Caire, La Havane hold theirs in the table).
  if (!shop && name_clues.size() == 1 && name_clues.front().kind == ClueKind::ForeignCity && name.tokens().size() >= 2) {
    const std::string_view first = name.tokens().front().word;
    const std::string rest = folded_words(name.quote(1, name.tokens().size() - 1));
    shop = (first == "le" || first == "la" || first == "l" || first == "au" || first == "chez") &&
           rest == folded_words(name_clues.front().text);
  }
  if (!shop) return;
  for (Clue& clue : name_clues)
    if (clue.kind == ClueKind::ForeignCity) clue.strong = false;
}

// A place that names a French body of the row, not a place abroad (review of real files,
// 3 December 2026):
// - words of the granting collectivité's name, or of a French collectivité beneficiary's name
//   (« Restauration de l'église de Soudan » paid to the Commune de Soudan, « Stade de Rome » in
//   Saint-Rome-de-Tarn): the commune itself;
// - any place in an OGEC's name (the body that runs a French Catholic school, named after its
//   parish or commune: « OGEC Sainte-Anne Soudan »).
// Weak, not dropped: a person still sees the row, and the total does not take it.
// Whether `words` follow « au », « aux » or « en » in `text`: a country's preposition (« une école
// au Soudan », « en Argentine »), never a commune's (« à Soudan »).
bool after_a_country_preposition(const FoldedText& text, std::string_view words) {
  const auto& tokens = text.tokens();
  const std::string_view first = words.substr(0, words.find(' '));
  for (std::size_t i = 1; i < tokens.size(); ++i) {
    if (tokens[i].word != first) continue;
    const std::string_view before = tokens[i - 1].word;
    if (before == "au" || before == "aux" || before == "en") return true;
  }
  return false;
}

void weaken_french_places(std::vector<Clue>& clues, const FoldedText& attributor, const FoldedText& beneficiary,
                          std::string_view beneficiary_category, std::size_t first_name_clue, std::size_t end_name_clues,
                          std::initializer_list<const FoldedText*> texts) {
  const bool french_authority = beneficiary_category == "collectivite_francaise";
  const bool ogec = name_has_words(beneficiary, "ogec") ||
                    name_has_words(beneficiary, "organisme de gestion de l enseignement catholique");
  for (std::size_t i = 0; i < clues.size(); ++i) {
    Clue& clue = clues[i];
    if (!clue.strong || !names_a_country(clue.kind)) continue;
    const std::string words = folded_words(clue.text);
    if (words.empty()) continue;
    bool abroad = false;
    for (const FoldedText* text : texts) abroad = abroad || after_a_country_preposition(*text, words);
    if ((!abroad && (name_has_words(attributor, words) || (french_authority && name_has_words(beneficiary, words)))) ||
        (ogec && i >= first_name_clue && i < end_name_clues))
      clue.strong = false;
  }
}

}  // namespace

void DossierDraft::clear() {
  id.clear();
  exercice = 0;
  collectivite_nom.clear();
  collectivite_categorie.clear();
  objet.clear();
  montant = decimal::Decimal();
  beneficiaire.reset();
  beneficiaire_pays.clear();
  action_nature.reset();
  action_pays.clear();
  format.clear();
  fichier.clear();
  ligne = 0;
  cellules.clear();
  devines.clear();
  candidat = false;
  indices.clear();
  avertissements.clear();
  scdl.clear();
  beneficiary_key.clear();
}

namespace {

// Cell `c` of a row, blanks trimmed ("" when the file has no such column or the row is short).
std::string_view cell_at(const std::vector<std::string_view>& cells, const ColumnMap& columns, Column c) {
  const int i = columns[c];
  return i >= 0 && static_cast<std::size_t>(i) < cells.size() ? trim_spaces(cells[static_cast<std::size_t>(i)])
                                                               : std::string_view();
}

// DossierDraft::beneficiary_key of a row.
std::string beneficiary_key_of(const std::vector<std::string_view>& cells, const ColumnMap& columns) {
  if (auto id = read_siret(cell_at(cells, columns, Column::IdBeneficiaire)); id && !id->digits.empty()) return id->digits;
  if (std::string rna = read_rna(cell_at(cells, columns, Column::RnaBeneficiaire)); !rna.empty()) return rna;
  const std::string_view name = cell_at(cells, columns, Column::NomBeneficiaire);
  return is_missing_marker(name) ? std::string() : folded_words(name);
}

// RowLink::shared_total of a row whose share is under 1: who decided (SIRET or name), which
// decision (reference, date) and the amount, by its value: « 5500,20 » and « 5500.20 » in one
// decision are one total (review 32: the row written with a comma was left out of the split and
// kept five times its share); an amount that cannot be read keys by its text.
std::string shared_total_of(const std::vector<std::string_view>& cells, const ColumnMap& columns,
                            decimal::Decimal* share_out = nullptr) {
  const std::string_view raw = cell_at(cells, columns, Column::PourcentageSubvention);
  if (is_missing_marker(raw)) return {};
  const ShareReading share = read_share(raw);
  if (share.status != ShareReading::Status::Ok || share.value == decimal::Decimal::from_integer(1)) return {};
  if (share_out != nullptr) *share_out = share.value;
  const std::string_view montant = cell_at(cells, columns, Column::Montant);
  if (is_missing_marker(montant)) return {};
  std::string key;
  if (auto id = read_siret(cell_at(cells, columns, Column::IdAttribuant)); id && !id->digits.empty()) key = id->digits;
  else key = folded_words(cell_at(cells, columns, Column::NomAttribuant));
  for (Column c : {Column::ReferenceDecision, Column::DateConvention}) {
    key += '\x1f';
    key += trim_spaces(cell_at(cells, columns, c));
  }
  key += '\x1f';
  if (const AmountReading amount = read_amount(montant); amount.status == AmountReading::Status::Ok)
    key += amount.value.to_fixed(2);
  else
    key += montant;
  return key;
}

}  // namespace

std::string slug(const FoldedText& folded, std::size_t limit) {
  std::string out;
  for (const auto& token : folded.tokens()) {
    if (!out.empty()) out += '-';
    out += token.word;
    if (out.size() >= limit) break;
  }
  if (out.size() > limit) out.resize(limit);
  while (!out.empty() && out.back() == '-') out.pop_back();
  return out;
}

std::string slug(std::string_view text, std::size_t limit) { return slug(FoldedText(text), limit); }

namespace {

// The amount of a row whose pourcentageSubvention is under 1. SCDL 2.1.1 says `montant` is the
// total of the subsidy before it is split between several beneficiaries, each row giving its
// share; but published files, Etalab's own example among them (22 000,80 € at 0.8 and
// 5 500,20 € at 0.2 of one decision), give each beneficiary's amount already split, and others
// put there the share of the project's cost the subsidy covers (33 000 € at 0.1). Multiplying
// those would understate the jaune by the share. So the total is split only where the file
// shows it as a total: several rows of the same decision giving the same amount with a share
// under 1. Otherwise the amount is kept as written, and the reading is said, for a person to
// confirm.
// The split amounts of every row of `group`, made once: each row's total × share rounded to the
// cent (half away from zero), then the residue between the sum of those and the total × the sum
// of the shares, rounded the same way, put on the row with the largest share (the first of them
// on a tie), as the jaune puts a split's residue (docs/jaune.md). Nothing when an amount would
// overflow: the rows then keep the amount as written, said by the caller.
void make_split_amounts(const SharedTotal& group, const decimal::Decimal& total) {
  std::optional<decimal::Decimal> sum_of_shares = decimal::Decimal();
  std::optional<decimal::Decimal> sum_of_amounts = decimal::Decimal();
  std::size_t largest = 0;
  for (std::size_t i = 0; i < group.rows.size(); ++i) {
    const auto& [line, share] = group.rows[i];
    auto product = multiply(total, share);
    auto cents = product ? product->round(2, decimal::RoundingMode::HalfAwayFromZero) : std::nullopt;
    if (!cents || !sum_of_shares || !sum_of_amounts) return;
    group.amounts.emplace(line, *cents);
    sum_of_shares = add(*sum_of_shares, share);
    sum_of_amounts = add(*sum_of_amounts, *cents);
    if (share > group.rows[largest].second) largest = i;
  }
  if (!sum_of_shares || !sum_of_amounts) return;
  group.sum_of_shares = *sum_of_shares;
  // Shares adding up to more than 1: the file contradicts itself; each row keeps its own rounded
  // share, no residue is moved, and each draft says so (review 26: 0,6 + 0,6 of 100,01 € made
  // 120,01 € said to « faire le total »).
  if (*sum_of_shares > decimal::Decimal::from_integer(1)) return;
  auto whole = multiply(total, *sum_of_shares);
  auto target = whole ? whole->round(2, decimal::RoundingMode::HalfAwayFromZero) : std::nullopt;
  auto residue = target ? subtract(*target, *sum_of_amounts) : std::nullopt;
  if (!residue) return;
  if (!residue->is_zero()) {
    decimal::Decimal& carrier = group.amounts[group.rows[largest].first];
    if (auto carried = add(carrier, *residue)) {
      carrier = *carried;
      group.residue_carried = true;
      group.residue_line = group.rows[largest].first;
    }
  }
}

void split_amount(const std::vector<std::string_view>& cells, const ColumnMap& columns, const FileContext& file,
                  std::size_t line, const decimal::Decimal& written, const decimal::Decimal& share, DossierDraft& d) {
  const SharedTotal* group = nullptr;
  if (file.shared_totals != nullptr) {
    if (auto found = file.shared_totals->find(shared_total_of(cells, columns)); found != file.shared_totals->end())
      group = &found->second;
  }
  const std::size_t sharing = group != nullptr ? group->rows.size() : 0;
  if (sharing < 2) {
    d.devines.push_back({"montant", written.to_fixed(2),
                         "montant lu tel qu'écrit, comme la part du bénéficiaire : pourcentageSubvention " +
                             share.to_string() + ", mais aucune autre ligne de la même décision ne donne ce montant comme "
                             "total à répartir (le schéma SCDL veut le total avant répartition ; des fichiers publiés "
                             "donnent la part déjà répartie) ; à vérifier"});
    return;
  }
  if (group->amounts.empty()) make_split_amounts(*group, written);
  auto found = group->amounts.find(line);
  if (found == group->amounts.end()) return;
  d.montant = found->second;
  auto product = multiply(written, share);
  const bool exact = product && product->normalized().scale() <= 2;
  std::string how = "part du bénéficiaire : montant total " + written.to_fixed(2) + ", que " + std::to_string(sharing) +
                    " lignes de la même décision donnent comme total à répartir, × pourcentageSubvention " +
                    share.to_string();
  if (!exact) how += ", arrondi au centime (au plus proche, demi en s'éloignant de zéro)";
  const bool whole_total = group->sum_of_shares && *group->sum_of_shares == decimal::Decimal::from_integer(1);
  if (group->residue_carried && group->residue_line == line)
    how += " ; porte en plus le résidu d'arrondi des " + std::to_string(sharing) +
           " parts (la plus grande part, la première à égalité), pour que les parts fassent " +
           (whole_total ? std::string("le total") : "le total × leur somme (" + group->sum_of_shares->to_string() + ")");
  d.devines.push_back({"montant", found->second.to_fixed(2), std::move(how)});
  if (group->sum_of_shares && *group->sum_of_shares > decimal::Decimal::from_integer(1))
    d.avertissements.push_back("les parts (pourcentageSubvention) des " + std::to_string(sharing) +
                               " lignes de la même décision font " + group->sum_of_shares->to_string() +
                               ", plus que 1 : leurs montants répartis dépassent le total de " + written.to_fixed(2) +
                               " ; à vérifier");
}

// A SIREN (9 digits) in a column SCDL 2.x names for a SIRET (idAttribuant, idBeneficiaire: 14
// digits, the establishment): said, as the file does not follow the schema there (review 32).
// Columns named for a SIREN (« SIREN attribuant ») expect one.
std::string siren_for_siret(const std::string& digits, const ColumnMap& columns, Column column,
                            const std::vector<std::string>& header) {
  const int at = columns[column];
  if (digits.size() != 9 || at < 0 || static_cast<std::size_t>(at) >= header.size()) return {};
  const std::string key = folded_key(header[static_cast<std::size_t>(at)]);
  if (key != "idattribuant" && key != "idbeneficiaire") return {};
  return "SIREN " + digits + " (9 chiffres) dans la colonne « " + header[static_cast<std::size_t>(at)] +
         " », où le schéma SCDL attend un SIRET (14 chiffres, l'établissement) ; à compléter";
}

// The other amount columns of the row (ColumnMap::other_amounts) that hold a value: « la
// colonne « Montant investissement » (n° 6) porte 39 800,00 € », joined with « ; ».
std::string other_amounts_given(const std::vector<std::string_view>& cells, const ColumnMap& columns,
                                const std::vector<std::string>& header) {
  std::string out;
  for (int at : columns.other_amounts) {
    const auto i = static_cast<std::size_t>(at);
    if (i >= cells.size() || i >= header.size()) continue;
    const AmountReading other = read_amount(cells[i]);
    if (other.status != AmountReading::Status::Ok || other.value.is_zero()) continue;
    if (!out.empty()) out += " ; ";
    out += "la colonne « " + header[i] + " » (n° " + std::to_string(i + 1) + ") porte " + other.value.to_french(2) + " €";
  }
  return out;
}

}  // namespace

DraftBuilder::DraftBuilder(const InternationalClues& clues, const ImportOptions& options)
    : clues_(&clues), options_(&options) {}

std::optional<CategoryGuess> DraftBuilder::collectivite_category(std::string_view type, std::string_view siren,
                                                                 std::string_view name) {
  std::string& key = category_key_;
  key.clear();
  key.append(type).append("\x1F").append(siren).append("\x1F").append(name);
  auto found = category_cache_.find(key);
  if (found != category_cache_.end()) return found->second;
  auto guess = guess_collectivite_category(type, siren, name);
  category_cache_.emplace(key, guess);
  return guess;
}

RowOutcome DraftBuilder::build(const std::vector<std::string_view>& cells, std::size_t line, const FileContext& file,
                               DossierDraft& d) {
  const ColumnMap& columns = *file.columns;
  auto cell = [&](Column c) { return cell_at(cells, columns, c); };
  auto given = [&](Column c) { return !is_missing_marker(cell(c)); };

  d.clear();
  d.format.assign(file.format);
  d.fichier.assign(file.file);
  d.ligne = line;
  for (std::size_t i = 0; i < cells.size() && i < file.header->size(); ++i) {
    std::string_view value = trim_spaces(cells[i]);
    if (!value.empty()) d.cellules.emplace_back((*file.header)[i], value);
  }

  // The granting collectivité.
  // (A file without the column is refused whole, importer.cpp.)
  if (!given(Column::NomAttribuant)) return rejected("nom de la collectivité attribuante absent (nomAttribuant)");
  d.collectivite_nom = std::string(cell(Column::NomAttribuant));
  d.scdl.nom_attribuant = d.collectivite_nom;
  std::string siren;
  if (auto id = read_siret(cell(Column::IdAttribuant))) {
    if (id->digits.empty()) {
      d.scdl.id_attribuant = std::string(cell(Column::IdAttribuant));
      d.avertissements.push_back("identifiant de l'attribuant illisible : « " + d.scdl.id_attribuant + " »");
    } else {
      d.scdl.id_attribuant = id->digits;
      siren = id->digits.substr(0, 9);
      if (!id->note.empty()) d.avertissements.push_back("SIRET de l'attribuant " + id->note);
      if (!id->checksum_ok) d.avertissements.push_back("SIRET de l'attribuant " + id->digits + " : clé de contrôle fausse");
      if (const std::string note = siren_for_siret(id->digits, columns, Column::IdAttribuant, *file.header); !note.empty())
        d.avertissements.push_back(note);
    }
  }
  auto guess = collectivite_category(cell(Column::TypeAttribuant), siren, d.collectivite_nom);
  if (options_->collectivite_categorie) {
    d.collectivite_categorie = *options_->collectivite_categorie;
    if (guess && guess->category != d.collectivite_categorie)
      d.avertissements.push_back("catégorie " + d.collectivite_categorie + " donnée par --collectivite-categorie ; le fichier suggère " +
                                 guess->category + " (" + guess->reason + ")");
  } else if (guess) {
    d.collectivite_categorie = guess->category;
    d.devines.push_back({"collectivite.categorie", guess->category, guess->reason});
  } else {
    return rejected("catégorie de la collectivité « " + d.collectivite_nom +
                    " » introuvable (ni type, ni SIREN 21…/22…/23…/24…, ni nom reconnu) : la donner avec "
                    "--collectivite-categorie");
  }

  // Object, amount, year.
  const std::string_view objet = cell(Column::Objet);
  if (is_missing_marker(objet))
    return rejected(columns[Column::Objet] < 0
                        ? "pas de colonne d'objet (objet, SUB_OBJET)"
                        : "objet de la subvention absent (colonne " + std::to_string(columns[Column::Objet] + 1) + " « " +
                              (*file.header)[static_cast<std::size_t>(columns[Column::Objet])] + " »)");
  d.objet = std::string(objet);
  d.scdl.objet = d.objet;
  folded_objet_.assign(d.objet);
  bool loan = mentions_loan(folded_objet_);
  if (!loan && given(Column::Nature)) {
    folded_other_.assign(cell(Column::Nature));
    loan = mentions_loan(folded_other_);
  }

  if (columns[Column::Montant] < 0) return rejected("pas de colonne de montant (montant, SUB_MONTANT)");
  AmountReading amount = read_amount(cell(Column::Montant));
  // Where: the column as the file names it, and its number.
  const std::size_t amount_at = static_cast<std::size_t>(columns[Column::Montant]);
  const std::string amount_where = " (colonne " + std::to_string(amount_at + 1) + " « " + (*file.header)[amount_at] + " »)";
  // A value in another amount column of the row: a share of the subsidy the column read leaves out
  // (« Montant investissement » beside « Montant fonctionnement »), or another year's amount.
  const std::string others = other_amounts_given(cells, columns, *file.header);
  if (amount.status != AmountReading::Status::Ok) {
    const std::string& where = amount_where;
    if (loan && amount.status == AmountReading::Status::Missing)
      return rejected("prêt ou garantie sans montant : " + amount.reason + where);
    if (!others.empty() && amount.status == AmountReading::Status::Missing)
      return rejected(amount.reason + where + " ; mais " + others +
                      " : si c'est un montant attribué, l'écrire dans la colonne du montant");
    return rejected(amount.reason + where);
  }
  d.scdl.montant = amount.value;
  d.montant = amount.value;
  if (!others.empty())
    d.avertissements.push_back("montant lu dans la colonne « " + (*file.header)[amount_at] + " » seule ; " + others +
                               ", non compté : s'il fait partie de la subvention, le montant est plus grand ; à vérifier");
  // Read exactly as written, but « 2.18601946E+13 » is how a spreadsheet shows a number wider
  // than its column: the digits after the mantissa may be lost. The dossier reader refuses this
  // form outright; here the draft keeps the value, guessed, for a person to check (review 25).
  if (amount.scientific) {
    const std::string written(trim_spaces(cell(Column::Montant)));
    d.avertissements.push_back("montant en notation scientifique « " + written +
                               " » : un tableur l'écrit ainsi quand la colonne est trop étroite, des chiffres ont pu "
                               "être perdus ; reprendre le montant de la pièce justificative");
    d.devines.push_back({"montant", amount.value.to_fixed(2),
                         "lu de la notation scientifique « " + written + " » : exact tel qu'écrit, à vérifier sur la pièce"});
  }
  if (loan) d.avertissements.push_back("prêt, avance remboursable ou garantie d'emprunt : ce n'est peut-être pas une subvention");
  // A negative amount is a cancellation or a repayment, not a subsidy to check: the dossier
  // reader refuses it (montant_negatif), so the row is rejected here, with its reason, rather
  // than written as a draft nobody could read.
  if (amount.value.is_negative())
    return rejected("montant négatif « " + std::string(cell(Column::Montant)) +
                    " »" + amount_where + " : une annulation ou un reversement, pas une subvention à vérifier");

  // « NaN » is what a spreadsheet writes for a share it could not compute: not a share left
  // unsaid, one lost (review 25: the draft said nothing of it).
  if (const std::string_view raw = trim_spaces(cell(Column::PourcentageSubvention));
      raw == "NaN" || raw == "nan" || raw == "NAN" || raw == "#DIV/0!" || raw == "#VALEUR!" || raw == "#VALUE!")
    d.avertissements.push_back("pourcentage de la subvention « " + std::string(raw) +
                               " » : le tableur n'a pas pu le calculer ; le montant n'est pas réparti");
  if (given(Column::PourcentageSubvention)) {
    const std::string_view raw = cell(Column::PourcentageSubvention);
    const ShareReading share = read_share(raw);
    if (share.status == ShareReading::Status::Unreadable) {
      d.avertissements.push_back("pourcentage de la subvention illisible : « " + std::string(raw) +
                                 " » ; le montant n'est pas réparti");
    } else if (share.status == ShareReading::Status::OutOfRange) {
      d.avertissements.push_back("pourcentage de la subvention hors de l'intervalle [0.01, 1] du schéma SCDL : « " +
                                 std::string(raw) + " » ; le montant n'est pas réparti");
    } else {
      d.scdl.pourcentage = share.value;
      if (share.value != decimal::Decimal::from_integer(1)) split_amount(cells, columns, file, line, amount.value, share.value, d);
    }
  }

  DateReading date = read_date(cell(Column::DateConvention));
  // The field, and the column as the file names it ("ACTE_DATE" is dateConvention in SCDL 1.x).
  auto date_column = [&] {
    const auto at = static_cast<std::size_t>(columns[Column::DateConvention]);
    return std::string(column_name(Column::DateConvention)) + " (colonne " + std::to_string(at + 1) + " « " +
           (*file.header)[at] + " »)";
  };
  if (date.status == DateReading::Status::Ok) {
    d.scdl.date_convention = date.date->iso();
    if (!date.guess.empty()) d.avertissements.push_back(date_column() + " : " + date.guess);
  } else if (date.status == DateReading::Status::Invalid) {
    d.avertissements.push_back(date_column() + " : " + date.reason);
  }

  std::optional<int> year;
  std::string year_reason;
  bool year_stated = false;
  if (given(Column::Exercice)) {
    year = read_year(cell(Column::Exercice));
    if (year) year_stated = true;
    else d.avertissements.push_back("exercice illisible : « " + std::string(cell(Column::Exercice)) + " »");
  }
  // SCDL 2.x has no year column. A payment date, or a payment period that starts and ends in
  // one calendar year, names the budget year better than the decision's date: a subsidy is paid
  // on the budget of the year it is paid in, and one of the 2017 budget voted on 5 December 2016
  // would otherwise move to 2016 on a round trip through SCDL, whether the export wrote the
  // exercice's whole year ("2017-01-01/2017-12-31", when no payment date is known) or the known
  // payment ("2017-02-01/2017-06-30", "2017-01-15"). A period over two years says nothing of the
  // kind: the date's year, as before.
  if (!year && given(Column::DatesPeriodeVersement)) {
    if (const std::optional<std::string> period = read_period(cell(Column::DatesPeriodeVersement));
        period && (period->size() == 10 || (period->size() == 21 && period->compare(0, 4, *period, 11, 4) == 0))) {
      year = read_year(period->substr(0, 4));
      const std::string column = (*file.header)[static_cast<std::size_t>(columns[Column::DatesPeriodeVersement])];
      const bool whole_year = period->size() == 21 && period->compare(4, 7, "-01-01/") == 0 && period->compare(15, 6, "-12-31") == 0;
      year_reason = whole_year ? "période de versement de l'année " + period->substr(0, 4) + " entière (colonne " + column + ")"
                               : (period->size() == 10 ? "date de versement " : "période de versement ") + *period +
                                     " dans l'année " + period->substr(0, 4) + " (colonne " + column + ")";
    }
  }
  if (!year && (date.status == DateReading::Status::Ok || date.status == DateReading::Status::YearOnly)) {
    year = date.year;
    year_reason = "année de la date " + std::string(cell(Column::DateConvention)) + " (colonne " +
                  (*file.header)[static_cast<std::size_t>(columns[Column::DateConvention])] + ")";
  }
  if (year && options_->exercice && *year != *options_->exercice)
    return {RowOutcome::Kind::OtherExercice,
            "exercice " + std::to_string(*year) + (year_stated ? "" : " (" + year_reason + ")")};
  if (!year && options_->exercice) {
    year = options_->exercice;
    year_reason = "exercice donné par --exercice (le fichier ne donne ni année ni date)";
  }
  if (!year) {
    // Say what each place holds, with its column: "ni date de décision" next to a date cell
    // 2017-13-01 sent the reader looking for a missing column.
    auto where = [&](Column c) {
      const auto at = static_cast<std::size_t>(columns[c]);
      return "colonne " + std::to_string(at + 1) + " « " + (*file.header)[at] + " »";
    };
    std::string why = "aucun exercice : ";
    if (columns[Column::Exercice] < 0) why += "pas de colonne d'année";
    else if (!given(Column::Exercice)) why += "année absente (" + where(Column::Exercice) + ")";
    else why += "année illisible « " + std::string(cell(Column::Exercice)) + " » (" + where(Column::Exercice) + ")";
    why += ", ";
    if (columns[Column::DateConvention] < 0) why += "pas de colonne de date";
    else if (date.status == DateReading::Status::Invalid) why += date.reason + " (" + where(Column::DateConvention) + ")";
    else why += "date absente (" + where(Column::DateConvention) + ")";
    return rejected(why + ", pas de --exercice");
  }
  if (*year < 1980 || *year > 2100) {
    std::string from = year_reason;
    if (year_stated) {
      const auto at = static_cast<std::size_t>(columns[Column::Exercice]);
      from = "« " + std::string(cell(Column::Exercice)) + " », colonne " + std::to_string(at + 1) + " « " + (*file.header)[at] + " »";
    }
    return rejected("exercice " + std::to_string(*year) + " hors de 1980-2100 (" + from + ")");
  }
  d.exercice = *year;
  if (!year_stated) d.devines.push_back({"exercice", std::to_string(*year), year_reason});

  // The rest of the SCDL fields, for origine.scdl and the SCDL export.
  d.scdl.reference_decision = std::string(cell(Column::ReferenceDecision));
  if (is_missing_marker(d.scdl.reference_decision)) d.scdl.reference_decision.clear();
  const std::string_view beneficiary = cell(Column::NomBeneficiaire);
  if (!is_missing_marker(beneficiary)) d.scdl.nom_beneficiaire = std::string(beneficiary);
  std::string beneficiary_siren;
  if (auto id = read_siret(cell(Column::IdBeneficiaire))) {
    if (id->digits.empty()) {
      d.avertissements.push_back("SIRET du bénéficiaire illisible : « " + std::string(cell(Column::IdBeneficiaire)) + " »" +
                                 (id->note.empty() ? std::string() : " (" + id->note + ")"));
    } else {
      d.scdl.id_beneficiaire = id->digits;
      beneficiary_siren = id->digits.substr(0, 9);
      if (!id->note.empty()) d.avertissements.push_back("SIRET du bénéficiaire " + id->note);
      if (!id->checksum_ok) d.avertissements.push_back("SIRET du bénéficiaire " + id->digits + " : clé de contrôle fausse");
      if (const std::string note = siren_for_siret(id->digits, columns, Column::IdBeneficiaire, *file.header); !note.empty())
        d.avertissements.push_back(note);
    }
  }
  d.scdl.rna_beneficiaire = read_rna(cell(Column::RnaBeneficiaire));
  if (given(Column::Nature)) d.scdl.nature = std::string(cell(Column::Nature));
  if (given(Column::ConditionsVersement)) d.scdl.conditions_versement = std::string(cell(Column::ConditionsVersement));
  if (given(Column::DatesPeriodeVersement)) {
    if (auto period = read_period(cell(Column::DatesPeriodeVersement))) {
      d.scdl.dates_periode_versement = *period;
      if (read_date(cell(Column::DatesPeriodeVersement)).status == DateReading::Status::YearOnly)
        d.avertissements.push_back("période de versement « " + std::string(trim_spaces(cell(Column::DatesPeriodeVersement))) +
                                   " » (une année seule) lue comme l'année entière " + *period);
      else if (const auto dates = read_date_list(cell(Column::DatesPeriodeVersement)); !dates.empty())
        d.avertissements.push_back(std::to_string(dates.size()) + " dates de versement, lues comme la période du " +
                                   dates.front().iso() + " au " + dates.back().iso());
    }
    else d.avertissements.push_back("période de versement illisible : « " + std::string(cell(Column::DatesPeriodeVersement)) + " »");
  } else if (given(Column::DateDebutVersement)) {
    auto from = read_date(cell(Column::DateDebutVersement)), to = read_date(cell(Column::DateFinVersement));
    if (from.status == DateReading::Status::Ok)
      d.scdl.dates_periode_versement = from.date->iso() + (to.status == DateReading::Status::Ok ? "/" + to.date->iso() : "");
  }
  if (given(Column::IdRae)) d.scdl.id_rae = std::string(cell(Column::IdRae));
  if (given(Column::NotificationUe)) {
    d.scdl.notification_ue = read_yes_no(cell(Column::NotificationUe));
    if (!d.scdl.notification_ue)
      d.avertissements.push_back("notificationUE illisible : « " + std::string(cell(Column::NotificationUe)) + " »");
  }
  if (given(Column::DispositifAide)) d.scdl.dispositif_aide = std::string(cell(Column::DispositifAide));

  // The beneficiary, when its category can be told: a foreign local authority named as such
  // first (« COMMUNE DE MALAGA » is no French commune), then the usual signs.
  folded_beneficiary_.assign(d.scdl.nom_beneficiaire);
  beneficiary_clues_.clear();
  clues_->find(folded_beneficiary_, beneficiary_clues_);
  if (!d.scdl.nom_beneficiaire.empty()) {
    if (auto foreign = guess_foreign_local_authority(folded_beneficiary_, beneficiary_clues_, beneficiary_siren)) {
      d.beneficiaire = std::make_pair(d.scdl.nom_beneficiaire, foreign->guess.category);
      d.beneficiaire_pays = foreign->country;
      d.devines.push_back({"beneficiaire.categorie", foreign->guess.category, foreign->guess.reason});
      d.devines.push_back({"beneficiaire.pays", foreign->country, foreign->guess.reason});
    } else if (auto category = guess_beneficiary_category(d.scdl.rna_beneficiaire, beneficiary_siren, folded_beneficiary_)) {
      d.beneficiaire = std::make_pair(d.scdl.nom_beneficiaire, category->category);
      d.devines.push_back({"beneficiaire.categorie", category->category, category->reason});
    }
  }
  weaken_shop_names(beneficiary_clues_, !beneficiary_siren.empty(), d.beneficiaire ? d.beneficiaire->second : "",
                    folded_beneficiary_);

  // International clues, in the object, the beneficiary's name, then the aid scheme: SCDL 2.1.1
  // makes `dispositifAide` an identifier, but 1.x files and many published ones put a label there
  // (« Solidarité internationale »), sometimes the only words of a row whose object is
  // « SUBVENTION 2017 ».
  found_.clear();
  clues_->find(folded_objet_, found_);
  const std::size_t first_name_clue = found_.size();
  found_.insert(found_.end(), beneficiary_clues_.begin(), beneficiary_clues_.end());
  const std::size_t end_name_clues = found_.size();
  folded_dispositif_.assign(d.scdl.dispositif_aide);
  clues_->find(folded_dispositif_, found_);
  // The publisher's own classification (ColumnMap::themes), last: a row classed « Solidarité
  // internationale » by its publisher is a candidate whatever its object says.
  for (int at : columns.themes) {
    if (static_cast<std::size_t>(at) >= cells.size() || is_missing_marker(cells[static_cast<std::size_t>(at)])) continue;
    folded_other_.assign(cells[static_cast<std::size_t>(at)]);
    clues_->find(folded_other_, found_);
  }
  folded_attributor_.assign(d.collectivite_nom);
  weaken_french_places(found_, folded_attributor_, folded_beneficiary_, d.beneficiaire ? d.beneficiaire->second : "",
                       first_name_clue, end_name_clues, {&folded_objet_, &folded_beneficiary_, &folded_dispositif_});
  d.indices = found_;
  d.candidat = !found_.empty();
  bool strong = false;
  std::string_view nature;
  std::string nature_words;
  std::vector<std::string> country_words;
  for (const Clue& clue : found_) {
    if (!clue.strong) continue;
    strong = true;
    if (nature.empty() && !clue.nature.empty()) {
      nature = clue.nature;
      nature_words = clue.text;
    }
    if (names_a_country(clue.kind)) {
      bool seen = false;
      for (const auto& p : d.action_pays) seen = seen || p == clue.country;
      if (!seen) d.action_pays.push_back(clue.country);
      country_words.push_back(clue.text);
    }
  }
  if (strong && nature.empty()) {
    // No strong clue names the nature: a weak one that does (« projet AFD » in a row that names
    // Benin), else words that say it without saying the action is abroad (« aide d'urgence »,
    // « échange scolaire »), in the same order of the columns.
    for (const Clue& clue : found_) {
      if (clue.nature.empty()) continue;
      nature = clue.nature;
      nature_words = clue.text;
      break;
    }
  }
  if (strong && nature.empty()) {
    for (const FoldedText* text : {&folded_objet_, &folded_beneficiary_, &folded_dispositif_}) {
      if (auto hint = clues_->nature_hint(*text)) {
        nature = hint->nature;
        nature_words = hint->text;
        break;
      }
    }
  }
  if (strong) {
    d.action_nature = nature.empty() ? std::string("autre") : std::string(nature);
    d.devines.push_back({"action.nature", *d.action_nature,
                         nature.empty() ? "action internationale d'après l'objet ou le bénéficiaire, nature non dite : "
                                          "« autre » par défaut, à préciser"
                                        : "« " + nature_words + " » dans l'objet, le nom du bénéficiaire ou le dispositif"});
    if (!d.action_pays.empty()) {
      std::string codes;
      for (const auto& p : d.action_pays) codes += (codes.empty() ? "" : ", ") + p;
      d.devines.push_back({"action.pays", codes, "pays ou ville(s) nommés dans l'objet, le nom du bénéficiaire ou le dispositif : " + joined_quotes(country_words)});
    }
  }

  d.beneficiary_key = beneficiary_key_of(cells, columns);

  // A stable id: attributor, decision, beneficiary.
  std::string a = siren.size() == 9 ? siren : slug(d.collectivite_nom);
  std::string r = !d.scdl.reference_decision.empty() ? slug(d.scdl.reference_decision)
                  : d.scdl.date_convention           ? *d.scdl.date_convention
                                                     : std::string("sans-reference");
  if (r.empty()) r = "sans-reference";
  std::string b = !d.scdl.id_beneficiaire.empty()   ? d.scdl.id_beneficiaire
                  : !d.scdl.rna_beneficiaire.empty() ? d.scdl.rna_beneficiaire
                  : !d.scdl.nom_beneficiaire.empty() ? slug(folded_beneficiary_)
                                                     : std::string("sans-beneficiaire");
  if (b.empty()) b = "sans-beneficiaire";
  if (a.empty()) a = "attribuant";
  d.id = "scdl-" + a + "-" + r + "-" + b;
  return {};
}

}  // namespace subsidia::interop::scdl

namespace subsidia::interop::scdl {

DraftBuilder::RowLink DraftBuilder::link_of(const std::vector<std::string_view>& cells, const FileContext& file) {
  const ColumnMap& columns = *file.columns;
  RowLink link;
  link.beneficiary = beneficiary_key_of(cells, columns);
  if (columns[Column::PourcentageSubvention] >= 0) link.shared_total = shared_total_of(cells, columns, &link.share);
  found_.clear();
  std::size_t first_name_clue = 0, end_name_clues = 0;
  std::string beneficiary_category;
  folded_beneficiary_.assign({});
  for (Column c : {Column::Objet, Column::NomBeneficiaire, Column::DispositifAide}) {
    const std::string_view text = cell_at(cells, columns, c);
    if (is_missing_marker(text)) continue;
    folded_other_.assign(text);
    if (c != Column::NomBeneficiaire) {
      clues_->find(folded_other_, found_);
      continue;
    }
    folded_beneficiary_.assign(text);
    // As the draft reads them (draft_of): a French business's name weakens its city.
    beneficiary_clues_.clear();
    clues_->find(folded_other_, beneficiary_clues_);
    const auto siret = read_siret(cell_at(cells, columns, Column::IdBeneficiaire));
    const std::string_view rna = cell_at(cells, columns, Column::RnaBeneficiaire);
    const std::string_view siren = siret ? std::string_view(siret->digits).substr(0, 9) : std::string_view();
    // A foreign authority first, as the draft is read (build): « CONSEIL REGIONAL DE MAHDIA » is
    // a Tunisian région, not a French body whose name holds a city (review 27: a rejected row
    // lost its strong clue, and was not listed apart).
    std::optional<CategoryGuess> category;
    if (auto foreign = guess_foreign_local_authority(folded_other_, beneficiary_clues_, siren)) category = foreign->guess;
    else category = guess_beneficiary_category(is_missing_marker(rna) ? std::string_view() : rna, siren, folded_other_);
    weaken_shop_names(beneficiary_clues_, siret && !siret->digits.empty(), category ? category->category : "", folded_other_);
    if (category) beneficiary_category = category->category;
    first_name_clue = found_.size();
    found_.insert(found_.end(), beneficiary_clues_.begin(), beneficiary_clues_.end());
    end_name_clues = found_.size();
  }
  for (int at : columns.themes) {  // as build() reads them
    if (static_cast<std::size_t>(at) >= cells.size() || is_missing_marker(cells[static_cast<std::size_t>(at)])) continue;
    folded_other_.assign(cells[static_cast<std::size_t>(at)]);
    clues_->find(folded_other_, found_);
  }
  folded_attributor_.assign(cell_at(cells, columns, Column::NomAttribuant));
  folded_objet_.assign(cell_at(cells, columns, Column::Objet));
  folded_dispositif_.assign(cell_at(cells, columns, Column::DispositifAide));
  weaken_french_places(found_, folded_attributor_, folded_beneficiary_, beneficiary_category, first_name_clue,
                       end_name_clues, {&folded_objet_, &folded_beneficiary_, &folded_dispositif_});
  for (const Clue& clue : found_) {
    if (!clue.strong) continue;
    link.strong_clue = clue.text;
    break;
  }
  if (link.strong_clue.empty() && !found_.empty()) link.weak_clue = found_.front().text;
  return link;
}

}  // namespace subsidia::interop::scdl
