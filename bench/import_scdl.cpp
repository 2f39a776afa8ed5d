// subsidia-bench-import: `subsidia importe scdl` on a large synthetic SCDL file, in memory.
//
//   subsidia-bench-import [--rows N] [--runs N] [--latin1] [--output FILE.csv]
//
// The file is generated before any clock starts (SCDL 2.x columns, `;`, French amounts
// "24 975,00", dd/mm/yyyy dates, objects of 60 to 200 characters, one row in twenty with an
// international clue, quoted cells holding a `;` or a line break); --latin1 writes it in
// Windows-1252 so that transcoding is timed too. Two passes per run, over the same bytes:
//   tokenise  decode to UTF-8 + csv::Tokenizer over every record (counting cells): the
//             baseline, what any CSV reader must do;
//   import    Importer::import_bytes with a sink that renders each draft's JSON line
//             (append_draft_json) into a buffer dropped every MiB: everything the command
//             does but writing to the terminal or the disk.
// Reported: rows per second of each pass, by the wall clock and by the process's CPU time
// (medians of the runs; the machine is shared, CPU time is the steadier), and import /
// tokenise in CPU time, the cost of the import as a multiple of the plain reading. Every run
// checks that it wrote every row (one dossier per row: the generator makes no duplicate and
// no bad row) and the same JSON bytes as the first.
#include <CLI/CLI.hpp>
#include <cstdio>
#include <fstream>
#include <iostream>
#include <string>
#include <vector>

#include "csv/encoding.hpp"
#include "csv/separator.hpp"
#include "csv/tokenizer.hpp"
#include "scdl/draft_json.hpp"
#include "scdl/importer.hpp"
#include "support/clock.hpp"

namespace {

using namespace subsidia;

// A small deterministic generator (no global state, same file every run).
struct Lcg {
  std::uint64_t state;
  std::uint64_t next() {
    state = state * 6364136223846793005ull + 1442695040888963407ull;
    return state >> 33;
  }
  std::size_t below(std::size_t n) { return static_cast<std::size_t>(next() % n); }
};

std::string amount(Lcg& g) {
  const std::uint64_t euros = 100 + g.below(300000);
  std::string digits = std::to_string(euros), grouped;
  for (std::size_t i = 0; i < digits.size(); ++i) {
    if (i && (digits.size() - i) % 3 == 0) grouped += ' ';
    grouped += digits[i];
  }
  return grouped + "," + (g.below(4) ? "00" : std::to_string(10 + g.below(90)));
}

// A SIRET with a valid Luhn key: 13 digits, then the one that completes the key.
std::string siret(Lcg& g) {
  std::string digits = std::to_string(3000000000000ull + g.below(6999999999999ull));
  for (int last = 0; last < 10; ++last) {
    std::string candidate = digits + static_cast<char>('0' + last);
    int sum = 0;
    for (std::size_t i = 0; i < candidate.size(); ++i) {
      int d = candidate[candidate.size() - 1 - i] - '0';
      if (i % 2) d = d * 2 > 9 ? d * 2 - 9 : d * 2;
      sum += d;
    }
    if (sum % 10 == 0) return candidate;
  }
  return digits + "0";
}

std::string generate(std::size_t rows) {
  static const char* kCollectivites[] = {"Département de la Somme;22800001400016", "Ville de Poitiers;21860194600013",
                                         "Région Bretagne;23350001600040", "Communauté d'agglomération du Sicoval;24310063300011"};
  static const char* kBeneficiaires[] = {"Association des Amis du Quartier", "Club sportif de la vallée", "Compagnie théâtrale Le Lieu",
                                         "Comité de jumelage", "Fondation pour l'enfance", "Maison des jeunes et de la culture",
                                         "Société d'histoire locale", "Association Solidarité Mali"};
  static const char* kObjets[] = {
      "Subvention de fonctionnement pour l'année, au titre des activités régulières de l'association auprès des habitants",
      "Organisation du festival de printemps : concerts, ateliers pour les scolaires et accueil des compagnies",
      "Soutien à l'action éducative dans les quartiers prioritaires",
      "Aide à l'investissement pour l'achat de matériel",
      "Projet de coopération décentralisée avec la commune de Dori au Burkina Faso : accès à l'eau potable",
      "Actions de solidarité internationale et d'éducation au développement auprès des lycéens"};
  Lcg g{20171117};
  std::string out =
      "nomAttribuant;idAttribuant;dateConvention;referenceDecision;nomBeneficiaire;idBeneficiaire;objet;montant;nature;"
      "conditionsVersement;datesPeriodeVersement;idRAE;notificationUE;pourcentageSubvention\r\n";
  out.reserve(rows * 260);
  for (std::size_t i = 0; i < rows; ++i) {
    const std::size_t objet = i % 20 == 0 ? 4 + g.below(2) : g.below(4);
    std::string text = kObjets[objet];
    if (i % 50 == 7) text = "\"" + text + " ; volet 2\"";
    else if (i % 97 == 3) text = "\"" + text + "\r\nseconde ligne\"";
    const int day = 1 + static_cast<int>(g.below(28)), month = 1 + static_cast<int>(g.below(12));
    char date[16];
    std::snprintf(date, sizeof date, "%02d/%02d/2017", day, month);
    out += kCollectivites[g.below(4)];
    out += ';';
    out += date;
    out += ";CP 2017-" + std::to_string(g.below(400)) + ";";
    out += kBeneficiaires[g.below(8)];
    out += ';' + siret(g) + ';' + text + ';' + amount(g) +
           ";aide en numéraire;unique;2017-01-01/2017-12-31;;non;1\r\n";
  }
  return out;
}

std::string to_windows1252(const std::string& utf8) {
  std::string out;
  out.reserve(utf8.size());
  for (std::size_t i = 0; i < utf8.size(); ++i) {
    const auto c = static_cast<unsigned char>(utf8[i]);
    if (c < 0x80) {
      out += static_cast<char>(c);
    } else if (c == 0xC2 || c == 0xC3) {  // Latin-1 letters only in this generator
      out += static_cast<char>(((c & 0x1F) << 6) | (static_cast<unsigned char>(utf8[i + 1]) & 0x3F));
      ++i;
    } else {
      out += '?';
      while (i + 1 < utf8.size() && (static_cast<unsigned char>(utf8[i + 1]) & 0xC0) == 0x80) ++i;
    }
  }
  return out;
}

struct Result {
  std::size_t rows = 0, cells_or_bytes = 0;
  bool operator==(const Result&) const = default;
};

Result tokenise(const std::string& bytes) {
  Result r;
  csv::DecodedText decoded = csv::decode_to_utf8(bytes);
  const char separator = csv::sniff_separator(decoded.text);
  csv::Tokenizer tokens(decoded.text, {separator, false});
  csv::Record record;
  while (tokens.next(record)) {
    ++r.rows;
    r.cells_or_bytes += record.fields.size();
  }
  --r.rows;  // the header
  return r;
}

Result import(const std::string& bytes, const interop::InternationalClues& clues) {
  Result r;
  interop::scdl::Importer importer(clues, {});
  std::string out;
  out.reserve((1 << 20) + (1 << 16));
  // A copy, as reading the file would make: the importer keeps the text it was given.
  importer.import_bytes(std::string(bytes), "bench.csv", [&](const interop::scdl::DossierDraft& d) {
    interop::scdl::append_draft_json(out, d);
    out += '\n';
    if (out.size() >= (1 << 20)) {
      r.cells_or_bytes += out.size();
      out.clear();
    }
    return true;
  });
  r.cells_or_bytes += out.size();
  r.rows = importer.summary().written;
  return r;
}

}  // namespace

int main(int argc, char** argv) {
  CLI::App app{"subsidia-bench-import : import SCDL contre une simple lecture CSV, même fichier"};
  std::size_t rows = 200000;
  int runs = 5;
  bool latin1 = false;
  std::string output;
  app.add_option("--rows", rows, "Lignes du fichier synthétique");
  app.add_option("--runs", runs, "Nombre de mesures (médiane)");
  app.add_flag("--latin1", latin1, "Fichier en Windows-1252 (transcodage compris)");
  app.add_option("--output", output, "Écrire aussi le fichier généré");
  CLI11_PARSE(app, argc, argv);

  std::string bytes = generate(rows);
  if (latin1) bytes = to_windows1252(bytes);
  if (!output.empty()) std::ofstream(output, std::ios::binary) << bytes;
  const interop::InternationalClues clues = interop::InternationalClues::builtin();

  // Wall time, and the process's CPU time (one thread: the same on a quiet machine, lower
  // when other work takes the cores), each pass's median over the runs.
  std::vector<double> tokenise_s, import_s, tokenise_cpu, import_cpu, ratios;
  Result first_tokens, first_import;
  for (int run = 0; run < runs; ++run) {
    const double w0 = bench::wall_seconds(), c0 = bench::cpu_seconds();
    Result t = tokenise(bytes);
    const double w1 = bench::wall_seconds(), c1 = bench::cpu_seconds();
    Result i = import(bytes, clues);
    const double w2 = bench::wall_seconds(), c2 = bench::cpu_seconds();
    if (run == 0) {
      first_tokens = t;
      first_import = i;
    }
    if (!(t == first_tokens) || !(i == first_import) || i.rows != rows) {
      std::cerr << "résultat instable ou incomplet : " << i.rows << " dossiers pour " << rows << " lignes\n";
      return 2;
    }
    tokenise_s.push_back(w1 - w0);
    import_s.push_back(w2 - w1);
    tokenise_cpu.push_back(c1 - c0);
    import_cpu.push_back(c2 - c1);
    ratios.push_back((c2 - c1) / (c1 - c0));
  }
  const double rows_d = static_cast<double>(rows);
  const double tok = bench::median(tokenise_s), imp = bench::median(import_s);
  const double tok_cpu = bench::median(tokenise_cpu), imp_cpu = bench::median(import_cpu);
  std::printf("fichier : %zu lignes, %.1f Mo, %s\n", rows, static_cast<double>(bytes.size()) / 1e6,
              latin1 ? "Windows-1252" : "UTF-8");
  std::printf("tokenise : %9.0f lignes/s (horloge, %.3f s)  %9.0f lignes/s CPU (%.3f s)\n", rows_d / tok, tok,
              rows_d / tok_cpu, tok_cpu);
  std::printf("import   : %9.0f lignes/s (horloge, %.3f s)  %9.0f lignes/s CPU (%.3f s), %zu dossiers, %.1f Mo de JSON\n",
              rows_d / imp, imp, rows_d / imp_cpu, imp_cpu, first_import.rows,
              static_cast<double>(first_import.cells_or_bytes) / 1e6);
  std::printf("import / tokenise (CPU) : %.2f (médiane des %d mesures)\n", bench::median(ratios), runs);
  return 0;
}
