#include "scdl/import_summary.hpp"
#include "output/french_count.hpp"

#include <nlohmann/json.hpp>

namespace subsidia::interop::scdl {

namespace {

void list(std::string& out, std::string_view title, const std::vector<LineNote>& notes, std::size_t limit) {
  if (notes.empty()) return;
  out += std::string(title) + " : " + std::to_string(notes.size()) + "\n";
  for (std::size_t i = 0; i < notes.size() && i < limit; ++i)
    out += "  " + notes[i].file + ":" + std::to_string(notes[i].line) + ": " + notes[i].text + "\n";
  if (notes.size() > limit) out += "  … et " + std::to_string(notes.size() - limit) + " de plus (toutes dans --resume FICHIER)\n";
}

nlohmann::ordered_json notes_json(const std::vector<LineNote>& notes) {
  nlohmann::ordered_json array = nlohmann::ordered_json::array();
  for (const auto& n : notes) array.push_back({{"fichier", n.file}, {"ligne", n.line}, {"message", n.text}});
  return array;
}

}  // namespace

bool ImportSummary::files_failed() const {
  for (const auto& f : files)
    if (!f.error.empty()) return true;
  return false;
}

std::string summary_text(const ImportSummary& s, std::size_t limit) {
  std::string out;
  for (const auto& f : s.files) {
    if (!f.error.empty()) {
      out += f.file + " : " + f.error + "\n";
      continue;
    }
    out += f.file + " : " + f.format + ", " + f.encoding + ", séparateur " + f.separator + ", en-tête ligne " +
           std::to_string(f.header_line) + ", " + output::counted(f.rows, "ligne", "lignes") + " de données\n";
    if (f.guessed_bytes)
      out += "  " + output::counted(f.guessed_bytes, "octet", "octets") + " hors UTF-8 " +
             std::string(output::agreed(f.guessed_bytes, "lu", "lus")) + " en Windows-1252\n";
    if (!f.unmapped_columns.empty()) {
      out += "  colonnes gardées seulement dans origine.cellules :";
      for (const auto& c : f.unmapped_columns) out += " « " + c + " »";
      out += "\n";
    }
    for (const auto& note : f.column_notes) out += "  " + note + "\n";
  }
  // After a failed write the count says so: "36 written" to a full disk would be a lie.
  const std::string written = s.write_failure.empty() ? std::to_string(s.written)
                                                      : std::to_string(s.written) + " " + std::string(output::agreed(s.written, "sûr", "sûrs")) +
                                                            " sur " + std::to_string(s.prepared) + " " +
                                                            std::string(output::agreed(s.prepared, "préparé", "préparés")) +
                                                            ", écriture impossible : " + s.write_failure;
  out += "Lignes lues : " + std::to_string(s.rows_read) + " ; dossiers écrits : " + written +
         " ; rejetées : " + std::to_string(s.rejected.size()) + " ; vides : " + std::to_string(s.blank) +
         " ; identiques écrites une fois : " + std::to_string(s.identical.size());
  if (!s.other_exercice.empty()) out += " ; d'un autre exercice : " + std::to_string(s.other_exercice.size());
  if (!s.not_candidates.empty()) out += " ; sans indice international (non écrites) : " + std::to_string(s.not_candidates.size());
  out += "\nCandidats à l'action internationale : " + std::to_string(s.candidates) + " (dont " +
         std::to_string(s.strong_candidates) + " avec un indice fort : action.nature et action.pays devinés)" +
         (s.rejected_candidates.empty() ? std::string()
                                        : " ; et " + std::to_string(s.rejected_candidates.size()) +
                                              " ligne(s) rejetée(s) avec un indice fort, listée(s) plus bas") +
         (s.rejected_weak_candidates.empty()
              ? std::string()
              : " ; et " + std::to_string(s.rejected_weak_candidates.size()) +
                    " ligne(s) rejetée(s) avec un indice faible seulement, listée(s) plus bas") +
         "\n";
  list(out, "Lignes rejetées", s.rejected, limit);
  list(out,
       "Lignes rejetées mais candidates à l'action internationale (indice fort ; le jaune ne les voit pas : les saisir "
       "à la main)",
       s.rejected_candidates, limit);
  list(out, "Lignes rejetées avec un indice faible seulement (souvent une action en France ; à regarder)",
       s.rejected_weak_candidates, limit);
  list(out, "Lignes identiques (écrites une fois)", s.identical, limit);
  if (s.numbered)
    out += "Dossiers numérotés -2, -3… (même décision, même bénéficiaire, autre contenu dans un même fichier) : " +
           std::to_string(s.numbered) + "\n";
  list(out, "Même identifiant qu'une ligne d'un autre fichier, contenu différent (écrites sous un autre identifiant)",
       s.renamed, limit);
  list(out, "Lignes d'un autre exercice (non écrites)", s.other_exercice, limit);
  list(out, "Lignes avant l'en-tête (ignorées)", s.skipped, limit);
  list(out, "Avertissements", s.warnings, limit);
  if (s.dossier_warnings)
    out += "Avertissements sur des valeurs : " + std::to_string(s.dossier_warnings) +
           " (dans origine.avertissements de chaque dossier)\n";
  if (!s.producer.empty()) out += "Moteur " + s.producer + "\n";
  return out;
}

std::string summary_json(const ImportSummary& s) {
  nlohmann::ordered_json j;
  if (!s.producer.empty()) j["moteur"] = s.producer;
  nlohmann::ordered_json files = nlohmann::ordered_json::array();
  for (const auto& f : s.files) {
    nlohmann::ordered_json file = {{"fichier", f.file}};
    if (!f.error.empty()) {
      file["erreur"] = f.error;
    } else {
      file["format"] = f.format;
      file["encodage"] = f.encoding;
      file["octets_windows_1252"] = f.guessed_bytes;
      file["separateur"] = f.separator;
      file["ligne_en_tete"] = f.header_line;
      file["lignes"] = f.rows;
      file["colonnes_non_lues"] = f.unmapped_columns;
      file["notes_colonnes"] = f.column_notes;
    }
    files.push_back(std::move(file));
  }
  j["fichiers"] = std::move(files);
  j["lignes_lues"] = s.rows_read;
  j["dossiers_ecrits"] = s.written;
  if (!s.write_failure.empty()) {
    j["dossiers_prepares"] = s.prepared;
    j["erreur_ecriture"] = s.write_failure;
  }
  j["lignes_vides"] = s.blank;
  j["candidats_internationaux"] = s.candidates;
  j["candidats_indice_fort"] = s.strong_candidates;
  j["rejetees"] = notes_json(s.rejected);
  j["rejetees_candidates"] = notes_json(s.rejected_candidates);
  j["rejetees_candidates_faibles"] = notes_json(s.rejected_weak_candidates);
  j["identiques"] = notes_json(s.identical);
  j["identifiants_changes"] = notes_json(s.renamed);
  j["identifiants_numerotes"] = s.numbered;
  j["autre_exercice"] = notes_json(s.other_exercice);
  j["non_candidates"] = notes_json(s.not_candidates);
  j["avant_en_tete"] = notes_json(s.skipped);
  j["avertissements"] = notes_json(s.warnings);
  j["avertissements_dans_les_dossiers"] = s.dossier_warnings;
  return j.dump(2) + "\n";
}

}  // namespace subsidia::interop::scdl
