#include "http/server.hpp"

#include <iostream>

#include "http/app.hpp"

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
    res.set_content(R"({"erreurs":[{"chemin":"","message":"erreur interne du serveur"}]})", "application/json");
  });
  http.set_error_handler([](const httplib::Request&, httplib::Response& res) {
    if (!res.body.empty()) return;
    std::string message = res.status == 413   ? "corps de la requête trop volumineux"
                          : res.status == 404 ? "ressource introuvable"
                                              : "requête refusée";
    res.set_content("{\"erreurs\":[{\"chemin\":\"\",\"message\":\"" + message + "\"}]}", "application/json");
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

bool Server::bind() {
  const ServerOptions& o = impl_->app.options;
  if (o.port == 0) {
    impl_->bound_port = impl_->http.bind_to_any_port(o.host);
    return impl_->bound_port > 0;
  }
  if (!impl_->http.bind_to_port(o.host, o.port)) return false;
  impl_->bound_port = o.port;
  return true;
}

int Server::port() const { return impl_->bound_port; }
void Server::run() { impl_->http.listen_after_bind(); }
void Server::stop() { impl_->http.stop(); }
std::string Server::reload(const std::string& who) { return impl_->app.reload(who); }

}  // namespace subsidia::server::http
