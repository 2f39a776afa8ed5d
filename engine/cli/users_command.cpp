// `subsidia utilisateurs ajouter NOM --role agent|budget|juriste|admin [--donnees DIR]`:
// creates an account of the server's store. The password is read on stdin (one line; not
// echoed on a terminal), never on the command line where `ps` would show it.
#include <CLI/App.hpp>
#include <CLI/Validators.hpp>
#include <iostream>
#include <memory>
#include <string>
#include <termios.h>
#include <unistd.h>

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
  const std::string password = read_password();
  if (auto problem = server::auth::password_problem(password)) {
    std::cerr << "subsidia utilisateurs : " << *problem << '\n';
    return kExitError;
  }
  std::optional<std::string> hash = server::auth::hash_password(password);
  if (!hash) {
    std::cerr << "subsidia utilisateurs : mémoire insuffisante pour Argon2id\n";
    return kExitError;
  }
  try {
    std::error_code ec;
    std::filesystem::create_directories(options.data_dir, ec);
    server::store::Store store(std::filesystem::path(options.data_dir) / "subsidia.sqlite");
    if (!store.add_user(options.name, options.role, *hash)) {
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
  return [options] { return run_add(*options); };
}

}  // namespace subsidia::cli
