#include "scdl/identifiers.hpp"

#include "decimal/decimal.hpp"
#include "scdl/amount.hpp"

namespace subsidia::interop::scdl {

bool luhn_valid(std::string_view digits) {
  // La Poste's establishments share SIREN 356000000: their SIRETs may follow another rule
  // (the sum of the digits is a multiple of 5) instead of the Luhn key.
  if (digits.size() == 14 && digits.starts_with("356000000")) {
    int total = 0;
    for (char c : digits) total += c - '0';
    if (total % 5 == 0) return true;
  }
  int sum = 0;
  bool twice = false;
  for (std::size_t i = digits.size(); i-- > 0;) {
    int d = digits[i] - '0';
    if (twice) {
      d *= 2;
      if (d > 9) d -= 9;
    }
    sum += d;
    twice = !twice;
  }
  return sum % 10 == 0;
}

std::optional<IdentifierReading> read_siret(std::string_view text) {
  const std::string_view t = trim_spaces(text);
  if (is_missing_marker(t)) return std::nullopt;
  IdentifierReading r;
  std::string digits;
  std::string_view rest = t;
  if (t.find_first_of("eE") != std::string_view::npos) {
    // 2.18601946E+13: an integer written by a spreadsheet in scientific notation (2,18601946E+13
    // by a French one). The spreadsheet kept only the mantissa's digits: the exponent pads with
    // zeros. Below nine significant digits even the SIREN is not known (2.18602E+13 would read
    // 218602000, another body, whose key may well pass): the identifier is not read.
    std::string number(t);
    if (number.find('.') == std::string::npos) {
      for (char& c : number) c = c == ',' ? '.' : c;
    }
    const std::string_view mantissa = std::string_view(number).substr(0, number.find_first_of("eE"));
    std::size_t significant = 0;
    bool leading = true;
    for (char c : mantissa) {
      if (c < '0' || c > '9') continue;
      if (leading && c == '0') continue;
      leading = false;
      ++significant;
    }
    auto value = decimal::Decimal::parse(number);
    if (value && value->is_integer() && !value->is_negative()) {
      digits = value->normalized().to_string();
      r.note = "écrit en notation scientifique (" + std::string(t) + ")";
      if (digits.size() > significant) {
        if (significant < 9) {
          return IdentifierReading{{}, false,
                                   r.note + " : " + std::to_string(significant) +
                                       " chiffres significatifs seulement, le tableur a arrondi le numéro ; "
                                       "le SIREN lui-même n'est pas connu"};
        }
        r.note += " : les " + std::to_string(digits.size() - significant) +
                  " derniers chiffres sont des zéros du tableur, à vérifier";
      }
    }
    rest = {};
  } else if (std::size_t dot = t.find('.'); dot != std::string_view::npos && t.find_first_not_of('0', dot + 1) == std::string_view::npos &&
                                             t.substr(0, dot).find_first_not_of("0123456789") == std::string_view::npos) {
    // 21860194600000.0: written as a decimal number.
    rest = t.substr(0, dot);
    r.note = "écrit comme un nombre décimal (" + std::string(t) + ")";
  }
  for (std::size_t i = 0; i < rest.size(); ++i) {
    const char c = rest[i];
    if (c >= '0' && c <= '9') digits += c;
    else if (c == ' ' || c == '.' || c == '-' || static_cast<unsigned char>(c) >= 0x80) continue;  // spaces, NBSP
    else return IdentifierReading{};
  }
  if (digits.size() != 14 && digits.size() != 9) return IdentifierReading{{}, false, r.note};
  // 00000000000000: how publishers mark a natural person or a number they do not have. Its key
  // passes, and as an identifier it tied unrelated people together: read as not given.
  if (digits.find_first_not_of('0') == std::string::npos)
    return IdentifierReading{{}, false, "fait de zéros seulement : numéro fictif, lu comme non donné"};
  r.digits = std::move(digits);
  r.checksum_ok = luhn_valid(r.digits);
  // Zeros where the key fails say why. 44088714900000: a valid SIREN padded with a zero NIC (the
  // establishment's number is missing; the SIREN is right). 38159300000000: a SIRET that a
  // spreadsheet turned into a number and rounded (3,81593E+13), then wrote out in full; the
  // SIREN is doubtful too.
  if (!r.checksum_ok && r.note.empty() && r.digits.size() == 14) {
    const std::size_t zeros = r.digits.size() - 1 - r.digits.find_last_not_of('0');
    // Five to seven zeros after a valid SIREN: its NIC is missing. Eight or more (24000000000000,
    // « 2,4E+13 »): a spreadsheet rounded it, whatever the key of what is left says.
    if (zeros >= 5 && zeros < 8 && luhn_valid(std::string_view(r.digits).substr(0, 9)))
      r.note = r.digits + " : SIREN " + r.digits.substr(0, 9) +
               " valide suivi de cinq zéros, le numéro d'établissement (NIC) manque";
    else if (zeros >= 5)
      r.note = r.digits + " se termine par " + std::to_string(zeros) +
               " zéros, comme un numéro qu'un tableur a arrondi (notation scientifique) : à reprendre du fichier "
               "d'origine";
  }
  return r;
}

std::string read_rna(std::string_view text) {
  const std::string_view t = trim_spaces(text);
  if (t.size() != 10 || (t[0] != 'W' && t[0] != 'w')) return {};
  for (std::size_t i = 1; i < t.size(); ++i)
    if (t[i] < '0' || t[i] > '9') return {};
  std::string rna(t);
  rna[0] = 'W';
  return rna;
}

}  // namespace subsidia::interop::scdl
