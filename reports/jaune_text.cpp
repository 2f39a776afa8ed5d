#include "reports/jaune_text.hpp"

#include "output/french_count.hpp"
#include "reports/amount_format.hpp"
#include "reports/jaune_labels.hpp"

namespace subsidia::reports {

namespace {

// Display width of UTF-8 text: one column per code point (no wide characters here).
std::size_t width(std::string_view text) {
  std::size_t n = 0;
  for (unsigned char c : text)
    if ((c & 0xC0) != 0x80) ++n;
  return n;
}

std::string padded_right(std::string_view text, std::size_t w) {
  std::string out(text);
  for (std::size_t n = width(text); n < w; ++n) out += ' ';
  return out;
}

std::string padded_left(std::string_view text, std::size_t w) {
  std::string out;
  for (std::size_t n = width(text); n < w; ++n) out += ' ';
  return out + std::string(text);
}

void table(std::string& out, std::string_view title, const std::vector<JauneLine>& lines) {
  if (lines.empty()) return;
  out += "\n" + std::string(title) + "\n";
  std::size_t label_width = 0;
  for (const auto& line : lines) label_width = std::max(label_width, width(line.label));
  for (const auto& line : lines) {
    out += "  " + padded_right(line.label, label_width) + "  " + padded_left(format_meur(line.amount), 12) + "  " +
           padded_left(format_euros(line.amount), 20) + "  " + output::counted(line.dossiers.size(), "dossier", "dossiers");
    if (!line.flagged.empty()) out += ", dont " + output::counted(line.flagged.size(), "signalé", "signalés");
    out += "\n";
  }
}

void set_aside(std::string& out, const Jaune& jaune, std::string_view title, const SetAside& aside) {
  if (aside.dossiers.empty()) return;
  out += "\n" + std::string(title) + " : " + format_meur(aside.total) + " (" + format_euros(aside.total) + ")\n";
  for (std::size_t index : aside.dossiers) {
    const auto& d = jaune.dossiers[index];
    out += "  " + d.entry.id + "  " + format_euros(d.entry.montant) + "  " + d.entry.objet + " [" +
           std::string(verdict_label(d.verdict)) + "]\n";
    if (!d.reason.empty()) out += "      " + d.reason + "\n";
  }
}

}  // namespace

std::string jaune_text(const Jaune& jaune) {
  std::string out = "Jaune des actions internationales, exercice " + std::to_string(jaune.exercice) + "\n";
  table(out, "Synthèse des engagements", jaune.synthesis);
  if (!jaune.exceptional.dossiers.empty()) {
    out += "  " + std::string(kSynthesisExceptional) + " : " + format_meur(jaune.exceptional.total) + "\n";
    out += "  " + std::string(kSynthesisTotalWithExceptional) + " : " + format_meur(jaune.total_with_exceptional) + "\n";
  }
  table(out, "Par secteur", jaune.by_sector);
  table(out, "Par domaine", jaune.by_domain);
  table(out, "Par zone géographique", jaune.by_zone);
  table(out, "Par imputation", jaune.by_imputation);
  table(out, "Par collectivité", jaune.by_collectivite);
  set_aside(out, jaune, "Pour mémoire, opérations exceptionnelles (hors total)", jaune.exceptional);
  set_aside(out, jaune, "Hors périmètre (hors total)", jaune.out_of_scope);
  set_aside(out, jaune, std::string(kSynthesisDomestic), jaune.domestic);
  if (!jaune.unreadable.empty()) {
    out += "\nDossiers illisibles de l'exercice, laissés hors du jaune (--ignorer-illisibles) : " +
           std::to_string(jaune.unreadable.size()) + "\n";
    for (const auto& u : jaune.unreadable)
      out += "  " + unreadable_place(u) + " : " + u.message + "\n";
  }
  out += "\nVerdicts : " + output::counted(jaune.verdicts.compliant, "conforme", "conformes") + ", " +
         output::counted(jaune.verdicts.non_compliant, "non conforme", "non conformes") + ", " +
         output::counted(jaune.verdicts.incomplete, "incomplet", "incomplets") + "\n";
  for (const auto& d : jaune.dossiers)
    if (d.verdict != eval::Verdict::Compliant && d.inclusion != Inclusion::Domestic)
      out += "  ! " + d.entry.id + " (" + std::string(verdict_label(d.verdict)) + ") " + format_euros(d.entry.montant) +
             " : " + d.entry.objet + "\n";
  if (!jaune.notes.empty()) {
    out += "\nNotes\n";
    for (const auto& note : jaune.notes) out += "  - " + note + "\n";
  }
  out += "\n" + receipt_line(jaune.moteur) + "\n";
  return out;
}

}  // namespace subsidia::reports
