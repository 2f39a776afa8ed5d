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

std::optional<std::string> write_atomically(
    const std::filesystem::path& file,
    const std::function<std::optional<std::string>(const std::filesystem::path& temporary)>& produce) {
  if (file.empty()) return "nom de fichier de sortie vide";
  std::error_code ec;
  if (std::filesystem::is_directory(file, ec)) return file.string() + " : est un dossier";
  // mkstemp creates the temporary file exclusively, so two runs never share one.
  std::string pattern = file.string() + ".tmp-XXXXXX";
  std::vector<char> name(pattern.begin(), pattern.end());
  name.push_back('\0');
  int fd = ::mkstemp(name.data());
  if (fd < 0)
    return file.string() + " : impossible de créer le fichier temporaire (" + std::strerror(errno) + ")";
  // mkstemp makes it private (0600); a report is meant to be shared like any file.
  ::fchmod(fd, 0644);
  ::close(fd);
  const std::filesystem::path temporary(name.data());

  std::optional<std::string> error;
  try {
    error = produce(temporary);
  } catch (const std::exception& e) {
    error = std::string("erreur interne : ") + e.what();
  }
  if (!error) {
    std::filesystem::rename(temporary, file, ec);
    if (ec) error = file.string() + " : renommage impossible (" + ec.message() + ")";
  }
  if (error) std::filesystem::remove(temporary, ec);
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
