// Files for the writer tests: a temporary folder, a whole file, a member of a zip (the XLSX).
#pragma once

#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <memory>
#include <sstream>
#include <string>
#include <vector>

namespace subsidia::reports {

class TemporaryFolder {
 public:
  TemporaryFolder() {
    char pattern[] = "/tmp/subsidia-jaune-XXXXXX";
    path_ = ::mkdtemp(pattern);
  }
  ~TemporaryFolder() { std::filesystem::remove_all(path_); }
  const std::filesystem::path& path() const { return path_; }
  std::size_t entries() const {
    return std::distance(std::filesystem::directory_iterator(path_), std::filesystem::directory_iterator());
  }

 private:
  std::filesystem::path path_;
};

inline std::string read_all(const std::filesystem::path& file) {
  std::ifstream in(file, std::ios::binary);
  std::ostringstream s;
  s << in.rdbuf();
  return s.str();
}

inline std::string unzip_member(const std::filesystem::path& file, const char* member) {
  std::string command = "unzip -p '" + file.string() + "' " + member + " 2>/dev/null";
  std::unique_ptr<FILE, int (*)(FILE*)> pipe(::popen(command.c_str(), "r"), ::pclose);
  std::string out;
  char buffer[4096];
  while (pipe && std::fgets(buffer, sizeof buffer, pipe.get())) out += buffer;
  return out;
}

// The strings of an XLSX's sharedStrings.xml in their order (the index a cell of type "s" holds).
inline std::vector<std::string> shared_strings(const std::string& xml) {
  std::vector<std::string> out;
  for (std::size_t at = xml.find("<si>"); at != std::string::npos; at = xml.find("<si>", at + 1)) {
    const std::size_t open = xml.find('>', xml.find("<t", at)), close = xml.find("</t>", at);
    out.push_back(xml.substr(open + 1, close - open - 1));
  }
  return out;
}

}  // namespace subsidia::reports
