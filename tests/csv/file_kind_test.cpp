// Binary files told by their first bytes, and text never taken for one.
#include "csv/file_kind.hpp"

#include <gtest/gtest.h>

#include <string>

namespace subsidia::csv {
namespace {

// A ZIP local file header whose first entry is `name`, followed by `content` stored as is.
std::string zip_starting_with(const std::string& name, const std::string& content = "") {
  std::string bytes = "PK\x03\x04";
  bytes.append(22, '\0');                       // version, flags, method, time, sizes
  bytes += static_cast<char>(name.size() & 0xFF);
  bytes += static_cast<char>(name.size() >> 8);
  bytes.append(2, '\0');                        // extra field length
  return bytes + name + content;
}

TEST(BinaryFileKind, AnXlsxAnOdsAZipAnXlsAPdfAndAGzipAreToldApart) {
  const auto xlsx = binary_file_kind(zip_starting_with("[Content_Types].xml", "<?xml"));
  ASSERT_TRUE(xlsx.has_value());
  EXPECT_EQ(xlsx->rfind("classeur Excel (.xlsx)", 0), 0u) << *xlsx;
  EXPECT_NE(xlsx->find("enregistrer au format CSV"), std::string::npos);
  EXPECT_EQ(binary_file_kind(zip_starting_with("docProps/app.xml"))->rfind("classeur Excel (.xlsx)", 0), 0u);
  const auto ods = binary_file_kind(zip_starting_with("mimetype", "application/vnd.oasis.opendocument.spreadsheet"));
  ASSERT_TRUE(ods.has_value());
  EXPECT_EQ(ods->rfind("classeur OpenDocument (.ods)", 0), 0u) << *ods;
  EXPECT_EQ(binary_file_kind(zip_starting_with("subventions-2019.csv", "a;b"))->rfind("archive ZIP", 0), 0u);
  EXPECT_EQ(binary_file_kind(std::string("PK\x03\x04\x14", 5))->rfind("archive ZIP", 0), 0u);  // cut short
  EXPECT_EQ(binary_file_kind(std::string("\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1\0\0", 10))->rfind("classeur Excel 97-2003", 0), 0u);
  EXPECT_EQ(binary_file_kind("%PDF-1.7\n")->rfind("document PDF", 0), 0u);
  EXPECT_EQ(binary_file_kind(std::string("\x1F\x8B\x08\0", 4))->rfind("fichier compressé", 0), 0u);
}

TEST(BinaryFileKind, TextIsLeftToTheCsvReader) {
  for (const std::string& text : {std::string(""), std::string("nomAttribuant;objet\n"), std::string("\xEF\xBB\xBFnom;objet"),
                                  std::string("\xFF\xFEn\0o\0m\0", 8), std::string("PK;objet\n"), std::string("P")}) {
    EXPECT_FALSE(binary_file_kind(text).has_value()) << text;
  }
}

}  // namespace
}  // namespace subsidia::csv
