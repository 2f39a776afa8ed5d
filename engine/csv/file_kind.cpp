#include "csv/file_kind.hpp"

#include <cstdint>

namespace subsidia::csv {

namespace {

constexpr std::string_view kSaveAsCsv =
    " : l'ouvrir dans le tableur et l'enregistrer au format CSV (UTF-8, séparateur point-virgule), puis "
    "importer ce fichier-là";

std::uint16_t little_endian_16(std::string_view bytes, std::size_t at) {
  return static_cast<std::uint16_t>(static_cast<unsigned char>(bytes[at]) |
                                    (static_cast<unsigned char>(bytes[at + 1]) << 8));
}

// A ZIP file (PK\3\4): its first entry's name tells an OpenDocument spreadsheet (« mimetype »,
// then the media type, stored first and uncompressed by the format's rule) from an Office Open
// XML one (« [Content_Types].xml », « _rels/… », « xl/… », « docProps/… »).
std::string zip_kind(std::string_view bytes) {
  constexpr std::size_t kNameLength = 26, kName = 30;
  if (bytes.size() >= kName) {
    const std::size_t length = little_endian_16(bytes, kNameLength);
    if (bytes.size() >= kName + length) {
      const std::string_view first = bytes.substr(kName, length);
      const std::string_view head = bytes.substr(0, 200);
      if (first == "mimetype" && head.find("opendocument.spreadsheet") != std::string_view::npos)
        return "classeur OpenDocument (.ods), pas un fichier CSV" + std::string(kSaveAsCsv);
      if (first == "mimetype" && head.find("opendocument") != std::string_view::npos)
        return "document OpenDocument, pas un fichier CSV";
      if (first == "[Content_Types].xml" || first.starts_with("_rels/") || first.starts_with("xl/") ||
          first.starts_with("docProps/"))
        return "classeur Excel (.xlsx) ou autre document Office, pas un fichier CSV" + std::string(kSaveAsCsv);
    }
  }
  return "archive ZIP, pas un fichier CSV : la décompresser et importer les fichiers CSV qu'elle contient";
}

}  // namespace

std::optional<std::string> binary_file_kind(std::string_view bytes) {
  if (bytes.starts_with("PK\x03\x04")) return zip_kind(bytes);
  if (bytes.starts_with("PK\x05\x06")) return std::string("archive ZIP vide, pas un fichier CSV");
  if (bytes.starts_with("\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1"))
    return "classeur Excel 97-2003 (.xls) ou autre document Office ancien, pas un fichier CSV" + std::string(kSaveAsCsv);
  if (bytes.starts_with("%PDF-")) return std::string("document PDF, pas un fichier CSV : demander les données au format CSV");
  if (bytes.starts_with("\x1F\x8B")) return std::string("fichier compressé (gzip), pas un fichier CSV : le décompresser d'abord");
  return std::nullopt;
}

}  // namespace subsidia::csv
