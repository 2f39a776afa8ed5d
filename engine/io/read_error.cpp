#include "io/read_error.hpp"

namespace subsidia::io {

std::string_view read_code_name(ReadCode code) {
  switch (code) {
    case ReadCode::FileUnreadable: return "fichier_illisible";
    case ReadCode::EmptyDocument: return "texte_vide";
    case ReadCode::InvalidUtf8: return "utf8_invalide";
    case ReadCode::MalformedJson: return "json_mal_forme";
    case ReadCode::TooDeep: return "imbrication_trop_profonde";
    case ReadCode::TooLarge: return "document_trop_volumineux";
    case ReadCode::NotAnObject: return "pas_un_objet";
    case ReadCode::TrailingContent: return "contenu_apres_document";
    case ReadCode::DuplicateKey: return "cle_en_double";
    case ReadCode::MisspeltField: return "champ_mal_orthographie";
    case ReadCode::MissingField: return "champ_obligatoire_absent";
    case ReadCode::WrongType: return "type_inattendu";
    case ReadCode::NullNotAllowed: return "null_interdit";
    case ReadCode::BadAmount: return "montant_mal_ecrit";
    case ReadCode::NegativeAmount: return "montant_negatif";
    case ReadCode::TooManyDecimals: return "trop_de_decimales";
    case ReadCode::BadDecimal: return "decimal_mal_ecrit";
    case ReadCode::NumberTooLong: return "nombre_trop_long";
    case ReadCode::NotAnInteger: return "entier_attendu";
    case ReadCode::IntegerOutOfRange: return "entier_hors_limites";
    case ReadCode::UnknownEnumValue: return "valeur_hors_liste";
    case ReadCode::BadDate: return "date_mal_ecrite";
    case ReadCode::ImpossibleDate: return "date_impossible";
    case ReadCode::UnknownCountry: return "pays_inconnu";
    case ReadCode::TextTooShort: return "texte_trop_court";
    case ReadCode::PatternMismatch: return "format_inattendu";
    case ReadCode::DuplicateDossierId: return "id_en_double";
    case ReadCode::InternalError: return "erreur_interne";
    case ReadCode::TooManyUnknownFields: return "trop_de_champs_inconnus";
    case ReadCode::NoDossier: return "aucun_dossier";
  }
  return "inconnu";
}

}  // namespace subsidia::io
