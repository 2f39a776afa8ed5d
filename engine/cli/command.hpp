// Each subcommand lives in its own file (check_command.cpp, test_command.cpp,
// jaune_command.cpp, importe_command.cpp, exporte_command.cpp) and registers itself on the
// CLI11 app; main.cpp runs the one chosen.
// Exit codes (every subcommand): 0 all compliant / all passed, 1 some dossier non
// compliant or incomplete / some case failed, 2 usage, rule or input error.
#pragma once

#include <functional>

namespace CLI { class App; }

namespace subsidia::cli {

inline constexpr int kExitOk = 0;
inline constexpr int kExitFindings = 1;
inline constexpr int kExitError = 2;

using Runner = std::function<int()>;

Runner register_check_command(CLI::App& app);
Runner register_test_command(CLI::App& app);
Runner register_jaune_command(CLI::App& app);
Runner register_importe_command(CLI::App& app);   // importe scdl
Runner register_exporte_command(CLI::App& app);   // exporte iati, exporte scdl
Runner register_diff_command(CLI::App& app);      // diff (workbench/diff)
Runner register_fmt_command(CLI::App& app);       // fmt (workbench/fmt)
Runner register_doc_command(CLI::App& app);       // doc (workbench/doc)
Runner register_serve_command(CLI::App& app);     // serve: the HTTP server (server/)
Runner register_users_command(CLI::App& app);     // utilisateurs ajouter

}  // namespace subsidia::cli
