#include "http/check_batch.hpp"

#include <algorithm>
#include <set>

#include "auth/tokens.hpp"
#include "output/json_writer.hpp"

namespace subsidia::server::http {

namespace {

bool is_space(char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r'; }

std::string_view trim(std::string_view s) {
  while (!s.empty() && is_space(s.front())) s.remove_prefix(1);
  while (!s.empty() && is_space(s.back())) s.remove_suffix(1);
  return s;
}

io::InputError body_error(std::string_view label, std::string message, io::ReadCode code, std::size_t line = 0) {
  return io::InputError{std::string(label), line, "", std::move(message), "", code};
}

std::size_t line_at(std::string_view text, std::size_t pos) {
  return 1 + static_cast<std::size_t>(std::count(text.begin(), text.begin() + static_cast<std::ptrdiff_t>(pos), '\n'));
}

// The line of positions met in increasing order, counted from the last one: counting from the
// start for each element of an array made a body of 20 000 « {} » take seconds (review 30).
class LineCounter {
 public:
  explicit LineCounter(std::string_view text) : text_(text) {}
  std::size_t at(std::size_t pos) {
    pos = std::min(pos, text_.size());
    if (pos < pos_) return line_at(text_, pos);
    line_ += static_cast<std::size_t>(std::count(text_.begin() + static_cast<std::ptrdiff_t>(pos_),
                                                 text_.begin() + static_cast<std::ptrdiff_t>(pos), '\n'));
    pos_ = pos;
    return line_;
  }

 private:
  std::string_view text_;
  std::size_t pos_ = 0;
  std::size_t line_ = 1;
};

// The elements of a JSON array of dossiers, by bracket depth outside strings (each element is
// then read, and judged, by the dossier reader itself).
void split_array(std::string_view t, std::size_t open, std::string_view label, SplitBody& out) {
  std::size_t i = open + 1;
  LineCounter lines(t);
  for (std::size_t index = 0;; ++index) {
    while (i < t.size() && is_space(t[i])) ++i;
    if (i < t.size() && t[i] == ']' && index == 0) {
      ++i;
      break;
    }
    const std::size_t start = i;
    int depth = 0;
    bool in_string = false;
    for (; i < t.size(); ++i) {
      const char c = t[i];
      if (in_string) {
        if (c == '\\') ++i;
        else if (c == '"') in_string = false;
        continue;
      }
      if (c == '"') in_string = true;
      else if (c == '{' || c == '[') ++depth;
      else if (c == '}' || c == ']') {
        if (depth == 0) break;
        --depth;
      } else if (c == ',' && depth == 0) {
        break;
      }
    }
    if (i >= t.size()) {
      out.errors.push_back(body_error(label, "JSON tronqué : tableau de dossiers non fermé (crochet ] attendu à la fin)",
                                      io::ReadCode::MalformedJson, lines.at(i)));
      return;
    }
    io::InputItem item;
    item.file = std::string(label);
    item.index = index;
    item.in_array = true;
    item.first_line = lines.at(start);
    item.text = std::string(trim(t.substr(start, i - start)));
    if (item.text.empty()) {
      out.errors.push_back(body_error(label, "élément vide dans le tableau de dossiers (virgule en trop ?)",
                                      io::ReadCode::MalformedJson, item.first_line));
      return;
    }
    out.items.push_back(std::move(item));
    if (t[i] == ']') {
      ++i;
      break;
    }
    ++i;  // the comma
  }
  while (i < t.size() && is_space(t[i])) ++i;
  if (i != t.size())
    out.errors.push_back(body_error(label, "contenu inattendu après la fin du tableau de dossiers",
                                    io::ReadCode::TrailingContent, lines.at(i)));
}

}  // namespace

SplitBody split_body(std::string_view body, bool ndjson, std::string_view label) {
  SplitBody out;
  if (body.substr(0, 3) == "\xEF\xBB\xBF") body.remove_prefix(3);
  if (ndjson) {
    std::size_t line = 0, pos = 0;
    while (pos <= body.size()) {
      const std::size_t end = std::min(body.find('\n', pos), body.size());
      ++line;
      std::string_view text = trim(body.substr(pos, end - pos));
      if (!text.empty()) {
        io::InputItem item;
        item.file = std::string(label);
        item.line = line;
        item.first_line = line;
        item.text = std::string(text);
        out.items.push_back(std::move(item));
      }
      if (end == body.size()) break;
      pos = end + 1;
    }
    if (out.items.empty())
      out.errors.push_back(body_error(label, "corps vide : aucun dossier", io::ReadCode::EmptyDocument));
    return out;
  }
  const std::string_view t = body;
  std::size_t first = 0;
  while (first < t.size() && is_space(t[first])) ++first;
  if (first >= t.size()) {
    out.errors.push_back(body_error(label, "corps vide : aucun dossier", io::ReadCode::EmptyDocument));
  } else if (t[first] == '{') {
    io::InputItem item;
    item.file = std::string(label);
    item.first_line = line_at(t, first);
    item.text = std::string(t.substr(first));
    out.items.push_back(std::move(item));
  } else if (t[first] == '[') {
    split_array(t, first, label, out);
  } else {
    out.errors.push_back(body_error(label, "le corps n'est ni un objet JSON (un dossier) ni un tableau de dossiers",
                                    io::ReadCode::NotAnObject));
  }
  return out;
}

BatchCheck check_batch(const RuleSet& rules, const SplitBody& body, eval::Detail detail, CheckPurpose purpose) {
  BatchCheck out;
  out.errors = body.errors;
  out.tally.unreadable = body.errors.size();  // each a part of the body that is no dossier
  CheckToolPool::Lease tools = rules.tools.take(*rules.engine);
  io::DossierReader& reader = tools->reader;
  api::Engine::Scratch& scratch = tools->scratch;
  output::RuleJsonCache& cache = tools->json_cache;
  std::set<std::string> ids;
  for (const io::InputItem& item : body.items) {
    io::ReadOutcome read = reader.read(item.text, item.file, item.line, item.first_line);
    if (!read.dossier) {
      io::locate_in_file(item, read.errors);
      out.errors.insert(out.errors.end(), read.errors.begin(), read.errors.end());
      ++out.tally.unreadable;
      continue;
    }
    const eval::DossierResult result = rules.engine->check(*read.dossier, scratch, detail);
    const reports::JauneEntry entry = rules.extractor.extract(*read.dossier);
    // Why an id cannot be stored: it could not be addressed once stored. (An id of blanks only, or
    // with a control, direction or invisible character, never gets here: the reader refuses it,
    // io/identifier.hpp.)
    const char* unaddressable = nullptr;
    if (result.id.find('/') != std::string::npos)
      unaddressable = "la barre oblique « / » l'empêcherait d'être adressé une fois enregistré (/api/dossiers/{id}) ; "
                      "l'écrire sans « / », par exemple avec « - »";
    else if (result.id == "." || result.id == "..")
      unaddressable = "un navigateur résout « . » et « .. » dans une adresse, le dossier ne pourrait être ni ouvert ni "
                      "modifié depuis les pages (/dossiers/{id}) ; choisir un identifiant qui dit le dossier";
    if (purpose == CheckPurpose::Store && unaddressable != nullptr) {
      out.errors.push_back(io::InputError{item.file, item.line, item.in_array ? "/" + std::to_string(item.index) + "/id" : "/id",
                                          "identifiant « " + result.id + " » : " + unaddressable, result.id,
                                          io::ReadCode::PatternMismatch});
      ++out.tally.unreadable;
      continue;
    }
    if (!ids.insert(result.id).second) {
      out.errors.push_back(io::InputError{item.file, item.line, item.in_array ? "/" + std::to_string(item.index) + "/id" : "/id",
                                          "identifiant « " + result.id + " » donné deux fois dans la requête",
                                          result.id, io::ReadCode::DuplicateDossierId});
      ++out.tally.unreadable;
      continue;
    }
    store::CheckedDossier d;
    d.id = result.id;
    d.content = item.text;
    d.sha256 = auth::sha256_hex(item.text);
    d.exercice = entry.exercice;
    d.objet = entry.objet;
    d.collectivite = entry.collectivite;
    d.montant = entry.montant.to_string();
    d.verdict = std::string(eval::verdict_code(result.verdict));
    output::append_dossier_json(d.result_json, result, output::DossierLabel{item.file, item.line}, &cache);
    out.tally.count(result.verdict);
    out.dossiers.push_back(std::move(d));
  }
  out.tally.errors = out.errors.size();
  return out;
}

std::string check_document(const BatchCheck& batch, const api::Receipt& receipt) {
  // The same layout as check_command's json format: receipt, dossiers, errors, summary.
  std::string out = "{\"moteur\": ";
  output::append_receipt_json(out, receipt);
  out += ",\n\"dossiers\": [";
  for (std::size_t i = 0; i < batch.dossiers.size(); ++i) {
    out += i == 0 ? "\n" : ",\n";
    out += batch.dossiers[i].result_json;
  }
  out += batch.dossiers.empty() ? "],\n\"erreurs\": [" : "\n],\n\"erreurs\": [";
  for (std::size_t i = 0; i < batch.errors.size(); ++i) {
    out += i == 0 ? "\n" : ",\n";
    output::append_error_json(out, batch.errors[i]);
  }
  out += batch.errors.empty() ? "],\n\"resume\": " : "\n],\n\"resume\": ";
  output::append_summary_json(out, batch.tally);
  out += "}\n";
  return out;
}

}  // namespace subsidia::server::http
