#include "check/load.hpp"

#include <algorithm>
#include <cstdio>
#include <fstream>
#include <map>
#include <set>
#include <sstream>

#include "check/model_from_ast.hpp"
#include "diag/utf8.hpp"
#include "parse/parser.hpp"

namespace subsidia::check {

namespace {

namespace fs = std::filesystem;

std::optional<std::string> read_disk(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) return std::nullopt;
  std::ostringstream out;
  out << in.rdbuf();
  if (in.bad()) return std::nullopt;
  return out.str();
}

std::string normal(const std::string& path) { return fs::path(path).lexically_normal().generic_string(); }

// Loads files, following imports depth first; each file once; cycles are errors.
class Loader {
 public:
  // Every file read (rule files and tables) is kept with its content, for the fingerprint.
  explicit Loader(FileReader read)
      : read_([this, read = std::move(read)](const std::string& path) {
          std::optional<std::string> text = read(path);
          if (text) inputs_.emplace_back(path, *text);
          return text;
        }) {}
  Loader(const Loader&) = delete;
  Loader& operator=(const Loader&) = delete;

  void load_root(const std::string& path) {
    if (state_.count(path)) return;
    load(path, std::nullopt);
  }

  LoadResult finish(const schema::Schema& schema) {
    LoadResult result;
    if (diagnostics_.empty()) {
      ModelResult model = model_from_ast(files_, sources_, schema, read_);
      diagnostics_ = std::move(model.diagnostics);
      result.warnings = std::move(model.warnings);
      result.base = std::move(model.base);
      // A base of sources and definitions alone (a file given instead of the folder, a file of
      // comments) would find every dossier conforme: silence is never a pass.
      if (diagnostics_.empty() && result.base && result.base->families.empty()) {
        diagnostics_.push_back(diag::Diagnostic{diag::Code::NoRule, diag::SourceSpan{first_root_, 0, 0},
                                                "aucune règle dans la base : elle trouverait tout dossier conforme",
                                                "au moins une règle (« règle … fin »), ou le dossier de la base "
                                                "plutôt qu'un de ses fichiers"});
      }
    }
    diag::sort_diagnostics(diagnostics_);
    if (!diagnostics_.empty()) result.base.reset();
    result.diagnostics = std::move(diagnostics_);
    result.sources = std::move(sources_);
    result.inputs = std::move(inputs_);
    return result;
  }

  std::vector<diag::Diagnostic> diagnostics_;

 private:
  enum class State { Loading, Done };

  void load(const std::string& path, std::optional<diag::SourceSpan> from) {
    std::optional<std::string> text = read_(path);
    if (!text) {
      diag::SourceSpan span = from.value_or(diag::SourceSpan{static_cast<diag::FileId>(0xFFFFFFFFu), 0, 0});
      diagnostics_.push_back(diag::Diagnostic{diag::Code::FileUnreadable, span, "fichier illisible : " + path,
                                              "un fichier de règles .regles lisible"});
      state_[path] = State::Done;
      return;
    }
    state_[path] = State::Loading;
    stack_.push_back(path);
    struct Unstack {
      std::vector<std::string>& stack;
      ~Unstack() { stack.pop_back(); }
    } unstack{stack_};
    const diag::FileId id = sources_.add(path, *text);
    if (!from && first_root_ == kNoFile) first_root_ = id;
    // A byte that cannot be read is reported where it is, rather than as whatever syntax error
    // it would cause; the file is not parsed.
    auto refuse_byte = [&](std::size_t offset, const std::string& what, const char* expected) {
      const auto at = static_cast<std::uint32_t>(offset);
      char byte[8];
      std::snprintf(byte, sizeof byte, "0x%02X", static_cast<unsigned>(static_cast<unsigned char>((*text)[offset])));
      std::string message = what;
      message.replace(message.find("%"), 1, byte);
      diagnostics_.push_back(
          diag::Diagnostic{diag::Code::InvalidEncoding, diag::SourceSpan{id, at, at + 1}, std::move(message), expected});
      state_[path] = State::Done;
    };
    if (const std::optional<std::size_t> bad = diag::first_invalid_utf8(*text)) {
      refuse_byte(*bad, "encodage invalide : l'octet % ne forme pas un caractère UTF-8",
                  "un fichier de règles enregistré en UTF-8");
      return;
    }
    // A control character (NUL, escape…) is invisible in an editor and went into titles and
    // messages, then into every JSON output: refused where it is, as a stray byte is. Tabs,
    // line breaks and form feeds are layout.
    const std::string_view loaded = *text;
    for (std::size_t i = 0; i < loaded.size(); ++i) {
      const auto c = static_cast<unsigned char>(loaded[i]);
      if ((c < 0x20 && c != '\t' && c != '\n' && c != '\r' && c != '\f') || c == 0x7F) {
        refuse_byte(i, "caractère de contrôle % (invisible) dans le fichier de règles",
                    "du texte imprimable : retirer ce caractère");
        return;
      }
    }
    diag::Checked<ast::RuleFile> parsed = parse::parse_rules(sources_.file(id).text(), id);
    for (diag::Diagnostic& d : parsed.diagnostics) diagnostics_.push_back(std::move(d));
    if (!parsed.value) {
      state_[path] = State::Done;
      return;
    }
    // Imports first, so that a file's declarations follow those it builds on.
    for (const ast::Declaration& d : parsed.value->declarations) {
      const auto* import = std::get_if<ast::Import>(&d);
      if (import == nullptr) continue;
      const std::string target = normal((fs::path(path).parent_path() / import->file.value).generic_string());
      auto it = state_.find(target);
      if (it != state_.end()) {
        if (it->second == State::Loading) {
          // The whole chain, from the file imported again down to this one: the import to
          // remove may be any of its links.
          // Each link with the line of its import, since the one just written may be any of
          // them (review 18: only the import the loader met last was pointed at).
          std::string chain;
          const auto first = std::find(stack_.begin(), stack_.end(), target);
          const auto here_line = sources_.file(id).locate(import->span.begin).line;
          for (auto link = first; link != stack_.end(); ++link) {
            const std::size_t k = static_cast<std::size_t>(link - stack_.begin());
            if (k + 1 < stack_.size()) {
              chain += *link + ":" + std::to_string(import_lines_[k + 1]) + " importe " + stack_[k + 1] + " ; ";
            }
          }
          chain += path + ":" + std::to_string(here_line) + " importe " + target;
          diagnostics_.push_back(diag::Diagnostic{diag::Code::ImportCycle, import->span,
                                                  "import circulaire : " + chain,
                                                  "des imports sans cycle : retirer l'un de ces imports"});
        }
        continue;
      }
      import_lines_.push_back(sources_.file(id).locate(import->span.begin).line);
      load(target, import->span);
      import_lines_.pop_back();
    }
    files_.push_back(ParsedFile{path, std::move(*parsed.value)});
    state_[path] = State::Done;
  }

  std::vector<std::pair<std::string, std::string>> inputs_;
  FileReader read_;
  diag::SourceSet sources_;
  std::vector<ParsedFile> files_;
  std::map<std::string, State> state_;
  std::vector<std::string> stack_;  // the files being loaded, importer before imported
  // import_lines_[k]: the line of stack_[k - 1] whose import loads stack_[k] (roots: none).
  std::vector<std::size_t> import_lines_{0};
  static constexpr diag::FileId kNoFile = 0xFFFFFFFFu;
  diag::FileId first_root_ = kNoFile;  // where a base without rules is reported
};

}  // namespace

LoadResult load_rule_base(const std::filesystem::path& where, const schema::Schema& schema) {
  Loader loader([](const std::string& path) { return read_disk(path); });
  std::error_code ec;
  if (fs::is_directory(where, ec)) {
    std::vector<std::string> roots;
    for (const auto& entry : fs::directory_iterator(where, ec)) {
      if (entry.is_regular_file() && entry.path().extension() == ".regles") roots.push_back(normal(entry.path().generic_string()));
    }
    std::sort(roots.begin(), roots.end());
    if (roots.empty()) {
      loader.diagnostics_.push_back(diag::Diagnostic{diag::Code::FileUnreadable,
                                                     diag::SourceSpan{static_cast<diag::FileId>(0xFFFFFFFFu), 0, 0},
                                                     "aucun fichier .regles dans " + where.generic_string(),
                                                     "un dossier contenant des fichiers .regles"});
    }
    for (const std::string& r : roots) loader.load_root(r);
  } else {
    loader.load_root(normal(where.generic_string()));
  }
  return loader.finish(schema);
}

LoadResult load_rule_base_from_texts(const std::vector<std::pair<std::string, std::string>>& files,
                                     const schema::Schema& schema) {
  auto texts = std::make_shared<std::map<std::string, std::string>>();
  for (const auto& [name, text] : files) (*texts)[normal(name)] = text;
  // Names given in memory first (rule files and CSV tables alike), then the disk.
  Loader loader([texts](const std::string& path) -> std::optional<std::string> {
    auto it = texts->find(normal(path));
    if (it != texts->end()) return it->second;
    return read_disk(path);
  });
  for (const auto& [name, text] : files) {
    if (fs::path(name).extension() == ".csv") continue;
    loader.load_root(normal(name));
  }
  return loader.finish(schema);
}

LoadResult load_rule_base_through(const std::vector<std::string>& roots, const TextReader& read,
                                  const schema::Schema& schema) {
  Loader loader(read);
  for (const std::string& root : roots) loader.load_root(normal(root));
  return loader.finish(schema);
}

}  // namespace subsidia::check
