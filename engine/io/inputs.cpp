// Paths -> dossier texts. Folders are expanded when reached; a .jsonl file is read line by
// line through a buffered stream; a .json file is read whole and, when it holds an array,
// split into its elements by a scanner that tracks depth and strings.
#include "io/inputs.hpp"

#include <sys/stat.h>

#include <algorithm>
#include <deque>
#include <fstream>
#include <set>
#include <sstream>
#include <system_error>
#include <utility>

namespace subsidia::io {

namespace fs = std::filesystem;

namespace {

bool is_space(char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r'; }

bool ends_with(const std::string& s, std::string_view suffix) {
  return s.size() >= suffix.size() && s.compare(s.size() - suffix.size(), suffix.size(), suffix) == 0;
}

// File names are matched without regard to case: `DOSSIER.JSON` and `x.Json`, as a Windows share
// or a scanner names them, are dossiers too.
std::string ascii_lowercase(std::string s) {
  for (char& c : s) {
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
  }
  return s;
}

bool is_jsonl_name(const std::string& path) { return ends_with(ascii_lowercase(path), ".jsonl"); }

std::string_view trim(std::string_view s) {
  while (!s.empty() && is_space(s.front())) s.remove_prefix(1);
  while (!s.empty() && is_space(s.back())) s.remove_suffix(1);
  return s;
}

}  // namespace

void locate_in_file(const InputItem& item, std::vector<InputError>& errors) {
  for (InputError& error : errors) {
    if (item.in_array) error.json_path = "/" + std::to_string(item.index) + error.json_path;
    if (item.line == 0 && error.line != 0) error.line += item.first_line - 1;
  }
}

struct InputStream::Impl {
  std::deque<fs::path> pending;
  // Errors found while listing a folder (a broken link, a FIFO named *.json), said in turn.
  std::deque<InputError> queued_errors;
  std::vector<fs::path> folders_seen;  // canonical: a folder reached twice (by a link) is read once
  // Regular files already read, by device and inode: a file named twice, reached through a link,
  // or named and inside a named folder is read once, as a folder is. Read twice, its dossiers
  // were said to be two dossiers under one id (« corriger l'un des deux »), exit 2.
  std::set<std::pair<dev_t, ino_t>> files_seen;
  std::deque<std::string> split_lines;  // the rest of a line cut at old-Mac line breaks (\r)
  char delimiter = '\n';               // '\r' for a .jsonl whose lines end in \r alone

  // The file being read, when it yields several items.
  enum class Mode { None, Lines, Array } mode = Mode::None;
  std::string current_file;
  std::ifstream lines;
  std::string line_buffer;
  std::size_t line_number = 0;
  bool produced_line = false;
  std::string array_text;
  std::size_t array_pos = 0;
  // Lines counted so far in array_text, up to array_line_pos: element start lines in O(n).
  std::size_t array_line = 1;
  std::size_t array_line_pos = 0;
  std::size_t array_index = 0;
  bool after_comma = false;  // the last element ended with a comma: another must follow

  InputError file_error(const std::string& file, std::string message, std::size_t line = 0,
                        ReadCode code = ReadCode::FileUnreadable) {
    return InputError{file, line, "", std::move(message), {}, code};
  }

  // Folders give their *.json and *.jsonl files (any case) and their subfolders, sorted by
  // name, in place of the folder: a year filed month by month is checked whole, not its top
  // level alone with "0 dossier" and a pass. Hidden entries (".x.json", ".git") are an
  // editor's or a tool's, not dossiers.
  std::optional<InputError> expand_folder(const fs::path& folder) {
    std::error_code ec;
    std::vector<fs::path> files;
    for (fs::directory_iterator it(folder, ec), end; !ec && it != end; it.increment(ec)) {
      const fs::path& p = it->path();
      const std::string name = ascii_lowercase(p.filename().string());
      if (name.empty() || name.front() == '.') continue;
      std::error_code type_ec;
      if (it->is_directory(type_ec)) {
        // Through a link too: a folder already read (a link to a parent) is skipped by its
        // canonical path in advance(), so nothing is walked without end or read twice.
        files.push_back(p);
        continue;
      }
      if (ends_with(name, ".attendu.json")) continue;  // expected verdicts, not dossiers
      if (!ends_with(name, ".json") && !ends_with(name, ".jsonl")) continue;
      if (it->is_regular_file(type_ec)) {
        files.push_back(p);
        continue;
      }
      // Named like a dossier but not a file to read: said, never skipped in silence (review 19:
      // a broken link or a FIFO named *.json vanished, « 0 erreur de lecture »). A FIFO is not
      // opened: with no writer it would block the run.
      const bool link = it->is_symlink(type_ec);
      const bool dangling = link && !fs::exists(p, type_ec);
      queued_errors.push_back(file_error(
          p.string(), dangling ? "lien symbolique cassé ou en boucle : aucun dossier lu"
                           : "n'est pas un fichier ordinaire (tube, périphérique ou socket) : non lu dans un dossier de "
                             "fichiers (le nommer seul sur la ligne de commande pour le lire)"));
    }
    if (ec) return file_error(folder.string(), "dossier de fichiers illisible : " + ec.message());
    std::sort(files.begin(), files.end(), [](const fs::path& a, const fs::path& b) { return a.filename().string() < b.filename().string(); });
    pending.insert(pending.begin(), files.begin(), files.end());
    return std::nullopt;
  }

  // UTF-16 (Notepad's « Unicode », PowerShell 5's > and Out-File): a byte order mark, or the
  // zero byte every ASCII character carries. JSON files are UTF-8 (RFC 8259).
  static bool is_utf16(std::string_view text) {
    if (text.starts_with("\xFF\xFE") || text.starts_with("\xFE\xFF")) return true;
    return text.size() >= 2 && ((text[0] != '\0' && text[1] == '\0') || (text[0] == '\0' && text[1] != '\0'));
  }
  // UTF-32: its byte order mark, or three zero bytes with every ASCII character. Rare (some
  // exports of old tools), and told apart so that the advice names the right encoding.
  static bool is_utf32(std::string_view text) {
    if (text.starts_with(std::string_view("\xFF\xFE\0\0", 4)) || text.starts_with(std::string_view("\0\0\xFE\xFF", 4))) return true;
    return text.size() >= 4 && ((text[0] != '\0' && text[1] == '\0' && text[2] == '\0' && text[3] == '\0') ||
                                (text[0] == '\0' && text[1] == '\0' && text[2] == '\0' && text[3] != '\0'));
  }
  static std::string wide_encoding_message(std::string_view text = {}) {
    if (is_utf32(text))
      return "fichier en UTF-32 : les dossiers JSON s'écrivent en UTF-8 ; l'enregistrer en UTF-8 (Bloc-notes : "
             "Enregistrer sous, codage UTF-8 ; PowerShell : Out-File -Encoding utf8)";
    return "fichier en UTF-16 (le « Unicode » du Bloc-notes, la sortie de PowerShell 5) : les dossiers JSON "
           "s'écrivent en UTF-8 ; l'enregistrer en UTF-8 (Bloc-notes : Enregistrer sous, codage UTF-8 ; "
           "PowerShell : Out-File -Encoding utf8)";
  }
  // An error that ends the open file: its other lines are not read.
  bool stop_file(std::optional<InputError>& error, std::string message, ReadCode code) {
    lines.close();
    split_lines.clear();
    mode = Mode::None;
    error = file_error(current_file, std::move(message), line_number, code);
    return true;
  }

  // The next non-blank line of the open .jsonl file.
  bool next_line(InputItem& item, std::optional<InputError>& error) {
    for (;;) {
      if (!split_lines.empty()) {
        line_buffer = std::move(split_lines.front());
        split_lines.pop_front();
        ++line_number;
      } else if (std::getline(lines, line_buffer, delimiter)) {
        ++line_number;
        if (line_number == 1) {
          // A byte order mark before the first line (PowerShell 5, Notepad): as for a .json file.
          if (line_buffer.compare(0, 3, "\xEF\xBB\xBF") == 0) line_buffer.erase(0, 3);
          if (is_utf16(line_buffer)) return stop_file(error, wide_encoding_message(line_buffer), ReadCode::InvalidUtf8);
        } else if (line_buffer.find('\0') != std::string::npos) {
          // Lines appended in UTF-16 to a UTF-8 file (PowerShell 5's >>): this line is said, the
          // others are read (review 21).
          error = file_error(current_file, "ligne en UTF-16 (ajoutée par PowerShell 5, >> ?) : " + wide_encoding_message(),
                             line_number, ReadCode::InvalidUtf8);
          return true;
        }
        // Old Mac line breaks (\r alone): each one ends a line, as \n does (review 19: five
        // dossiers so separated were one error, four never counted). A CRLF's \r stays. Two ways
        // meet here on purpose: a file that breaks its lines with \r alone throughout is read
        // with \r as the delimiter (open_file), so no line holds the whole file; this split is
        // for the mixed file, lines pasted from an old Mac file into a \n one.
        if (std::size_t cr = line_buffer.find('\r'); cr != std::string::npos && cr + 1 < line_buffer.size()) {
          std::string rest = line_buffer.substr(cr + 1);
          line_buffer.resize(cr);
          for (std::size_t from = 0;;) {
            const std::size_t next_cr = rest.find('\r', from);
            split_lines.push_back(rest.substr(from, next_cr == std::string::npos ? std::string::npos : next_cr - from));
            if (next_cr == std::string::npos) break;
            from = next_cr + 1;
          }
        }
      } else {
        break;
      }
      if (trim(line_buffer).empty()) continue;
      // A dossier written over several lines (indented) in a .jsonl: one clear error, not one
      // per line (review 19: 195 errors for three dossiers).
      if (!produced_line && (trim(line_buffer) == "{" || trim(line_buffer) == "[")) {
        return stop_file(error,
                         "un fichier .jsonl porte un dossier par ligne, or celui-ci commence par « " +
                             std::string(trim(line_buffer)) +
                             " » seul : le dossier est écrit sur plusieurs lignes ; renommer le fichier en .json (un "
                             "dossier, ou un tableau [ … ] de dossiers), ou écrire chaque dossier sur une ligne",
                         ReadCode::MalformedJson);
      }
      produced_line = true;
      item.file = current_file;
      item.line = line_number;
      item.index = 0;
      item.in_array = false;
      item.first_line = line_number;
      item.text.assign(trim(line_buffer));
      return true;
    }
    const bool bad = lines.bad();
    lines.close();
    mode = Mode::None;
    if (bad) {
      error = file_error(current_file, "erreur de lecture du fichier", line_number);
      return true;
    }
    if (!produced_line) {
      error = file_error(current_file, "fichier vide : aucun dossier", 0, ReadCode::EmptyDocument);
      return true;
    }
    return false;
  }

  // The next element of the open JSON array; malformed tails come out as one last item so
  // the reader reports them with its own message.
  // Line of a byte of the array's text, for the errors of the array itself (rare).
  std::size_t array_line_of(std::size_t pos) const {
    const std::size_t end = std::min(pos, array_text.size());
    return 1 + count_line_breaks(array_text.data(), array_text.data() + end);
  }

  bool next_element(InputItem& item, std::optional<InputError>& error) {
    const std::string& t = array_text;
    std::size_t i = array_pos;
    while (i < t.size() && is_space(t[i])) ++i;
    if (i < t.size() && t[i] == ']') {
      if (after_comma) {
        // `[A, B, ]`: JSON has no trailing comma; a dossier may have been cut off there.
        after_comma = false;
        array_pos = i;
        error = file_error(current_file, "virgule en trop avant la fin du tableau de dossiers (] après une virgule)",
                           array_line_of(i), ReadCode::MalformedJson);
        return true;
      }
      const std::size_t bracket = i;
      ++i;
      while (i < t.size() && is_space(t[i])) ++i;
      if (i < t.size() && t[i] == ',') {
        // `[A], B]`: a stray bracket, the array goes on; said at its line, and the dossiers
        // after it still read (review 21: they were lost under one « contenu inattendu »).
        ++i;
        after_comma = true;
        array_pos = i;
        error = file_error(current_file, "crochet fermant ] en trop dans le tableau de dossiers (suivi d'une virgule)",
                           array_line_of(bracket), ReadCode::MalformedJson);
        return true;
      }
      mode = Mode::None;
      if (i != t.size()) {
        error = file_error(current_file, "contenu inattendu après la fin du tableau de dossiers", array_line_of(i),
                           ReadCode::TrailingContent);
        return true;
      }
      return false;
    }
    if (i >= t.size()) {
      mode = Mode::None;
      error = file_error(current_file, "JSON tronqué : tableau de dossiers non fermé (crochet ] attendu à la fin)",
                         array_line_of(i), ReadCode::MalformedJson);
      return true;
    }
    if (t[i] == '}') {
      // A closing brace where a dossier should start (`[{…}}, {…}]`): reported once, at its
      // line, then skipped with the comma after it, so the next dossiers are still read.
      const std::size_t at = i;
      ++i;
      while (i < t.size() && is_space(t[i])) ++i;
      after_comma = i < t.size() && t[i] == ',';
      if (after_comma) ++i;
      array_pos = i;
      error = file_error(current_file, "accolade fermante } en trop dans le tableau de dossiers", array_line_of(at),
                         ReadCode::MalformedJson);
      return true;
    }
    after_comma = false;
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
        if (depth == 0) break;  // the closing bracket of the outer array
        --depth;
      } else if (c == ',' && depth == 0) {
        break;
      }
    }
    item.file = current_file;
    item.line = 0;
    item.index = array_index++;
    item.in_array = true;
    array_line += count_line_breaks(t.data() + array_line_pos, t.data() + start);
    array_line_pos = start;
    item.first_line = array_line;
    item.text.assign(trim(std::string_view(t).substr(start, i - start)));
    if (i < t.size() && t[i] == ',') {
      ++i;
      after_comma = true;
    }
    // At the end of the text without the closing bracket, the next call reports the
    // unterminated array, whether or not this last element itself is whole.
    array_pos = i;
    if (item.text.empty()) {
      error = file_error(current_file, "élément vide dans le tableau de dossiers (virgule en trop ?)", item.first_line,
                         ReadCode::MalformedJson);
      return true;
    }
    return true;
  }

  bool open_file(const fs::path& path, InputItem& item, std::optional<InputError>& error) {
    current_file = path.string();
    if (is_jsonl_name(current_file)) {
      lines = std::ifstream(path, std::ios::binary);
      if (!lines) {
        error = file_error(current_file, "fichier illisible");
        return true;
      }
      mode = Mode::Lines;
      line_number = 0;
      produced_line = false;
      // A file whose lines end in \r alone (old Mac) is read line by line all the same: the
      // separator is chosen on its first bytes (review 21: read whole, it took 3 × its size).
      {
        char head[64 * 1024];
        lines.read(head, sizeof head);
        const std::string_view seen(head, static_cast<std::size_t>(lines.gcount()));
        const std::size_t cr = seen.find('\r');
        delimiter = seen.find('\n') == std::string_view::npos && cr != std::string_view::npos && cr + 1 < seen.size()
                        ? '\r'
                        : '\n';
        lines.clear();
        lines.seekg(0);
      }
      return next_line(item, error);
    }
    std::ifstream in(path, std::ios::binary);
    if (!in) {
      error = file_error(current_file, "fichier illisible");
      return true;
    }
    // The first bytes are looked at before the rest is read: /dev/zero or a binary file named
    // .json is refused at once, not read until memory runs out (review 19).
    std::string text(64 * 1024, '\0');
    in.read(text.data(), static_cast<std::streamsize>(text.size()));
    text.resize(static_cast<std::size_t>(in.gcount()));
    if (in.bad()) {
      error = file_error(current_file, "erreur de lecture du fichier");
      return true;
    }
    if (is_utf16(text)) {
      error = file_error(current_file, wide_encoding_message(text), 0, ReadCode::InvalidUtf8);
      return true;
    }
    {
      std::size_t at = text.compare(0, 3, "\xEF\xBB\xBF") == 0 ? 3 : 0;
      while (at < text.size() && is_space(text[at])) ++at;
      if (at < text.size() && text[at] != '{' && text[at] != '[') {
        error = file_error(current_file, "le fichier ne contient ni un objet JSON (un dossier) ni un tableau de dossiers",
                           0, ReadCode::NotAnObject);
        return true;
      }
    }
    if (in) {
      std::ostringstream rest;
      rest << in.rdbuf();
      if (in.bad()) {
        error = file_error(current_file, "erreur de lecture du fichier");
        return true;
      }
      text += std::move(rest).str();
    }
    std::size_t first = 0;
    if (text.compare(0, 3, "\xEF\xBB\xBF") == 0) first = 3;  // a UTF-8 byte order mark
    while (first < text.size() && is_space(text[first])) ++first;
    if (first >= text.size()) {
      error = file_error(current_file, "fichier vide : aucun dossier", 0, ReadCode::EmptyDocument);
      return true;
    }
    if (text[first] == '{') {
      item.file = current_file;
      item.line = 0;
      item.index = 0;
      item.in_array = false;
      item.first_line = 1 + count_line_breaks(text.data(), text.data() + first);
      item.text = first == 0 ? std::move(text) : text.substr(first);
      return true;
    }
    if (text[first] == '[') {
      array_text = std::move(text);
      array_pos = first + 1;
      array_index = 0;
      after_comma = false;
      array_line = 1;
      array_line_pos = 0;
      mode = Mode::Array;
      return next_element(item, error) || advance(item, error);
    }
    error = file_error(current_file, "le fichier ne contient ni un objet JSON (un dossier) ni un tableau de dossiers", 0, ReadCode::NotAnObject);
    return true;
  }

  // Moves on to the next path; false when there is none.
  bool advance(InputItem& item, std::optional<InputError>& error) {
    while (!pending.empty() || !queued_errors.empty()) {
      if (!queued_errors.empty()) {
        error = std::move(queued_errors.front());
        queued_errors.pop_front();
        return true;
      }
      const fs::path path = pending.front();
      pending.pop_front();
      std::error_code ec;
      const fs::file_status status = fs::status(path, ec);
      if (ec || !fs::exists(status)) {
        error = file_error(path.string(), "fichier introuvable ou illisible");
        return true;
      }
      if (fs::is_directory(status)) {
        const fs::path canonical = fs::weakly_canonical(path, ec);
        if (!ec) {
          if (std::find(folders_seen.begin(), folders_seen.end(), canonical) != folders_seen.end()) continue;
          folders_seen.push_back(canonical);
        }
        if (auto e = expand_folder(path)) {
          error = std::move(e);
          return true;
        }
        continue;
      }
      if (struct stat st {}; fs::is_regular_file(status) && ::stat(path.c_str(), &st) == 0 &&
                             !files_seen.emplace(st.st_dev, st.st_ino).second) {
        continue;
      }
      if (open_file(path, item, error)) return true;
    }
    return false;
  }

  bool next(InputItem& item, std::optional<InputError>& error) {
    error.reset();
    if (!queued_errors.empty()) {
      error = std::move(queued_errors.front());
      queued_errors.pop_front();
      return true;
    }
    if (mode == Mode::Lines && next_line(item, error)) return true;
    if (mode == Mode::Array && next_element(item, error)) return true;
    return advance(item, error);
  }
};

InputStream::InputStream(std::vector<std::filesystem::path> paths) : impl_(std::make_unique<Impl>()) {
  impl_->pending.assign(paths.begin(), paths.end());
}
InputStream::~InputStream() = default;

bool InputStream::next(InputItem& item, std::optional<InputError>& error) { return impl_->next(item, error); }

}  // namespace subsidia::io
