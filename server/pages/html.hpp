// HTML for the server's pages: every text from a dossier, a user or the rules goes through
// escape() (text and attribute values alike), so a dossier's "<script>" shows as text.
#pragma once

#include <string>
#include <string_view>

namespace subsidia::server::pages {

// & < > " ' escaped (output::markup_escaped): safe in text and in quoted attribute values.
std::string escape(std::string_view text);
// For a query string or path segment: every byte but unreserved ones as %XX.
std::string url_encode(std::string_view text);

struct PageUser {
  std::string name;  // "" when not logged in
  std::string role;
  std::string csrf;
};

// The whole page: French, a skip link, a navigation by role, the title as <h1>, `body` as is.
std::string layout(std::string_view title, const PageUser& user, std::string_view body);
// A hidden CSRF field for a form.
std::string csrf_field(const PageUser& user);
// French label of a verdict code, and its CSS class.
std::string_view verdict_label(std::string_view code);

}  // namespace subsidia::server::pages
