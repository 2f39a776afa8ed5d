#include "support/line_file.hpp"

#include <fstream>
#include <iterator>

namespace subsidia::bench {

std::optional<LineFile> read_line_file(const std::filesystem::path& file) {
  std::ifstream in(file, std::ios::binary);
  if (!in) return std::nullopt;
  LineFile out;
  out.text.assign(std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>());
  if (in.bad()) return std::nullopt;
  std::string_view all(out.text);
  std::size_t start = 0;
  std::size_t number = 0;
  while (start < all.size()) {
    std::size_t end = all.find('\n', start);
    if (end == std::string_view::npos) end = all.size();
    ++number;
    std::string_view line = all.substr(start, end - start);
    if (!line.empty() && line.back() == '\r') line.remove_suffix(1);
    // Blank lines are not dossiers (the kit's readers skip a trailing one too).
    if (line.find_first_not_of(" \t") != std::string_view::npos) {
      out.lines.push_back(line);
      out.line_numbers.push_back(number);
    }
    start = end + 1;
  }
  return out;
}

}  // namespace subsidia::bench
