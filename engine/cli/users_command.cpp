// `subsidia utilisateurs ajouter NOM --role agent|budget|juriste|admin [--donnees DIR]`:
// creates an account of the server's store; `mot-de-passe NOM` replaces its password (the way
// back in for an administrator who forgot theirs), `desactiver NOM` / `reactiver NOM` lock and
// unlock it, `liste` shows them. A password is read on stdin (one line; not echoed on a
// terminal), never on the command line where `ps` would show it. Every change is audited as
// made by "(console)".
#include <CLI/App.hpp>
#include <CLI/Validators.hpp>
#include <iostream>
#include <memory>
#include <string>
#include <termios.h>
#include <unistd.h>

#include "auth/account_names.hpp"
#include "auth/passwords.hpp"
#include "cli/command.hpp"
#include "store/store.hpp"

namespace subsidia::cli {

namespace {

struct UsersOptions {
  std::string name;
  std::string role;
  std::string data_dir = ".";
};

std::string read_password();

constexpr const char* kConsole = "(console)";

std::unique_ptr<server::store::Store> open_store(const UsersOptions& options) {
  std::error_code ec;
  std::filesystem::create_directories(options.data_dir, ec);
  return std::make_unique<server::store::Store>(std::filesystem::path(options.data_dir) / "subsidia.sqlite");
}

// A password read on stdin and checked, as its Argon2id hash; nullopt with the error written.
std::optional<std::string> read_new_password_hash() {
  const std::string password = read_password();
  if (auto problem = server::auth::password_problem(password)) {
    std::cerr << "subsidia utilisateurs : " << *problem << '\n';
    return std::nullopt;
  }
  std::optional<std::string> hash = server::auth::hash_password(password);
  if (!hash) std::cerr << "subsidia utilisateurs : mémoire insuffisante pour Argon2id\n";
  return hash;
}

std::string read_password() {
  const bool terminal = ::isatty(STDIN_FILENO) == 1;
  termios before{};
  if (terminal) {
    std::cerr << "Mot de passe : " << std::flush;
    tcgetattr(STDIN_FILENO, &before);
    termios quiet = before;
    quiet.c_lflag &= ~static_cast<tcflag_t>(ECHO);
    tcsetattr(STDIN_FILENO, TCSANOW, &quiet);
  }
  std::string password;
  std::getline(std::cin, password);
  if (terminal) {
    tcsetattr(STDIN_FILENO, TCSANOW, &before);
    std::cerr << '\n';
  }
  if (!password.empty() && password.back() == '\r') password.pop_back();
  return password;
}

int run_add(const UsersOptions& options) {
  if (auto problem = server::auth::account_name_problem(options.name)) {
    std::cerr << "subsidia utilisateurs : nom refusé : " << *problem << '\n';
    return kExitError;
  }
  const std::optional<std::string> hash = read_new_password_hash();
  if (!hash) return kExitError;
  try {
    auto store = open_store(options);
    if (!store->add_user(options.name, options.role, *hash, kConsole)) {
      std::cerr << "subsidia utilisateurs : le compte « " << options.name << " » existe déjà\n";
      return kExitError;
    }
  } catch (const std::exception& e) {
    std::cerr << "subsidia utilisateurs : " << e.what() << '\n';
    return kExitError;
  }
  std::cerr << "Compte « " << options.name << " » créé (rôle " << options.role << ")\n";
  return kExitOk;
}

// The French of a refused account change, or "" when it was made.
std::string refusal(server::store::Store::AccountChange change, const std::string& name) {
  switch (change) {
    case server::store::Store::AccountChange::Done: return "";
    case server::store::Store::AccountChange::NoSuchUser: return "aucun compte « " + name + " »";
    case server::store::Store::AccountChange::LastAdmin:
      return "« " + name + " » est le dernier administrateur actif : créer ou réactiver un autre administrateur d'abord";
  }
  return "";
}

int run_change(const UsersOptions& options, const std::string& what) {
  std::optional<std::string> hash;
  if (what == "mot-de-passe" && !(hash = read_new_password_hash())) return kExitError;
  try {
    auto store = open_store(options);
    server::store::Store::AccountChange change;
    if (what == "mot-de-passe") change = store->set_password(options.name, *hash, kConsole, "depuis la console");
    else change = store->set_active(options.name, what == "reactiver", kConsole);
    if (const std::string why = refusal(change, options.name); !why.empty()) {
      std::cerr << "subsidia utilisateurs : " << why << '\n';
      return kExitError;
    }
  } catch (const std::exception& e) {
    std::cerr << "subsidia utilisateurs : " << e.what() << '\n';
    return kExitError;
  }
  const char* done = what == "mot-de-passe" ? "mot de passe remplacé" : what == "reactiver" ? "réactivé" : "désactivé";
  std::cerr << "Compte « " << options.name << " » : " << done << " ; ses sessions ouvertes sont fermées\n";
  return kExitOk;
}

int run_list(const UsersOptions& options) {
  try {
    auto store = open_store(options);
    for (const server::store::User& u : store->users())
      std::cout << u.name << '\t' << u.role << '\t' << (u.active ? "actif" : "inactif") << '\n';
  } catch (const std::exception& e) {
    std::cerr << "subsidia utilisateurs : " << e.what() << '\n';
    return kExitError;
  }
  return kExitOk;
}

}  // namespace

Runner register_users_command(CLI::App& app) {
  auto options = std::make_shared<UsersOptions>();
  CLI::App* command = app.add_subcommand("utilisateurs", "Comptes du serveur web (subsidia serve)");
  command->require_subcommand(1);
  CLI::App* add = command->add_subcommand("ajouter", "Crée un compte ; le mot de passe est lu sur l'entrée standard");
  add->add_option("NOM", options->name, "Nom du compte")->required()->check([](const std::string& name) {
    if (name.empty() || name.size() > 64) return std::string("nom de 1 à 64 caractères");
    for (unsigned char c : name)
      if (c < 0x21 || c == 0x7F) return std::string("nom sans espace ni caractère de contrôle");
    return std::string();
  });
  add->add_option("--role", options->role, "Rôle : agent, budget, juriste ou admin")
      ->required()
      ->check(CLI::IsMember({"agent", "budget", "juriste", "admin"}));
  add->add_option("--donnees", options->data_dir, "Dossier des données (base DIR/subsidia.sqlite) ; . par défaut");
  // Which subcommand ran, read when the runner runs (after parsing).
  auto chosen = std::make_shared<std::string>("ajouter");
  add->callback([chosen] { *chosen = "ajouter"; });
  for (const auto& [verb, help] : {std::pair<const char*, const char*>{"mot-de-passe", "Remplace le mot de passe d'un compte (lu sur l'entrée standard) et ferme ses sessions"},
                                   {"desactiver", "Désactive un compte : il ne peut plus se connecter, ses sessions sont fermées"},
                                   {"reactiver", "Réactive un compte désactivé"}}) {
    CLI::App* sub = command->add_subcommand(verb, help);
    sub->add_option("NOM", options->name, "Nom du compte")->required();
    sub->add_option("--donnees", options->data_dir, "Dossier des données (base DIR/subsidia.sqlite) ; . par défaut");
    sub->callback([chosen, verb = std::string(verb)] { *chosen = verb; });
  }
  CLI::App* list = command->add_subcommand("liste", "Liste les comptes : nom, rôle, actif ou non");
  list->add_option("--donnees", options->data_dir, "Dossier des données (base DIR/subsidia.sqlite) ; . par défaut");
  list->callback([chosen] { *chosen = "liste"; });
  return [options, chosen] {
    if (*chosen == "ajouter") return run_add(*options);
    if (*chosen == "liste") return run_list(*options);
    return run_change(*options, *chosen);
  };
}

}  // namespace subsidia::cli
