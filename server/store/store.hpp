// The server's data: accounts, sessions, dossiers with every version and every check, and
// the append-only audit log, in one SQLite file (WAL). Every write is one transaction that
// also writes its audit rows: a write without its audit record cannot exist.
//
// Thread-safe: one connection behind a mutex. The work a request does in SQL is small
// (microseconds) next to reading and checking its dossiers, which happens outside.
#pragma once

#include <condition_variable>
#include <cstdint>
#include <filesystem>
#include <memory>
#include <mutex>
#include <optional>
#include <string>
#include <string_view>
#include <thread>
#include <vector>

namespace subsidia::server::store {

class Database;

struct User {
  std::int64_t id = 0;
  std::string name;
  std::string role;           // agent | budget | juriste | admin
  std::string password_hash;  // crypto_pwhash_str
  bool active = true;
};

struct Session {
  User user;
  std::string csrf;
};

// Who does something, and with which engine: goes into every audit row and check.
struct Actor {
  std::string name;
  std::string engine_version;
  std::string fingerprint;
};

// One dossier checked, ready to be stored.
struct CheckedDossier {
  std::string id;
  std::string content;      // JSON text as submitted
  std::string sha256;       // of `content`
  std::optional<int> exercice;
  std::string objet, collectivite, montant;
  std::string verdict;      // conforme | non_conforme | incomplet
  std::string result_json;  // the dossier's object of `check --format json`
};

struct DossierSummary {
  std::string id;
  std::optional<int> exercice;
  std::string objet, collectivite, montant, verdict, modified;
  std::int64_t version = 0;
};

struct VersionInfo {
  std::int64_t version = 0;
  std::string when, author, sha256;
};

struct CheckInfo {
  std::int64_t version = 0;
  std::string when, who, engine_version, fingerprint, verdict;
};

struct DossierDetail {
  DossierSummary summary;
  std::string content;       // of the current version
  std::string result_json;   // of the latest check
  bool deleted = false;
  std::vector<VersionInfo> versions;  // oldest first
  std::vector<CheckInfo> checks;      // oldest first
};

// One stored version of a dossier, as it was: its content, the version before it (to show what
// changed), and the last check made of this very version (its verdict and explanations then).
struct VersionDetail {
  VersionInfo info;
  std::string content;
  std::optional<std::string> previous_content;  // nullopt for the first version
  std::optional<CheckInfo> check;               // nullopt: never checked as such
  std::string result_json;                      // of `check`
  std::int64_t current = 0;                     // the dossier's current version
};

struct AuditEntry {
  std::int64_t id = 0;
  std::string when, who, action, object, sha256, engine_version, fingerprint, detail;
};

struct DossierFilter {
  std::optional<int> exercice;
  std::string verdict;  // "" = any
  std::string query;    // "" = any; found in id, objet or collectivité, accents, case and end blanks aside
  bool with_deleted = false;
  std::size_t limit = 500;
  std::size_t offset = 0;  // rows of the same order skipped first: the next page
};

class Store {
 public:
  // Opens or creates the file, WAL, foreign keys, and applies the migrations.
  explicit Store(const std::filesystem::path& file);
  ~Store();

  int schema_version();

  // Accounts. add_user is false when the name is taken; `who` is the administrator (or
  // "(console)" for `subsidia utilisateurs`), for the audit row.
  bool add_user(const std::string& name, const std::string& role, const std::string& password_hash,
                const std::string& who = "(console)");
  std::optional<User> find_user(const std::string& name);
  std::vector<User> users();
  // What an account change can refuse, checked in the same transaction as the change.
  enum class AccountChange { Done, NoSuchUser, LastAdmin };
  // Deactivating closes the account's sessions at once; an account that is not active cannot
  // log in. The last active administrator can neither be deactivated nor lose the role: the
  // server would have no one left to manage its accounts. Audited, like every change below.
  AccountChange set_active(const std::string& name, bool active, const std::string& who);
  AccountChange set_role(const std::string& name, const std::string& role, const std::string& who);
  // A new password hash; every session of the account is closed (a stolen session dies with
  // the old password). `detail` says who changed it, for the audit row.
  AccountChange set_password(const std::string& name, const std::string& password_hash, const std::string& who,
                             const std::string& detail);

  // Sessions, by the SHA-256 of their token.
  void create_session(const std::string& token_hash, std::int64_t user, const std::string& csrf,
                      std::int64_t expires_unix);
  std::optional<Session> session(const std::string& token_hash, std::int64_t now_unix);
  void delete_session(const std::string& token_hash);

  // Stores new dossiers in one transaction with their check and audit rows. Returns the id of
  // a dossier that already exists (nothing stored then), or nullopt when all were stored.
  // Returns the id already stored that one of the batch's ids takes (the same id, or one that
  // differs only by blanks at either end, case or accents: reports::id_key), and stores nothing;
  // nullopt once every dossier is stored.
  std::optional<std::string> insert(const std::vector<CheckedDossier>& dossiers, const Actor& actor);
  // A new version of an existing dossier (the former ones are kept). With `based_on`, the
  // version the writer read: a dossier saved by someone else since is not overwritten
  // (Stale, nothing written; `current` says which version is there now and who wrote it).
  enum class AmendStatus { Done, NoSuchDossier, Stale };
  struct AmendOutcome {
    AmendStatus status = AmendStatus::Done;
    std::int64_t current = 0;  // the version now current (the new one when Done)
    std::string author;        // of the current version, when Stale
  };
  AmendOutcome amend(const CheckedDossier& dossier, const Actor& actor,
                     std::optional<std::int64_t> based_on = std::nullopt);
  // A version number as a client sends it back for `based_on` (an ETag's digits, a form's
  // hidden field): 1 to 15 decimal digits, nothing else; nullopt when it is not one.
  static std::optional<std::int64_t> parse_version_number(std::string_view text);
  // Soft delete. false: no such dossier (or already deleted).
  bool remove(const std::string& id, const Actor& actor);
  // Checks made without storing (POST /api/verifier): audit rows only. Returns once they are
  // committed. Concurrent calls share one commit (group commit): whoever finds no commit in
  // progress commits every row queued so far, the others wait for it; under load one commit
  // carries the rows of several requests instead of one commit each.
  void record_checks(const std::vector<CheckedDossier>& dossiers, const Actor& actor);
  // A re-check of stored dossiers with the current rules: new check rows, verdicts updated, for
  // the dossiers whose current content is still the one checked (same SHA-256, not deleted).
  // Returns how many were recorded; the others were saved or deleted meanwhile.
  std::size_t record_rechecks(const std::vector<CheckedDossier>& dossiers, const Actor& actor);
  // Audits something else (login, reload of the rules, account created).
  void audit(const Actor& actor, const std::string& action, const std::string& object, const std::string& detail);

  std::vector<DossierSummary> list(const DossierFilter& filter);
  // How many dossiers the filter matches, its limit aside: a list cut at 500 said « 500 dossiers »
  // of a year that had 620 (review 23).
  std::size_t count(const DossierFilter& filter);
  // Live dossiers whose ids share one key (reports::id_key): the jaune refuses their year. Each
  // group in id order.
  std::vector<std::vector<std::string>> ids_sharing_a_key();
  std::optional<DossierDetail> dossier(const std::string& id);
  // Version `version` of a dossier not deleted; nullopt when there is no such dossier or version.
  std::optional<VersionDetail> version(const std::string& id, std::int64_t version);
  // (id, content) of the current version of every dossier of a year, not deleted.
  std::vector<std::pair<std::string, std::string>> contents_of_year(int exercice);
  std::vector<AuditEntry> audit_log(std::size_t limit);
  std::size_t audit_count();

 private:
  // The id key (reports::id_key) of the dossiers stored before it was kept (migration 2).
  void fill_id_keys();
  void insert_audit(const Actor& actor, const std::string& action, const std::string& object,
                    const std::string& sha256, const std::string& detail);
  void insert_check(const CheckedDossier& dossier, std::int64_t version, const Actor& actor);
  std::mutex mutex_;
  std::unique_ptr<Database> db_;
  // The group commit of record_checks: the batch that collects rows, and whether one is being
  // committed.
  struct CheckBatch;
  std::mutex batch_mutex_;
  std::condition_variable batch_committed_;
  std::shared_ptr<CheckBatch> open_batch_;
  bool committing_ = false;
  // The checkpointer thread and its own connection.
  std::unique_ptr<Database> checkpoints_;
  std::mutex checkpoint_mutex_;
  std::condition_variable checkpoint_stop_;
  bool stopping_ = false;
  std::thread checkpointer_;
};

}  // namespace subsidia::server::store
