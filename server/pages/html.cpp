#include "pages/html.hpp"

#include "output/markup.hpp"

namespace subsidia::server::pages {

// The project's one escaper (engine/output/markup), as the jaune's HTML uses.
std::string escape(std::string_view text) { return output::markup_escaped(text); }

std::string url_encode(std::string_view text) {
  static constexpr char kHex[] = "0123456789ABCDEF";
  std::string out;
  for (unsigned char c : text) {
    if ((c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-' || c == '_' ||
        c == '.' || c == '~') {
      out += static_cast<char>(c);
    } else {
      out += '%';
      out += kHex[c >> 4];
      out += kHex[c & 15];
    }
  }
  return out;
}

std::string csrf_field(const PageUser& user) {
  return "<input type=\"hidden\" name=\"csrf\" value=\"" + escape(user.csrf) + "\">";
}

std::string_view verdict_label(std::string_view code) {
  if (code == "conforme") return "CONFORME";
  if (code == "non_conforme") return "NON CONFORME";
  if (code == "incomplet") return "INCOMPLET";
  return code;
}

namespace {
// High contrast (WCAG AA at least), visible focus, no script anywhere.
constexpr std::string_view kStyle = R"css(
body{font-family:system-ui,sans-serif;margin:0;color:#111;background:#fff;line-height:1.5}
a{color:#0b3d91}a:focus,button:focus,input:focus,select:focus,textarea:focus{outline:3px solid #b35900;outline-offset:2px}
.saut{position:absolute;left:-999px}.saut:focus{left:8px;top:8px;background:#fff;padding:4px}
header{background:#0b3d91;color:#fff;padding:8px 16px}header a{color:#fff;margin-right:16px}
main{padding:16px;max-width:1100px}table{border-collapse:collapse;width:100%}
th,td{border:1px solid #555;padding:4px 8px;text-align:left;vertical-align:top}
.conforme{color:#0a5c0a;font-weight:bold}.non_conforme{color:#a00000;font-weight:bold}.incomplet{color:#7a4a00;font-weight:bold}
.erreur{color:#a00000;font-weight:bold}label{display:block;margin-top:8px;font-weight:bold}
input,select,textarea{font-size:1rem;padding:4px;border:1px solid #333}button{font-size:1rem;padding:6px 12px;margin-top:8px}
form.ligne{display:inline}
)css";
}  // namespace

std::string layout(std::string_view title, const PageUser& user, std::string_view body) {
  std::string out;
  out.reserve(body.size() + 2048);
  out += "<!DOCTYPE html>\n<html lang=\"fr\"><head><meta charset=\"utf-8\">"
         "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\"><title>";
  out += escape(title);
  out += " – Subsidia</title><style>";
  out += kStyle;
  out += "</style></head><body><a class=\"saut\" href=\"#contenu\">Aller au contenu</a><header><nav aria-label=\"Navigation principale\">";
  if (!user.name.empty()) {
    out += "<a href=\"/dossiers\">Dossiers</a>";
    if (user.role == "agent" || user.role == "admin") out += "<a href=\"/dossiers/nouveau\">Nouveau dossier</a><a href=\"/televerser\">Téléverser</a>";
    if (user.role == "budget" || user.role == "admin") out += "<a href=\"/jaune\">Jaune budgétaire</a>";
    out += "<a href=\"/regles\">Règles</a>";
    out += "<a href=\"/mot-de-passe\">Mot de passe</a>";
    if (user.role == "admin") out += "<a href=\"/comptes\">Comptes</a><a href=\"/audit\">Journal d'audit</a>";
    out += "<form class=\"ligne\" method=\"post\" action=\"/deconnexion\">" + csrf_field(user) +
           "<button type=\"submit\">Se déconnecter (" + escape(user.name) + ")</button></form>";
  } else {
    out += "<a href=\"/connexion\">Connexion</a>";
  }
  out += "</nav></header><main id=\"contenu\"><h1>";
  out += escape(title);
  out += "</h1>";
  out += body;
  out += "</main></body></html>\n";
  return out;
}

}  // namespace subsidia::server::pages
