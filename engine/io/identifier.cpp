#include "io/identifier.hpp"

#include "diag/utf8.hpp"

namespace subsidia::io {

namespace {

// Line and paragraph separators: invisible in a list, a line break in a text file.
bool is_separator(char32_t c) { return c == 0x2028 || c == 0x2029 || c == 0x85; }

}  // namespace

bool is_unicode_blank(char32_t c) { return diag::is_unicode_blank(c); }

bool is_blank_text(std::string_view text) {
  for (std::size_t i = 0; i < text.size();) {
    const char32_t c = diag::next_code_point(text, i);
    if (c == '\t' || c == '\n' || c == '\r' || is_unicode_blank(c) || is_invisible_character(c) || is_direction_mark(c))
      continue;
    return false;
  }
  return true;
}

bool is_direction_mark(char32_t c) {
  return c == 0x200E || c == 0x200F || (c >= 0x202A && c <= 0x202E) || (c >= 0x2066 && c <= 0x2069) || c == 0x061C;
}

bool is_invisible_character(char32_t c) {
  return c == 0xAD || c == 0x34F || c == 0x115F || c == 0x1160 || c == 0x17B4 || c == 0x17B5 || c == 0x180E ||
         (c >= 0x180B && c <= 0x180D) || (c >= 0x200B && c <= 0x200D) || (c >= 0x2060 && c <= 0x2064) ||
         c == 0x2800 || c == 0x3164 || (c >= 0xFE00 && c <= 0xFE0F) || c == 0xFEFF || c == 0xFFA0 ||
         (c >= 0xFFF9 && c <= 0xFFFB) || (c >= 0xE0000 && c <= 0xE007F) || (c >= 0xE0100 && c <= 0xE01EF);
}

std::optional<std::string> identifier_problem(std::string_view id) {
  bool visible = false;
  for (std::size_t i = 0; i < id.size();) {
    const char32_t c = diag::next_code_point(id, i);
    if (c < 0x20 || (c >= 0x7F && c < 0xA0)) {
      return std::string("identifiant illisible : un caractère de contrôle (invisible) s'y trouve ; l'écrire sans");
    }
    if (is_direction_mark(c)) {
      return std::string(
          "identifiant illisible : un caractère de direction d'écriture (invisible, il change l'ordre des caractères "
          "affichés) s'y trouve ; l'écrire sans");
    }
    if (is_invisible_character(c) || is_separator(c)) {
      return std::string(
          "identifiant illisible : un caractère invisible (espace sans largeur, trait d'union conditionnel, "
          "liant, séparateur de ligne, caractère de remplissage) s'y trouve, qui le ferait prendre pour un autre ; l'écrire sans");
    }
    if (!is_unicode_blank(c) && c != '\t') visible = true;
  }
  if (!visible) {
    return std::string("identifiant fait de blancs seulement : il ne dit pas le dossier ; donner la référence de la "
                       "délibération ou du dossier");
  }
  return std::nullopt;
}

}  // namespace subsidia::io
