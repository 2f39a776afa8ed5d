// Clues that a subsidy described in a published file is an international action: a foreign
// country named (from the country table), a demonym, a region of the world, an expression
// ("coopération décentralisée", "solidarité internationale", "humanitaire", "jumelage"...)
// or an international body (UNICEF, Cités Unies France, AFD...). Words are compared folded
// (case and accents ignored, docs/import-export.md), longest phrase first, so "Guinée
// équatoriale" is not "Guinée" and "Afrique du Sud" is a country, not a region.
//
// A strong clue states an action abroad (a country named, an international expression or
// body); a weak one (a demonym, "international", "européen"...) is also found on domestic
// subsidies (a festival of Italian films, English lessons) and only marks a candidate for
// review. French overseas territories are French territory: naming them is no clue.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "detect/folded_text.hpp"

namespace subsidia::interop {

// SameBeneficiary is not found in a text: the importer gives it to a row paid to the beneficiary
// of another row a strong clue makes international (scdl/importer.cpp).
// ForeignCity: a capital or a large city abroad named in the text (reports/data/villes-etrangeres.csv),
// a strong clue of its country, as a country named is.
enum class ClueKind { Country, Demonym, WorldRegion, Expression, Body, PartnerCity, SameBeneficiary, ForeignCity };

// Whether the clue names a country: a country, a partner city, a city abroad. Its country goes to
// action.pays and to the clue's `pays`.
inline bool names_a_country(ClueKind kind) {
  return kind == ClueKind::Country || kind == ClueKind::PartnerCity || kind == ClueKind::ForeignCity;
}

// Schema words ("pays", "gentile", ...), for origine.international.indices[*].type.
std::string_view clue_kind_key(ClueKind kind);

struct Clue {
  ClueKind kind = ClueKind::Expression;
  std::string text;        // as written in the source
  std::string country;     // ISO code, for a country named
  bool strong = false;
  std::string_view nature;  // action.nature the words imply ("humanitaire"...), or ""
};

class InternationalClues {
 public:
  // From pays-zones.csv (pays, nom, zone), pays-gentiles.csv (pays, autres_noms, gentiles,
  // nom_seul) and villes-etrangeres.csv (ville, pays, autres_noms, capitale; may be empty).
  // Throws std::runtime_error naming the table and line when one is malformed.
  static InternationalClues from_tables(std::string_view zones_csv, std::string_view demonyms_csv,
                                        std::string_view cities_csv = {});
  // The tables compiled into the program (rules/tables/pays-zones.csv,
  // reports/data/pays-gentiles.csv, reports/data/villes-etrangeres.csv); parsed on each call, no
  // global state.
  static InternationalClues builtin();

  // The collectivité's partner cities and foreign local authorities, from a CSV file with the
  // columns `ville` and `pays` (an ISO code of pays-zones.csv, not a French territory): each city
  // named becomes a strong clue of that country, nature « cooperation ». A cooperation often names
  // only its partner city (« Appui au centre de santé de Moundou »), which no list of countries
  // can find. Throws std::runtime_error naming `file` and the line of what is wrong.
  void add_partner_cities(std::string_view csv_text, std::string_view file);

  // Appends the clues of `text`, in order of appearance. Words of a domestic phrase (« jumelage
  // culture-santé », « Suisse normande ») and a country or body named after a street word
  // (« rue de Madagascar ») give none.
  void find(const FoldedText& text, std::vector<Clue>& out) const;

  // The first words of `text` that say an action's nature without saying it is abroad
  // (« aide d'urgence » -> humanitaire, « échange scolaire » -> mobilite_jeunesse): for a row a
  // strong clue already makes international and no clue names the nature of.
  std::optional<Clue> nature_hint(const FoldedText& text) const;

  // French name of a country of the table ("Sénégal"), or the code.
  std::string_view country_name(std::string_view code) const;

 private:
  struct Phrase {
    std::vector<std::string> rest;  // the words after the first
    ClueKind kind;
    std::string country;
    bool strong;
    std::string_view nature;
    bool domestic = false;  // a domestic phrase: its words give no clue
  };
  struct Hash {
    using is_transparent = void;
    std::size_t operator()(std::string_view s) const { return std::hash<std::string_view>{}(s); }
  };
  using PhraseMap = std::unordered_map<std::string, std::vector<Phrase>, Hash, std::equal_to<>>;
  void add(std::string_view words, Phrase phrase);
  // The cities abroad (villes-etrangeres.csv), after the countries: each a strong clue of its country.
  void add_cities(std::string_view csv_text);
  // The longest phrase of `phrases` that starts at token `i`, or nullptr.
  static const Phrase* longest_at(const PhraseMap& phrases, const std::vector<FoldedToken>& tokens, std::size_t i);

  PhraseMap by_first_word_;
  PhraseMap hints_by_first_word_;
  std::unordered_map<std::string, std::string, Hash, std::equal_to<>> names_;
};

}  // namespace subsidia::interop
