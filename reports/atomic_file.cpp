#include "reports/atomic_file.hpp"

#include <cerrno>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <system_error>
#include <vector>

#include <sys/stat.h>
#include <unistd.h>

namespace subsidia::reports {

namespace {

namespace fs = std::filesystem;

// The file a path names once its symbolic links are followed (the link itself stays: renaming
// over it would turn `-o lien` into a plain file and leave its target as it was). A dangling
// link names the file it would create. Null after too many links (a loop).
std::optional<fs::path> follow_links(const fs::path& file) {
  fs::path current = file;
  for (int hops = 0; hops < 40; ++hops) {
    std::error_code ec;
    if (!fs::is_symlink(fs::symlink_status(current, ec))) return current;
    const fs::path target = fs::read_symlink(current, ec);
    if (ec) return std::nullopt;
    current = target.is_absolute() ? target : current.parent_path() / target;
  }
  return std::nullopt;
}

// Copies a finished temporary file into a FIFO, a terminal or a device (`-o /dev/stdout`),
// which cannot be replaced by a rename: it is written in place, once the content is whole.
std::optional<std::string> copy_into(const fs::path& temporary, const fs::path& file) {
  std::FILE* in = std::fopen(temporary.c_str(), "rb");
  if (!in) return temporary.string() + " : relecture impossible (" + std::strerror(errno) + ")";
  std::FILE* out = std::fopen(file.c_str(), "wb");
  if (!out) {
    const int saved = errno;
    std::fclose(in);
    return file.string() + " : ouverture impossible (" + std::strerror(saved) + ")";
  }
  std::vector<char> buffer(1 << 16);
  bool ok = true;
  for (std::size_t n; ok && (n = std::fread(buffer.data(), 1, buffer.size(), in)) > 0;) {
    ok = std::fwrite(buffer.data(), 1, n, out) == n;
  }
  ok = !std::ferror(in) && ok;
  std::fclose(in);
  ok = (std::fflush(out) == 0) && ok;
  const int saved = errno;
  ok = (std::fclose(out) == 0) && ok;
  if (!ok) return file.string() + " : écriture incomplète (" + std::strerror(saved ? saved : errno) + ")";
  return std::nullopt;
}

}  // namespace

std::optional<std::string> write_atomically(
    const std::filesystem::path& requested,
    const std::function<std::optional<std::string>(const std::filesystem::path& temporary)>& produce) {
  if (requested.empty()) return "nom de fichier de sortie vide";
  const std::optional<fs::path> followed = follow_links(requested);
  if (!followed) return requested.string() + " : liens symboliques en boucle";
  const fs::path& file = *followed;
  std::error_code ec;
  const fs::file_status status = fs::status(file, ec);
  if (fs::is_directory(status)) return requested.string() + " : est un dossier";
  // Anything but a regular file (a FIFO, /dev/stdout, /dev/null) is written into, not replaced:
  // the content is made whole in the system's temporary folder first.
  const bool special = fs::exists(status) && !fs::is_regular_file(status);
  // mkstemp creates the temporary file exclusively, so two runs never share one.
  std::string pattern = (special ? (fs::temp_directory_path(ec) / "subsidia-sortie").string() : file.string()) + ".tmp-XXXXXX";
  std::vector<char> name(pattern.begin(), pattern.end());
  name.push_back('\0');
  int fd = ::mkstemp(name.data());
  if (fd < 0)
    return requested.string() + " : impossible de créer le fichier temporaire (" + std::strerror(errno) + ")";
  // mkstemp makes it private (0600); a report is meant to be shared like any file.
  ::fchmod(fd, 0644);
  ::close(fd);
  const fs::path temporary(name.data());

  std::optional<std::string> error;
  try {
    error = produce(temporary);
  } catch (const std::exception& e) {
    error = std::string("erreur interne : ") + e.what();
  }
  if (!error && special) {
    error = copy_into(temporary, file);
    fs::remove(temporary, ec);
    return error;
  }
  if (!error) {
    fs::rename(temporary, file, ec);
    if (ec) error = requested.string() + " : renommage impossible (" + ec.message() + ")";
  }
  if (error) fs::remove(temporary, ec);
  return error;
}

std::optional<std::string> write_file_atomically(const std::filesystem::path& file, std::string_view content) {
  return write_atomically(file, [&](const std::filesystem::path& temporary) -> std::optional<std::string> {
    std::FILE* out = std::fopen(temporary.c_str(), "wb");
    if (!out) return temporary.string() + " : ouverture impossible (" + std::strerror(errno) + ")";
    bool ok = std::fwrite(content.data(), 1, content.size(), out) == content.size();
    ok = (std::fflush(out) == 0) && ok;
    ok = (::fsync(::fileno(out)) == 0) && ok;
    ok = (std::fclose(out) == 0) && ok;
    if (!ok) return file.string() + " : écriture incomplète (" + std::strerror(errno) + ")";
    return std::nullopt;
  });
}

}  // namespace subsidia::reports
