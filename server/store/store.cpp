#include "store/store.hpp"

#include "reports/id_key.hpp"

#include "diag/utf8.hpp"

#include <chrono>
#include <exception>

#include "store/migrations.hpp"
#include "store/sqlite.hpp"

namespace subsidia::server::store {

namespace {
// A write that must be on disk when it returns: its commit fsyncs the WAL (and with it the
// NORMAL commits before it). The pragma cannot change inside a transaction: construct this
// before the Transaction, so it is destroyed after the commit or rollback.
class Durable {
 public:
  explicit Durable(Database& db) : db_(db) { db_.exec("PRAGMA synchronous = FULL"); }
  ~Durable() {
    try {
      db_.exec("PRAGMA synchronous = NORMAL");
    } catch (...) {
      // The next write sets it again; nothing is lost by staying FULL.
    }
  }
  Durable(const Durable&) = delete;
  Durable& operator=(const Durable&) = delete;

 private:
  Database& db_;
};
}  // namespace

std::optional<std::int64_t> Store::parse_version_number(std::string_view text) {
  if (text.empty() || text.size() > 15) return std::nullopt;  // 15 digits cannot overflow
  std::int64_t n = 0;
  for (char c : text) {
    if (c < '0' || c > '9') return std::nullopt;
    n = n * 10 + (c - '0');
  }
  return n;
}

Store::Store(const std::filesystem::path& file) : db_(std::make_unique<Database>(file.string())) {
  // WAL: readers never block the writer, and a crash mid-write leaves the last commit intact.
  db_->exec("PRAGMA journal_mode = WAL");
  // NORMAL by default in WAL: a commit survives the process being killed (kill -9: tested),
  // without an fsync; that is for the audit rows of checks (POST /api/verifier), one commit
  // per request, where FULL cost 3.4 ms a request on our disk (docs/performance.md). Writes
  // of dossiers and accounts are made FULL one by one (Durable below): a 201 is on disk.
  db_->exec("PRAGMA synchronous = NORMAL");
  db_->exec("PRAGMA foreign_keys = ON");
  migrate(*db_);
  // Search ignores accents, case and blanks at the ends, as the jaune does for ids: « Sénégal »
  // finds « SENEGAL » and « senegal » (SQLite's LIKE folds only ASCII letters).
  db_->define_text_function("cle_recherche", &reports::id_key);
  fill_id_keys();
  // Checkpoints (copying the WAL back into the database, with an fsync) are taken off the
  // requests: SQLite's automatic one ran inside whichever commit crossed 1 000 pages, and
  // was most of the p99 of POST /api/verifier (docs/performance.md). A second connection
  // checkpoints twice a second; PASSIVE never waits for, nor blocks, the writer.
  db_->exec("PRAGMA wal_autocheckpoint = 0");
  checkpoints_ = std::make_unique<Database>(file.string());
  checkpointer_ = std::thread([this] {
    std::unique_lock lock(checkpoint_mutex_);
    while (!checkpoint_stop_.wait_for(lock, std::chrono::milliseconds(500), [this] { return stopping_; })) {
      try {
        checkpoints_->exec("PRAGMA wal_checkpoint(PASSIVE)");
      } catch (const SqliteError&) {
        // Busy or failed this time: the next tick tries again; the WAL only grows meanwhile.
      }
    }
  });
}

Store::~Store() {
  {
    std::lock_guard lock(checkpoint_mutex_);
    stopping_ = true;
  }
  checkpoint_stop_.notify_all();
  checkpointer_.join();
  try {
    checkpoints_->exec("PRAGMA wal_checkpoint(TRUNCATE)");
  } catch (const SqliteError&) {
    // The next open replays the WAL: nothing is lost.
  }
}

int Store::schema_version() {
  std::lock_guard lock(mutex_);
  Statement s(*db_, "PRAGMA user_version");
  s.step();
  return static_cast<int>(s.integer(0));
}

bool Store::add_user(const std::string& name, const std::string& role, const std::string& password_hash,
                     const std::string& who) {
  std::lock_guard lock(mutex_);
  Durable durable(*db_);
  Transaction t(*db_);
  Statement exists(*db_, "SELECT 1 FROM utilisateurs WHERE nom = ?1");
  exists.bind(1, name);
  if (exists.step()) return false;
  Statement s(*db_, "INSERT INTO utilisateurs (nom, role, mot_de_passe) VALUES (?1, ?2, ?3)");
  s.bind(1, name).bind(2, role).bind(3, password_hash).run();
  insert_audit(Actor{who, "", ""}, "compte_cree", name, "", "rôle " + role);
  t.commit();
  return true;
}

namespace {
User user_from(const Statement& s, int first) {
  return User{s.integer(first), s.text(first + 1), s.text(first + 2), s.text(first + 3), s.integer(first + 4) != 0};
}
}  // namespace

std::optional<User> Store::find_user(const std::string& name) {
  std::lock_guard lock(mutex_);
  Statement s(*db_, "SELECT id, nom, role, mot_de_passe, actif FROM utilisateurs WHERE nom = ?1");
  s.bind(1, name);
  if (!s.step()) return std::nullopt;
  return user_from(s, 0);
}

std::vector<User> Store::users() {
  std::lock_guard lock(mutex_);
  Statement s(*db_, "SELECT id, nom, role, '', actif FROM utilisateurs ORDER BY nom");
  std::vector<User> out;
  while (s.step()) out.push_back(user_from(s, 0));
  return out;
}

namespace {
// The id of an account, and whether it is the last active administrator (to refuse what would
// leave the server without one).
struct AccountState {
  std::int64_t id = 0;
  bool last_admin = false;
};

std::optional<AccountState> account_state(Database& db, const std::string& name) {
  Statement s(db,
              "SELECT id, role = 'admin' AND actif = 1 AND "
              "(SELECT count(*) FROM utilisateurs WHERE role = 'admin' AND actif = 1) = 1 "
              "FROM utilisateurs WHERE nom = ?1");
  s.bind(1, name);
  if (!s.step()) return std::nullopt;
  return AccountState{s.integer(0), s.integer(1) != 0};
}

void close_sessions(Database& db, std::int64_t user) {
  Statement s(db, "DELETE FROM sessions WHERE utilisateur = ?1");
  s.bind(1, user).run();
}
}  // namespace

Store::AccountChange Store::set_active(const std::string& name, bool active, const std::string& who) {
  std::lock_guard lock(mutex_);
  Durable durable(*db_);
  Transaction t(*db_);
  const std::optional<AccountState> state = account_state(*db_, name);
  if (!state) return AccountChange::NoSuchUser;
  if (!active && state->last_admin) return AccountChange::LastAdmin;
  Statement s(*db_, "UPDATE utilisateurs SET actif = ?2 WHERE id = ?1");
  s.bind(1, state->id).bind(2, std::int64_t{active ? 1 : 0}).run();
  if (!active) close_sessions(*db_, state->id);
  insert_audit(Actor{who, "", ""}, active ? "compte_reactive" : "compte_desactive", name, "",
               active ? "" : "sessions ouvertes fermées");
  t.commit();
  return AccountChange::Done;
}

Store::AccountChange Store::set_role(const std::string& name, const std::string& role, const std::string& who) {
  std::lock_guard lock(mutex_);
  Durable durable(*db_);
  Transaction t(*db_);
  const std::optional<AccountState> state = account_state(*db_, name);
  if (!state) return AccountChange::NoSuchUser;
  if (role != "admin" && state->last_admin) return AccountChange::LastAdmin;
  Statement s(*db_, "UPDATE utilisateurs SET role = ?2 WHERE id = ?1");
  s.bind(1, state->id).bind(2, role).run();
  // A session carries its role: the next request must see the new one, so it logs in again.
  close_sessions(*db_, state->id);
  insert_audit(Actor{who, "", ""}, "compte_role", name, "", "rôle " + role);
  t.commit();
  return AccountChange::Done;
}

Store::AccountChange Store::set_password(const std::string& name, const std::string& password_hash,
                                         const std::string& who, const std::string& detail) {
  std::lock_guard lock(mutex_);
  Durable durable(*db_);
  Transaction t(*db_);
  const std::optional<AccountState> state = account_state(*db_, name);
  if (!state) return AccountChange::NoSuchUser;
  Statement s(*db_, "UPDATE utilisateurs SET mot_de_passe = ?2 WHERE id = ?1");
  s.bind(1, state->id).bind(2, password_hash).run();
  close_sessions(*db_, state->id);
  insert_audit(Actor{who, "", ""}, "mot_de_passe_change", name, "", detail);
  t.commit();
  return AccountChange::Done;
}

void Store::create_session(const std::string& token_hash, std::int64_t user, const std::string& csrf,
                           std::int64_t expires_unix) {
  std::lock_guard lock(mutex_);
  Transaction t(*db_);
  Statement purge(*db_, "DELETE FROM sessions WHERE expire < ?1");
  purge.bind(1, expires_unix - 2 * 24 * 3600).run();
  Statement s(*db_, "INSERT INTO sessions (jeton_sha256, utilisateur, csrf, expire) VALUES (?1, ?2, ?3, ?4)");
  s.bind(1, token_hash).bind(2, user).bind(3, csrf).bind(4, expires_unix).run();
  t.commit();
}

std::optional<Session> Store::session(const std::string& token_hash, std::int64_t now_unix) {
  std::lock_guard lock(mutex_);
  Statement s(*db_,
              "SELECT u.id, u.nom, u.role, '', u.actif, s.csrf FROM sessions s JOIN utilisateurs u ON u.id = "
              "s.utilisateur WHERE s.jeton_sha256 = ?1 AND s.expire > ?2 AND u.actif = 1");
  s.bind(1, token_hash).bind(2, now_unix);
  if (!s.step()) return std::nullopt;
  return Session{user_from(s, 0), s.text(5)};
}

void Store::delete_session(const std::string& token_hash) {
  std::lock_guard lock(mutex_);
  Statement s(*db_, "DELETE FROM sessions WHERE jeton_sha256 = ?1");
  s.bind(1, token_hash).run();
}

void Store::insert_audit(const Actor& actor, const std::string& action, const std::string& object,
                         const std::string& sha256, const std::string& detail) {
  Statement s(*db_,
              "INSERT INTO audit (qui, action, objet, sha256, version_moteur, empreinte, detail) "
              "VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)");
  // What a request typed (a login's name, an id) is kept as UTF-8, invalid bytes as U+FFFD:
  // one row of other bytes would make the whole log unreadable as JSON.
  s.bind(1, diag::valid_utf8(actor.name)).bind(2, action).bind(3, diag::valid_utf8(object)).bind(4, sha256)
      .bind(5, actor.engine_version).bind(6, actor.fingerprint).bind(7, diag::valid_utf8(detail)).run();
}

void Store::insert_check(const CheckedDossier& d, std::int64_t version, const Actor& actor) {
  Statement s(*db_,
              "INSERT INTO verifications (dossier, version, qui, version_moteur, empreinte, verdict, resultat) "
              "VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)");
  s.bind(1, d.id).bind(2, version).bind(3, actor.name).bind(4, actor.engine_version).bind(5, actor.fingerprint)
      .bind(6, d.verdict).bind(7, d.result_json).run();
}

namespace {
void bind_exercice(Statement& s, int index, const std::optional<int>& exercice) {
  if (exercice) s.bind(index, std::int64_t{*exercice});
  else s.bind_null(index);
}
}  // namespace

void Store::fill_id_keys() {
  std::lock_guard lock(mutex_);
  Transaction t(*db_);
  Statement empty(*db_, "SELECT id FROM dossiers WHERE cle = ''");
  Statement set(*db_, "UPDATE dossiers SET cle = ?2 WHERE id = ?1");
  std::vector<std::string> ids;
  while (empty.step()) ids.push_back(empty.text(0));
  for (const std::string& id : ids) set.bind(1, id).bind(2, reports::id_key(id)).run();
  t.commit();
}

std::optional<std::string> Store::insert(const std::vector<CheckedDossier>& dossiers, const Actor& actor) {
  std::lock_guard lock(mutex_);
  Durable durable(*db_);
  Transaction t(*db_);
  // Taken: the same id, or one the jaune would take for it (« X » and « X␠ », « Région » and
  // « REGION »): stored side by side, they stopped the year's jaune, which an agent could not
  // mend (review of 2 December 2026). A deleted dossier's id stays taken.
  Statement exists(*db_, "SELECT id FROM dossiers WHERE id = ?1 OR cle = ?2");
  Statement row(*db_,
                "INSERT INTO dossiers (id, exercice, objet, collectivite, montant, version, verdict, cle) "
                "VALUES (?1, ?2, ?3, ?4, ?5, 1, ?6, ?7)");
  Statement version(*db_, "INSERT INTO versions (dossier, version, contenu, sha256, auteur) VALUES (?1, 1, ?2, ?3, ?4)");
  for (const CheckedDossier& d : dossiers) {
    const std::string key = reports::id_key(d.id);
    exists.reset();
    exists.bind(1, d.id).bind(2, key);
    if (exists.step()) return exists.text(0);  // the transaction rolls back: nothing of the batch stays
    row.bind(1, d.id);
    bind_exercice(row, 2, d.exercice);
    row.bind(3, d.objet).bind(4, d.collectivite).bind(5, d.montant).bind(6, d.verdict).bind(7, key).run();
    version.bind(1, d.id).bind(2, d.content).bind(3, d.sha256).bind(4, actor.name).run();
    insert_check(d, 1, actor);
    insert_audit(actor, "dossier_cree", d.id, d.sha256, "verdict " + d.verdict);
  }
  t.commit();
  return std::nullopt;
}

Store::AmendOutcome Store::amend(const CheckedDossier& d, const Actor& actor, std::optional<std::int64_t> based_on) {
  std::lock_guard lock(mutex_);
  Durable durable(*db_);
  Transaction t(*db_);
  // Read and written in one transaction: two writers who read the same version cannot both
  // pass the check below.
  Statement current(*db_,
                    "SELECT d.version, v.auteur FROM dossiers d JOIN versions v ON v.dossier = d.id AND v.version = d.version "
                    "WHERE d.id = ?1 AND d.supprime = 0");
  current.bind(1, d.id);
  if (!current.step()) return {AmendStatus::NoSuchDossier, 0, ""};
  const std::int64_t now = current.integer(0);
  if (based_on && *based_on != now) return {AmendStatus::Stale, now, current.text(1)};
  const std::int64_t next = now + 1;
  current.reset();
  Statement version(*db_, "INSERT INTO versions (dossier, version, contenu, sha256, auteur) VALUES (?1, ?2, ?3, ?4, ?5)");
  version.bind(1, d.id).bind(2, next).bind(3, d.content).bind(4, d.sha256).bind(5, actor.name).run();
  Statement row(*db_,
                "UPDATE dossiers SET exercice = ?2, objet = ?3, collectivite = ?4, montant = ?5, version = ?6, "
                "verdict = ?7, modifie = strftime('%Y-%m-%dT%H:%M:%fZ', 'now') WHERE id = ?1");
  row.bind(1, d.id);
  bind_exercice(row, 2, d.exercice);
  row.bind(3, d.objet).bind(4, d.collectivite).bind(5, d.montant).bind(6, next).bind(7, d.verdict).run();
  insert_check(d, next, actor);
  insert_audit(actor, "dossier_modifie", d.id, d.sha256, "version " + std::to_string(next) + ", verdict " + d.verdict);
  t.commit();
  return {AmendStatus::Done, next, ""};
}

bool Store::remove(const std::string& id, const Actor& actor) {
  std::lock_guard lock(mutex_);
  Durable durable(*db_);
  Transaction t(*db_);
  Statement current(*db_,
                    "SELECT v.sha256 FROM dossiers d JOIN versions v ON v.dossier = d.id AND v.version = d.version "
                    "WHERE d.id = ?1 AND d.supprime = 0");
  current.bind(1, id);
  if (!current.step()) return false;
  const std::string sha = current.text(0);
  current.reset();
  Statement row(*db_, "UPDATE dossiers SET supprime = 1, modifie = strftime('%Y-%m-%dT%H:%M:%fZ', 'now') WHERE id = ?1");
  row.bind(1, id).run();
  insert_audit(actor, "dossier_supprime", id, sha, "suppression logique : versions et vérifications conservées");
  t.commit();
  return true;
}

struct Store::CheckBatch {
  struct Row {
    Actor actor;
    std::string id, sha256, detail;
  };
  std::vector<Row> rows;
  bool done = false;
  std::exception_ptr error;  // the commit's failure, for every request whose rows it carried
};

void Store::record_checks(const std::vector<CheckedDossier>& dossiers, const Actor& actor) {
  std::unique_lock lock(batch_mutex_);
  if (!open_batch_) open_batch_ = std::make_shared<CheckBatch>();
  const std::shared_ptr<CheckBatch> mine = open_batch_;
  for (const CheckedDossier& d : dossiers) mine->rows.push_back({actor, d.id, d.sha256, "verdict " + d.verdict});
  while (!mine->done) {
    if (committing_) {
      batch_committed_.wait(lock);
      continue;
    }
    // No commit in progress and my rows not committed: they are in the open batch (a batch
    // is closed only by the one who commits it). Commit it, with whoever joined it.
    committing_ = true;
    const std::shared_ptr<CheckBatch> batch = std::move(open_batch_);
    open_batch_.reset();
    lock.unlock();
    std::exception_ptr error;
    try {
      std::lock_guard db_lock(mutex_);
      Transaction t(*db_);
      for (const CheckBatch::Row& row : batch->rows) insert_audit(row.actor, "verification", row.id, row.sha256, row.detail);
      t.commit();
    } catch (...) {
      error = std::current_exception();
    }
    lock.lock();
    batch->error = error;
    batch->done = true;
    committing_ = false;
    batch_committed_.notify_all();
  }
  if (mine->error) std::rethrow_exception(mine->error);
}

std::size_t Store::record_rechecks(const std::vector<CheckedDossier>& dossiers, const Actor& actor) {
  std::lock_guard lock(mutex_);
  Durable durable(*db_);
  Transaction t(*db_);
  // The verdict belongs to the content that was checked: a dossier saved again (or deleted)
  // while the year was being checked keeps the verdict its own save gave it. Matched by the
  // content's SHA-256, read with the contents, outside this lock.
  Statement current(*db_,
                    "SELECT d.version FROM dossiers d JOIN versions v ON v.dossier = d.id AND v.version = d.version "
                    "WHERE d.id = ?1 AND d.supprime = 0 AND v.sha256 = ?2");
  Statement row(*db_, "UPDATE dossiers SET verdict = ?2 WHERE id = ?1");
  std::size_t recorded = 0;
  for (const CheckedDossier& d : dossiers) {
    current.reset();
    current.bind(1, d.id).bind(2, d.sha256);
    if (!current.step()) continue;
    const std::int64_t version = current.integer(0);
    current.reset();
    row.bind(1, d.id).bind(2, d.verdict).run();
    insert_check(d, version, actor);
    insert_audit(actor, "reverification", d.id, d.sha256, "verdict " + d.verdict);
    ++recorded;
  }
  t.commit();
  return recorded;
}

void Store::audit(const Actor& actor, const std::string& action, const std::string& object, const std::string& detail) {
  std::lock_guard lock(mutex_);
  Transaction t(*db_);
  insert_audit(actor, action, object, "", detail);
  t.commit();
}

namespace {
std::optional<int> exercice_of(const Statement& s, int column) {
  if (s.is_null(column)) return std::nullopt;
  return static_cast<int>(s.integer(column));
}

// A search text as a LIKE pattern that matches it literally: % and _ typed by someone are
// letters, not wildcards (the value itself is still a bound parameter).
std::string like_pattern(const std::string& text) {
  std::string out = "%";
  for (char c : text) {
    if (c == '%' || c == '_' || c == '\\') out += '\\';
    out += c;
  }
  return out + "%";
}
}  // namespace

namespace {

// One WHERE whatever the filters, shared by list and count: each condition is disabled by a NULL
// or empty parameter (?1 exercice, ?2 verdict, ?3 search pattern, ?4 with deleted).
constexpr std::string_view kFilterWhere =
    "WHERE (?1 IS NULL OR exercice = ?1) AND (?2 = '' OR verdict = ?2) "
    "AND (?3 IS NULL OR cle_recherche(id) LIKE ?3 ESCAPE '\\' OR cle_recherche(objet) LIKE ?3 ESCAPE '\\' "
    "     OR cle_recherche(collectivite) LIKE ?3 ESCAPE '\\') "
    "AND (?4 = 1 OR supprime = 0)";

void bind_filter(Statement& s, const DossierFilter& f) {
  bind_exercice(s, 1, f.exercice);
  s.bind(2, f.verdict);
  if (f.query.empty()) s.bind_null(3);
  else s.bind(3, like_pattern(reports::id_key(f.query)));
  s.bind(4, std::int64_t{f.with_deleted ? 1 : 0});
}

}  // namespace

std::vector<DossierSummary> Store::list(const DossierFilter& f) {
  std::lock_guard lock(mutex_);
  Statement s(*db_, "SELECT id, exercice, objet, collectivite, montant, verdict, modifie, version FROM dossiers " +
                        std::string(kFilterWhere) + " ORDER BY exercice DESC, id LIMIT ?5 OFFSET ?6");
  bind_filter(s, f);
  s.bind(5, static_cast<std::int64_t>(f.limit)).bind(6, static_cast<std::int64_t>(f.offset));
  std::vector<DossierSummary> out;
  while (s.step())
    out.push_back({s.text(0), exercice_of(s, 1), s.text(2), s.text(3), s.text(4), s.text(5), s.text(6), s.integer(7)});
  return out;
}

std::vector<std::vector<std::string>> Store::ids_sharing_a_key() {
  std::lock_guard lock(mutex_);
  Statement s(*db_,
              "SELECT cle, id FROM dossiers WHERE supprime = 0 AND cle IN "
              "(SELECT cle FROM dossiers WHERE supprime = 0 GROUP BY cle HAVING count(*) > 1) ORDER BY cle, id");
  std::vector<std::vector<std::string>> groups;
  std::string current;
  while (s.step()) {
    std::string key = s.text(0);
    if (groups.empty() || key != current) {
      groups.emplace_back();
      current = std::move(key);
    }
    groups.back().push_back(s.text(1));
  }
  return groups;
}

std::size_t Store::count(const DossierFilter& f) {
  std::lock_guard lock(mutex_);
  Statement s(*db_, "SELECT count(*) FROM dossiers " + std::string(kFilterWhere));
  bind_filter(s, f);
  return s.step() ? static_cast<std::size_t>(s.integer(0)) : 0;
}

std::optional<DossierDetail> Store::dossier(const std::string& id) {
  std::lock_guard lock(mutex_);
  Statement s(*db_,
              "SELECT d.id, d.exercice, d.objet, d.collectivite, d.montant, d.verdict, d.modifie, d.version, "
              "v.contenu, d.supprime FROM dossiers d JOIN versions v ON v.dossier = d.id AND v.version = d.version "
              "WHERE d.id = ?1");
  s.bind(1, id);
  if (!s.step()) return std::nullopt;
  DossierDetail out;
  out.summary = {s.text(0), exercice_of(s, 1), s.text(2), s.text(3), s.text(4), s.text(5), s.text(6), s.integer(7)};
  out.content = s.text(8);
  out.deleted = s.integer(9) != 0;
  Statement versions(*db_, "SELECT version, quand, auteur, sha256 FROM versions WHERE dossier = ?1 ORDER BY version");
  versions.bind(1, id);
  while (versions.step())
    out.versions.push_back({versions.integer(0), versions.text(1), versions.text(2), versions.text(3)});
  Statement checks(*db_,
                   "SELECT version, quand, qui, version_moteur, empreinte, verdict, resultat FROM verifications "
                   "WHERE dossier = ?1 ORDER BY id");
  checks.bind(1, id);
  while (checks.step()) {
    out.checks.push_back({checks.integer(0), checks.text(1), checks.text(2), checks.text(3), checks.text(4),
                          checks.text(5)});
    out.result_json = checks.text(6);
  }
  return out;
}

std::optional<VersionDetail> Store::version(const std::string& id, std::int64_t version) {
  std::lock_guard lock(mutex_);
  Statement s(*db_,
              "SELECT v.version, v.quand, v.auteur, v.sha256, v.contenu, d.version FROM versions v "
              "JOIN dossiers d ON d.id = v.dossier WHERE v.dossier = ?1 AND v.version = ?2 AND d.supprime = 0");
  s.bind(1, id).bind(2, version);
  if (!s.step()) return std::nullopt;
  VersionDetail out;
  out.info = {s.integer(0), s.text(1), s.text(2), s.text(3)};
  out.content = s.text(4);
  out.current = s.integer(5);
  Statement previous(*db_, "SELECT contenu FROM versions WHERE dossier = ?1 AND version = ?2");
  previous.bind(1, id).bind(2, version - 1);
  if (previous.step()) out.previous_content = previous.text(0);
  Statement check(*db_,
                  "SELECT version, quand, qui, version_moteur, empreinte, verdict, resultat FROM verifications "
                  "WHERE dossier = ?1 AND version = ?2 ORDER BY id DESC LIMIT 1");
  check.bind(1, id).bind(2, version);
  if (check.step()) {
    out.check = CheckInfo{check.integer(0), check.text(1), check.text(2), check.text(3), check.text(4), check.text(5)};
    out.result_json = check.text(6);
  }
  return out;
}

std::vector<std::pair<std::string, std::string>> Store::contents_of_year(int exercice) {
  std::lock_guard lock(mutex_);
  Statement s(*db_,
              "SELECT d.id, v.contenu FROM dossiers d JOIN versions v ON v.dossier = d.id AND v.version = d.version "
              "WHERE d.exercice = ?1 AND d.supprime = 0 ORDER BY d.id");
  s.bind(1, std::int64_t{exercice});
  std::vector<std::pair<std::string, std::string>> out;
  while (s.step()) out.emplace_back(s.text(0), s.text(1));
  return out;
}

std::vector<AuditEntry> Store::audit_log(std::size_t limit) {
  std::lock_guard lock(mutex_);
  Statement s(*db_,
              "SELECT id, quand, qui, action, objet, sha256, version_moteur, empreinte, detail FROM audit "
              "ORDER BY id DESC LIMIT ?1");
  s.bind(1, static_cast<std::int64_t>(limit));
  std::vector<AuditEntry> out;
  while (s.step())
    out.push_back({s.integer(0), s.text(1), s.text(2), s.text(3), s.text(4), s.text(5), s.text(6), s.text(7), s.text(8)});
  return out;
}

std::size_t Store::audit_count() {
  std::lock_guard lock(mutex_);
  Statement s(*db_, "SELECT count(*) FROM audit");
  s.step();
  return static_cast<std::size_t>(s.integer(0));
}

}  // namespace subsidia::server::store
