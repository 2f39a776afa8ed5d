#include "doc/doc_site.hpp"

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <map>
#include <set>

#include "csv/table.hpp"
#include "diff/diff_html.hpp"
#include "fmt/lexer.hpp"
#include "io/inputs.hpp"
#include "output/check_format.hpp"
#include "output/french_count.hpp"
#include "testing/coverage.hpp"

namespace subsidia::workbench::doc {

namespace {

namespace fs = std::filesystem;
using workbench::html_escaped;

// A top-level declaration found in the source text (the model keeps rules and sources, not
// definitions and tables as written).
struct Declaration {
  std::string name;
  std::string file;
  std::string text;  // as written, up to the next declaration or column-0 comment
};

struct Declarations {
  std::map<std::string, Declaration> definitions, tables;
};

bool is_identifier_char(char c) {
  return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_';
}

std::string leading_identifier(std::string_view word) {
  std::size_t n = 0;
  while (n < word.size() && is_identifier_char(word[n])) ++n;
  return std::string(word.substr(0, n));
}

bool is_declaration_word(std::string_view w) {
  return w == "importer" || w == "import" || w == "source" || w == "table" || w == "définition" ||
         w == "definition" || w == "define" || w == "règle" || w == "regle" || w == "rule";
}

Declarations find_declarations(const diag::SourceSet& sources) {
  Declarations out;
  for (std::size_t f = 0; f < sources.size(); ++f) {
    const diag::SourceFile& file = sources.file(static_cast<diag::FileId>(f));
    if (file.path().size() < 7 || file.path().substr(file.path().size() - 7) != ".regles") continue;
    const std::string& text = file.text();
    const std::vector<fmt::Token> tokens = fmt::lex(text);
    auto at_line_start = [&](std::size_t i) { return i == 0 || tokens[i].newlines_before > 0; };
    auto offset = [&](std::size_t i) { return static_cast<std::size_t>(tokens[i].text.data() - text.data()); };
    for (std::size_t i = 0; i + 1 < tokens.size(); ++i) {
      const fmt::Token& t = tokens[i];
      if (t.kind != fmt::TokenKind::Word || !at_line_start(i)) continue;
      const bool definition = t.text == "définition" || t.text == "definition" || t.text == "define";
      if (!definition && t.text != "table") continue;
      std::size_t end = i + 1;
      while (end < tokens.size() &&
             !(at_line_start(end) && ((tokens[end].kind == fmt::TokenKind::Word && is_declaration_word(tokens[end].text)) ||
                                      (tokens[end].kind == fmt::TokenKind::Comment &&
                                       text.rfind('\n', offset(end)) + 1 == offset(end)))))
        ++end;
      const std::size_t from = offset(i);
      const std::size_t to = end < tokens.size() ? offset(end) : text.size();
      std::string body = text.substr(from, to - from);
      while (!body.empty() && (body.back() == '\n' || body.back() == ' ')) body.pop_back();
      Declaration d{leading_identifier(tokens[i + 1].text), file.path(), body};
      (definition ? out.definitions : out.tables)[d.name] = d;
    }
  }
  return out;
}

// A table's rows, read from the CSV file its declaration names (relative to the declaring
// file, as the checker resolves it), every row shown: lawyers and finance officers read the
// values a rule compares against. When the file cannot be read here (a base held in memory)
// the page says so instead of showing nothing.
std::string table_rows_html(const Declaration& d) {
  const std::size_t open = d.text.find('"');
  const std::size_t close = open == std::string::npos ? open : d.text.find('"', open + 1);
  if (close == std::string::npos) return "";
  const fs::path file = fs::path(d.file).parent_path() / d.text.substr(open + 1, close - open - 1);
  std::ifstream in(file, std::ios::binary);
  std::ostringstream text;
  if (in) text << in.rdbuf();
  if (!in) return "<p>Contenu non disponible ici (" + html_escaped(file.filename().string()) + " illisible).</p>\n";
  const csv::TableResult read = csv::read_table(text.str());
  if (read.error) return "<p>Contenu illisible : " + html_escaped(read.error->message) + "</p>\n";
  std::string out = "<p>" + output::counted(read.table.rows.size(), "ligne", "lignes") + ", fichier " +
                    html_escaped(file.filename().string()) + ".</p>\n<table><thead><tr>";
  for (const std::string& name : read.table.header) out += "<th>" + html_escaped(name) + "</th>";
  out += "</tr></thead><tbody>\n";
  for (const csv::TableRow& row : read.table.rows) {
    out += "<tr>";
    for (const std::string& cell : row.cells) out += "<td>" + html_escaped(cell) + "</td>";
    out += "</tr>\n";
  }
  return out + "</tbody></table>\n";
}

std::string page_name(std::string_view kind, std::string_view name) { return std::string(kind) + "-" + std::string(name) + ".html"; }

std::string link(std::string_view kind, std::string_view name, std::string_view label) {
  return "<a href=\"" + html_escaped(page_name(kind, name)) + "\">" + html_escaped(label) + "</a>";
}

// Source text as written, escaped, with every definition and table it names linked.
std::string linked_code(std::string_view text, const Declarations& names) {
  std::string out = "<pre class=\"code\">";
  std::size_t done = 0;
  for (const fmt::Token& t : fmt::lex(text)) {
    const std::size_t at = static_cast<std::size_t>(t.text.data() - text.data());
    out += html_escaped(text.substr(done, at - done));
    done = at + t.text.size();
    if (t.kind == fmt::TokenKind::Comment) {
      out += "<span class=\"comment\">" + html_escaped(t.text) + "</span>";
      continue;
    }
    if (t.kind == fmt::TokenKind::String) {
      // The names a message's placeholders read are linked too: `{fondement_convention_1992}`
      // is a definition the rule prints (review 22). `{{` and `}}` are braces, not placeholders.
      out += "<span class=\"string\">";
      const std::string_view str = t.text;
      int depth = 0;
      for (std::size_t k = 0; k < str.size();) {
        const char c = str[k];
        if (depth == 0 && (c == '{' || c == '}') && k + 1 < str.size() && str[k + 1] == c) {
          out += html_escaped(str.substr(k, 2));
          k += 2;
          continue;
        }
        if (c == '\\' && k + 1 < str.size()) {
          out += html_escaped(str.substr(k, 2));
          k += 2;
          continue;
        }
        if (c == '{') ++depth;
        if (c == '}' && depth > 0) --depth;
        if (depth > 0 && is_identifier_char(c) && (k == 0 || (!is_identifier_char(str[k - 1]) && str[k - 1] != '.'))) {
          std::size_t j = k;
          while (j < str.size() && is_identifier_char(str[j])) ++j;
          const std::string name(str.substr(k, j - k));
          if (names.definitions.count(name)) out += link("definition", name, name);
          else if (names.tables.count(name)) out += link("table", name, name);
          else out += html_escaped(name);
          k = j;
          continue;
        }
        out += html_escaped(str.substr(k, 1));
        ++k;
      }
      out += "</span>";
      continue;
    }
    // A word may hold several names and punctuation: "natures(nomenclature", "non(a".
    std::string_view w = t.text;
    std::size_t k = 0;
    while (k < w.size()) {
      if (!is_identifier_char(w[k])) {
        std::size_t j = k;
        while (j < w.size() && !is_identifier_char(w[j])) ++j;
        out += html_escaped(w.substr(k, j - k));
        k = j;
        continue;
      }
      std::size_t j = k;
      while (j < w.size() && is_identifier_char(w[j])) ++j;
      const std::string name(w.substr(k, j - k));
      const bool after_dot = k > 0 && w[k - 1] == '.';
      if (!after_dot && names.definitions.count(name)) out += link("definition", name, name);
      else if (!after_dot && names.tables.count(name)) out += link("table", name, name);
      else out += html_escaped(name);
      k = j;
    }
  }
  out += html_escaped(text.substr(std::min(done, text.size())));
  out += "</pre>\n";
  return out;
}

constexpr std::string_view kStyle = R"(body{font-family:Georgia,"Times New Roman",serif;max-width:62rem;margin:1.5rem auto;padding:0 1rem;color:#1a1a1a;line-height:1.45}
nav{font-size:.9rem;margin-bottom:1rem}h1{font-size:1.5rem}h2{font-size:1.15rem;border-bottom:1px solid #bbb;margin-top:1.6rem}
pre.code{background:#f6f6f2;border:1px solid #ddd;padding:.6rem;overflow-x:auto;font-size:.85rem;line-height:1.3}
.comment{color:#6a6a6a;font-style:italic}.string{color:#1d4f91}
table{border-collapse:collapse}th,td{border:1px solid #ccc;padding:.25rem .5rem;text-align:left;vertical-align:top}
th{background:#f0f0f0}.respectee{color:#1e6b2e}.violee{color:#a4161a}.indeterminee{color:#8a5a00}.sans_objet{color:#666}
.timeline{display:flex;gap:2px;margin:.5rem 0}.timeline div{flex:1;background:#dde7f3;border:1px solid #9ab;padding:.3rem;font-size:.85rem}
.note{background:#fff3cd;padding:.3rem .5rem}ul.families{columns:2}
footer.receipt{margin-top:2rem;padding-top:.4rem;border-top:1px solid #bbb;font-family:monospace;font-size:.8rem;color:#555;overflow-wrap:anywhere}
)";

// Which engine wrote the site and from which base, at the foot of every page: the receipt line
// `subsidia check` ends with (a page printed or saved alone still names them; review: only the
// index gave the fingerprint, no page the engine).
std::string receipt_footer(const api::Receipt& receipt) {
  std::string line;
  output::append_receipt_text(line, receipt);
  while (!line.empty() && line.back() == '\n') line.pop_back();
  return "<footer class=\"receipt\">" + html_escaped(line) + "</footer>\n";
}

std::string page(const std::string& title, const std::string& body, const std::string& footer) {
  return "<!DOCTYPE html>\n<html lang=\"fr\">\n<head>\n<meta charset=\"utf-8\">\n<title>" + html_escaped(title) +
         "</title>\n<link rel=\"stylesheet\" href=\"style.css\">\n</head>\n<body>\n<nav><a href=\"index.html\">Base de "
         "règles</a></nav>\n<h1>" +
         html_escaped(title) + "</h1>\n" + body + footer + "</body>\n</html>\n";
}

std::string family_of(std::string_view id) {
  const std::size_t dot = id.find('.');
  return std::string(dot == std::string_view::npos ? id : id.substr(0, dot));
}

std::string severity_french(model::Severity s) { return s == model::Severity::Blocking ? "bloquante" : "avertissement"; }

std::string declaration_text(const model::Rule& rule, const diag::SourceSet& sources) {
  if (rule.span.file >= sources.size()) return "";
  const std::string& text = sources.file(rule.span.file).text();
  return text.substr(rule.span.begin, rule.span.end - rule.span.begin);
}

}  // namespace

SiteCases run_cases(const api::Engine& engine, const std::string& cases_folder) {
  SiteCases out;
  testing::Coverage coverage(engine.rules());
  io::InputStream input({fs::path(cases_folder)});
  io::InputItem item;
  std::optional<io::InputError> error;
  api::Engine::Scratch scratch = engine.scratch();
  while (input.next(item, error)) {
    if (error) {
      error.reset();
      continue;
    }
    api::Checked checked = engine.check(item.text, scratch, eval::Detail::None, item.file, item.line);
    if (!checked.result) continue;
    coverage.record(*checked.result);
    CaseStatuses c;
    c.name = fs::path(item.file).stem().string();
    c.verdict = checked.result->verdict;
    for (const eval::RuleOutcome& o : checked.result->rules) c.rules.emplace_back(std::string(o.id), o.status);
    out.cases.push_back(std::move(c));
  }
  for (const testing::Coverage::Row& row : coverage.rows()) out.covered[row.rule] = {row.respected, row.violated};
  out.unexercised_versions = coverage.unexercised_versions();
  return out;
}

std::vector<SiteFile> build_site(const api::Loaded& loaded, const SiteCases& site_cases) {
  const std::vector<CaseStatuses>& cases = site_cases.cases;
  std::vector<SiteFile> site;
  const model::RuleBase& base = loaded.engine->rules();
  const Declarations names = find_declarations(loaded.sources);
  const std::string footer = receipt_footer(loaded.engine->receipt());
  site.push_back({"style.css", std::string(kStyle)});

  // Index, by family (the id's first part).
  std::map<std::string, std::vector<const model::RuleFamily*>> families;
  for (const model::RuleFamily& f : base.families) families[family_of(f.id)].push_back(&f);
  std::string index = "<p>" + output::counted(base.families.size(), "règle", "règles") + ", " +
                      output::counted(base.sources.size(), "source", "sources") + ", " +
                      output::counted(names.definitions.size(), "définition", "définitions") + ", " +
                      output::counted(names.tables.size(), "table", "tables") + " ; " + std::to_string(cases.size()) +
                      " cas.</p>\n<p class=\"receipt\">Empreinte de la base : " +
                      html_escaped(loaded.engine->receipt().fingerprint) + "</p>\n";
  // What the base loaded with but its authors should look at, before anything else.
  if (!loaded.warnings.empty()) {
    index += "<section class=\"avertissements\"><h2>Avertissements de la base</h2>\n<ul>\n";
    for (const diag::Diagnostic& warning : loaded.warnings) {
      const std::string where = diag::located(loaded.sources, warning).text();
      index += "<li><code>" + html_escaped(where) + "</code> [" + html_escaped(diag::code_name(warning.code)) + "] " +
               html_escaped(warning.message) + "</li>\n";
    }
    index += "</ul>\n</section>\n";
  }
  for (const auto& [family, rules] : families) {
    index += "<h2>" + html_escaped(family) + "</h2>\n<ul>\n";
    for (const model::RuleFamily* f : rules)
      index += "<li>" + link("regle", f->id, f->id) + " — " + html_escaped(f->versions.back().title) + "</li>\n";
    index += "</ul>\n";
  }
  index += "<h2>Sources</h2>\n<ul>\n";
  for (const auto& [name, source] : base.sources)
    index += "<li>" + link("source", name, name) + " — " + html_escaped(source.title) + "</li>\n";
  index += "</ul>\n<h2>Définitions</h2>\n<ul class=\"families\">\n";
  for (const auto& [name, d] : names.definitions) index += "<li>" + link("definition", name, name) + "</li>\n";
  index += "</ul>\n<h2>Tables</h2>\n<ul>\n";
  for (const auto& [name, d] : names.tables) index += "<li>" + link("table", name, name) + "</li>\n";
  index += "</ul>\n";
  site.push_back({"index.html", page("Base de règles", index, footer)});

  // A page per rule.
  std::map<std::string, std::vector<std::string>> rules_of_source;
  for (const model::RuleFamily& f : base.families) {
    const model::Rule& latest = f.versions.back();
    std::string body = "<p><strong>" + html_escaped(latest.title) + "</strong></p>\n<p>Gravité : " +
                       severity_french(latest.severity) + "</p>\n";
    body += "<h2>Versions</h2>\n<div class=\"timeline\">";
    for (const model::Rule& v : f.versions) body += "<div>" + html_escaped(model::period_french(v.period)) + "</div>";
    body += "</div>\n";
    std::size_t n = 0;
    for (const model::Rule& v : f.versions) {
      ++n;
      body += "<h2>Version " + std::to_string(n) + " : " + html_escaped(model::period_french(v.period)) + "</h2>\n<p>Sources : ";
      bool first = true;
      for (const model::LegalSource* s : v.sources) {
        body += (first ? "" : ", ") + link("source", s->name, s->name) + " (" + html_escaped(model::period_french(s->period)) + ")";
        first = false;
        auto& list = rules_of_source[s->name];
        if (std::find(list.begin(), list.end(), f.id) == list.end()) list.push_back(f.id);
      }
      body += "</p>\n";
      for (const std::string& note : v.notes()) body += "<p class=\"note\">" + html_escaped(note) + "</p>\n";
      body += linked_code(declaration_text(v, loaded.sources), names);
    }
    // Cases and coverage.
    std::size_t counts[4] = {0, 0, 0, 0};
    std::string rows;
    for (const CaseStatuses& c : cases) {
      for (const auto& [id, status] : c.rules) {
        if (id != f.id) continue;
        ++counts[static_cast<int>(status)];
        if (status == eval::RuleStatus::NotApplicable) continue;
        rows += "<tr><td>" + html_escaped(c.name) + "</td><td class=\"" + std::string(eval::status_code(status)) + "\">" +
                html_escaped(eval::status_french(status)) + "</td></tr>\n";
      }
    }
    const auto covered = site_cases.covered.find(f.id);
    const bool respected = covered != site_cases.covered.end() && covered->second.first;
    const bool violated = covered != site_cases.covered.end() && covered->second.second;
    body += "<h2>Couverture par les cas</h2>\n<p>Respectée dans " + std::to_string(counts[0]) + " cas, violée dans " +
            std::to_string(counts[1]) + ", indéterminée dans " + std::to_string(counts[2]) + ", sans objet dans " +
            std::to_string(counts[3]) + " : " +
            (respected && violated ? std::string("couverte (respectée et violée par des cas).")
                                   : "<strong>non couverte</strong> (aucun cas où elle est " +
                                         std::string(!respected ? "respectée" : "violée") + ").") +
            "</p>\n";
    for (const std::string& version : site_cases.unexercised_versions)
      if (version.rfind(f.id + " ", 0) == 0)
        body += "<p class=\"note\">Version qu'aucun cas n'atteint : " + html_escaped(version) + "</p>\n";
    if (!rows.empty()) body += "<table><thead><tr><th>cas</th><th>statut</th></tr></thead><tbody>\n" + rows + "</tbody></table>\n";
    site.push_back({page_name("regle", f.id), page("Règle " + f.id, body, footer)});
  }

  // A page per source.
  for (const auto& [name, s] : base.sources) {
    std::string body = "<p><strong>" + html_escaped(s.title) + "</strong></p>\n<p>En vigueur : " +
                       html_escaped(model::period_french(s.period)) + "</p>\n";
    if (!s.reference.empty()) body += "<p>Référence : " + html_escaped(s.reference) + "</p>\n";
    if (!s.note.empty()) body += "<p class=\"note\">" + html_escaped(s.note) + "</p>\n";
    if (!s.date_origin.empty()) body += "<p>Origine des dates : " + html_escaped(s.date_origin) + "</p>\n";
    // A disputed day is when entry into force is in doubt, not a period in force: « Date discutée
    // (en vigueur du 6 février 2007 au 6 février 2007) » said the opposite.
    for (const model::DisputedPeriod& d : s.disputed) {
      std::string days;
      if (d.period.from && d.period.to && *d.period.from == *d.period.to) days = d.period.from->french();
      else if (d.period.from && d.period.to) days = "du " + d.period.from->french() + " au " + d.period.to->french();
      else days = model::period_french(d.period);
      body += "<p class=\"note\">Date discutée : " + html_escaped(days) + " : " + html_escaped(d.reason) + "</p>\n";
    }
    body += "<h2>Règles qui la citent</h2>\n<ul>\n";
    for (const std::string& id : rules_of_source[name]) body += "<li>" + link("regle", id, id) + "</li>\n";
    body += "</ul>\n";
    site.push_back({page_name("source", name), page("Source " + name, body, footer)});
  }

  // Definitions and tables, as written.
  for (const auto& [name, d] : names.definitions)
    site.push_back({page_name("definition", name),
                    page("Définition " + name, "<p>Fichier : " + html_escaped(fs::path(d.file).filename().string()) + "</p>\n" +
                                                   linked_code(d.text, names),
                         footer)});
  for (const auto& [name, d] : names.tables)
    site.push_back({page_name("table", name),
                    page("Table " + name, "<p>Fichier : " + html_escaped(fs::path(d.file).filename().string()) + "</p>\n" +
                                              linked_code(d.text, names) + table_rows_html(d),
                         footer)});
  return site;
}

}  // namespace subsidia::workbench::doc
