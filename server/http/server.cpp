#include "http/server.hpp"

#include <arpa/inet.h>
#include <cctype>
#include <iostream>
#include <netinet/in.h>
#include <sys/socket.h>
#include <unistd.h>

#include "reports/id_key.hpp"
#include "http/app.hpp"
#include "pages/html.hpp"

namespace {

// An error the server writes itself (no route, a body too large, an exception): JSON for the API,
// a page for a browser (a person following a link got raw JSON, or a blank page).
void set_error_content(const httplib::Request& req, httplib::Response& res, const std::string& message) {
  if (req.path.rfind("/api", 0) == 0) {
    res.set_content("{\"erreurs\":[{\"chemin\":\"\",\"message\":\"" + message + "\"}]}", "application/json");
    return;
  }
  std::string french = message;
  if (!french.empty()) french[0] = static_cast<char>(std::toupper(static_cast<unsigned char>(french[0])));
  res.set_content(subsidia::server::pages::layout(french, subsidia::server::pages::PageUser{},
                                                  "<p><a href=\"/dossiers\">Retour aux dossiers</a></p>"),
                  "text/html; charset=utf-8");
}

}  // namespace

namespace subsidia::server::http {

struct Server::Impl {
  Impl(ServerOptions options, std::shared_ptr<const RuleSet> rules) : app(std::move(options), std::move(rules)) {}
  App app;
  httplib::Server http;
  int bound_port = 0;
};

Server::Server(ServerOptions options, std::shared_ptr<const RuleSet> rules)
    : impl_(std::make_unique<Impl>(std::move(options), std::move(rules))) {
  httplib::Server& http = impl_->http;
  const int threads = impl_->app.options.threads;
  http.new_task_queue = [threads] { return new httplib::ThreadPool(static_cast<std::size_t>(threads)); };
  http.set_payload_max_length(impl_->app.options.max_body);
  // httplib writes the headers and the body of an answer in two sends: with Nagle's
  // algorithm the second waits for the client's delayed ACK, 40 ms on Linux (measured: p50
  // 43 ms before, docs/performance.md).
  http.set_tcp_nodelay(true);
  // httplib closes a kept-alive connection after 5 requests by default: a client sending
  // hundreds would pay a new connection (and a thread hand-over) every fifth.
  http.set_keep_alive_max_count(1000);
  http.set_exception_handler([](const httplib::Request& req, httplib::Response& res, std::exception_ptr e) {
    // The cause goes to the log, not to the client.
    try {
      if (e) std::rethrow_exception(e);
    } catch (const std::exception& ex) {
      std::cerr << "subsidia serve : erreur interne sur " << req.method << ' ' << req.path << " : " << ex.what() << '\n';
    } catch (...) {
    }
    res.status = 500;
    set_error_content(req, res, "erreur interne du serveur");
  });
  http.set_error_handler([](const httplib::Request& req, httplib::Response& res) {
    if (!res.body.empty()) return;
    std::string message = res.status == 413   ? "corps de la requête trop volumineux"
                          : res.status == 404 ? "ressource introuvable"
                                              : "requête refusée";
    set_error_content(req, res, message);
  });
  // httplib 0.11 applies the body limit to a Content-Length only: a chunked body was read to its
  // end whatever its size, before any route or session was looked at (a 1 GB body without a
  // session took the server from 104 MB to 1.1 GB; review of 3 December 2026). Browsers and
  // the API's clients send a Content-Length; a chunked body is refused before it is read.
  http.set_pre_routing_handler([](const httplib::Request& req, httplib::Response& res) {
    std::string encoding = req.get_header_value("Transfer-Encoding");
    for (char& c : encoding) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    if (encoding.empty() || encoding == "identity") return httplib::Server::HandlerResponse::Unhandled;
    res.status = 411;
    res.set_header("Connection", "close");  // the unread body must not be taken for a request
    set_error_content(req, res, "corps de requête envoyé par morceaux (Transfer-Encoding) refusé : "
                                "envoyer le corps avec sa taille (Content-Length)");
    return httplib::Server::HandlerResponse::Handled;
  });
  http.set_post_routing_handler([](const httplib::Request&, httplib::Response& res) {
    res.set_header("X-Content-Type-Options", "nosniff");
    res.set_header("X-Frame-Options", "DENY");
    res.set_header("Referrer-Policy", "same-origin");
    res.set_header("Content-Security-Policy", "default-src 'self'; script-src 'none'; style-src 'self' 'unsafe-inline'; frame-ancestors 'none'");
    res.set_header("Cache-Control", "no-store");
  });
  register_api_routes(http, impl_->app);
  register_page_routes(http, impl_->app);
}

Server::~Server() = default;

namespace {

// Debian's cpp-httplib 0.11 is a compiled library that listens with a backlog of 5
// (CPPHTTPLIB_LISTEN_BACKLOG, fixed when the library was built). Sixteen clients connecting
// at once overflowed it: the kernel dropped the handshakes it could not queue and a few
// clients got "connection reset by peer" (tests/server/load_test.py, about one run in five).
// httplib does not give its socket out, so find our listening socket by its port and call
// listen() again: on Linux that only raises the backlog of a listening socket.
void raise_listen_backlog(int port) {
  const long max_fd = ::sysconf(_SC_OPEN_MAX);
  for (int fd = 0; fd < (max_fd > 0 && max_fd < 65536 ? max_fd : 1024); ++fd) {
    int listening = 0;
    socklen_t length = sizeof listening;
    if (::getsockopt(fd, SOL_SOCKET, SO_ACCEPTCONN, &listening, &length) != 0 || !listening) continue;
    sockaddr_storage address{};
    socklen_t address_length = sizeof address;
    if (::getsockname(fd, reinterpret_cast<sockaddr*>(&address), &address_length) != 0) continue;
    int bound = 0;
    if (address.ss_family == AF_INET) bound = ntohs(reinterpret_cast<const sockaddr_in*>(&address)->sin_port);
    if (address.ss_family == AF_INET6) bound = ntohs(reinterpret_cast<const sockaddr_in6*>(&address)->sin6_port);
    if (bound == port) ::listen(fd, SOMAXCONN);
  }
}

}  // namespace

bool Server::bind() {
  const ServerOptions& o = impl_->app.options;
  if (o.port == 0) {
    impl_->bound_port = impl_->http.bind_to_any_port(o.host);
    if (impl_->bound_port <= 0) return false;
    raise_listen_backlog(impl_->bound_port);
    return true;
  }
  if (!impl_->http.bind_to_port(o.host, o.port)) return false;
  impl_->bound_port = o.port;
  raise_listen_backlog(o.port);
  return true;
}

int Server::port() const { return impl_->bound_port; }


std::vector<std::string> Server::ids_sharing_a_key() const {
  std::vector<std::string> out;
  for (const std::vector<std::string>& group : impl_->app.store.ids_sharing_a_key()) {
    std::string line;
    for (std::size_t k = 0; k < group.size(); ++k)
      line += (k == 0 ? "« " : k + 1 == group.size() ? " et « " : ", « ") + reports::visible_id(group[k]) + " »";
    out.push_back(std::move(line));
  }
  return out;
}
void Server::run() { impl_->http.listen_after_bind(); }
void Server::stop() { impl_->http.stop(); }
std::string Server::reload(const std::string& who) { return impl_->app.reload(who); }

}  // namespace subsidia::server::http
