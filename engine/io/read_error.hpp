// A reading error is data: a stable code (what tests and programs match), where it is (file,
// line, JSON Pointer) and a French message for people. Codes never change once published;
// messages may be reworded.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>

namespace subsidia::io {

enum class ReadCode {
  FileUnreadable,        // fichier_illisible: cannot open or read a file or folder
  EmptyDocument,         // texte_vide
  InvalidUtf8,           // utf8_invalide
  MalformedJson,         // json_mal_forme
  TooDeep,               // imbrication_trop_profonde
  TooLarge,              // document_trop_volumineux
  NotAnObject,           // pas_un_objet: a dossier is a JSON object
  TrailingContent,       // contenu_apres_document
  DuplicateKey,          // cle_en_double
  MisspeltField,         // champ_mal_orthographie: a key one slip away from a schema field
  MissingField,          // champ_obligatoire_absent
  WrongType,             // type_inattendu
  NullNotAllowed,        // null_interdit
  BadAmount,             // montant_mal_ecrit
  TooManyDecimals,       // trop_de_decimales: an amount has at most two
  BadDecimal,            // decimal_mal_ecrit
  NumberTooLong,         // nombre_trop_long: more digits than exact arithmetic holds
  NotAnInteger,          // entier_attendu
  IntegerOutOfRange,     // entier_hors_limites
  UnknownEnumValue,      // valeur_hors_liste
  BadDate,               // date_mal_ecrite
  ImpossibleDate,        // date_impossible
  UnknownCountry,        // pays_inconnu: not an ISO 3166-1 alpha-2 code
  TextTooShort,          // texte_trop_court
  PatternMismatch,       // format_inattendu
  DuplicateDossierId,    // id_en_double: the same dossier id twice in one run
  InternalError,         // erreur_interne: a bug, reported for this dossier only
  TooManyUnknownFields,  // trop_de_champs_inconnus: more keys the schema does not know than a dossier has
  NoDossier,             // aucun_dossier: the inputs hold no dossier at all (nothing was checked)
  NegativeAmount,        // montant_negatif: money in a dossier is zero or more
};

// "json_mal_forme", ...: the stable name.
std::string_view read_code_name(ReadCode code);

struct InputError {
  std::string file;
  std::size_t line = 0;      // 1-based line of a JSONL file or of the JSON error; 0 when unknown
  std::string json_path;     // JSON Pointer: "/financement/plan/1/part"; "" for the whole document
  std::string message;       // French
  std::string dossier_id;    // when it could be read
  ReadCode code = ReadCode::MalformedJson;
};

}  // namespace subsidia::io
