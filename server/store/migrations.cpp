#include "store/migrations.hpp"

#include <array>
#include <string>

#include "store/sqlite.hpp"

namespace subsidia::server::store {

namespace {

// Never edit a migration once released: add the next one.
constexpr std::array<std::string_view, 5> kMigrations = {
    // 1: accounts, sessions, dossiers with their versions and checks, the audit log.
    R"sql(
CREATE TABLE utilisateurs (
  id INTEGER PRIMARY KEY,
  nom TEXT NOT NULL UNIQUE,
  role TEXT NOT NULL CHECK (role IN ('agent', 'budget', 'juriste', 'admin')),
  mot_de_passe TEXT NOT NULL,           -- crypto_pwhash_str (Argon2id), never the password
  actif INTEGER NOT NULL DEFAULT 1,
  cree TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now'))
);
CREATE TABLE sessions (
  jeton_sha256 TEXT PRIMARY KEY,        -- only a hash: a stolen database opens no session
  utilisateur INTEGER NOT NULL REFERENCES utilisateurs(id),
  csrf TEXT NOT NULL,
  cree TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')),
  expire INTEGER NOT NULL               -- unix seconds
);
CREATE TABLE dossiers (
  id TEXT PRIMARY KEY,
  exercice INTEGER,
  objet TEXT NOT NULL DEFAULT '',
  collectivite TEXT NOT NULL DEFAULT '',
  montant TEXT NOT NULL DEFAULT '',     -- exact decimal text, never a float
  version INTEGER NOT NULL,             -- the current one
  verdict TEXT NOT NULL,                -- of the latest check
  supprime INTEGER NOT NULL DEFAULT 0,  -- soft delete: the history stays
  modifie TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now'))
);
CREATE INDEX dossiers_exercice ON dossiers(exercice);
CREATE TABLE versions (
  dossier TEXT NOT NULL REFERENCES dossiers(id),
  version INTEGER NOT NULL,
  contenu TEXT NOT NULL,                -- the JSON text as submitted
  sha256 TEXT NOT NULL,
  auteur TEXT NOT NULL,
  quand TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')),
  PRIMARY KEY (dossier, version)
);
CREATE TABLE verifications (
  id INTEGER PRIMARY KEY,
  dossier TEXT NOT NULL REFERENCES dossiers(id),
  version INTEGER NOT NULL,
  quand TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')),
  qui TEXT NOT NULL,
  version_moteur TEXT NOT NULL,
  empreinte TEXT NOT NULL,              -- the rule base the verdict was made with
  verdict TEXT NOT NULL,
  resultat TEXT NOT NULL                -- the dossier's object of `check --format json`
);
CREATE INDEX verifications_dossier ON verifications(dossier, id);
CREATE TABLE audit (
  id INTEGER PRIMARY KEY,
  quand TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')),
  qui TEXT NOT NULL,
  action TEXT NOT NULL,
  objet TEXT NOT NULL DEFAULT '',
  sha256 TEXT NOT NULL DEFAULT '',
  version_moteur TEXT NOT NULL DEFAULT '',
  empreinte TEXT NOT NULL DEFAULT '',
  detail TEXT NOT NULL DEFAULT ''
);
-- Append-only: the log is evidence, even against someone holding the database file
-- through this program.
CREATE TRIGGER audit_sans_modification BEFORE UPDATE ON audit
BEGIN SELECT RAISE(ABORT, 'journal d''audit : ajout seulement'); END;
CREATE TRIGGER audit_sans_suppression BEFORE DELETE ON audit
BEGIN SELECT RAISE(ABORT, 'journal d''audit : ajout seulement'); END;
)sql",
    // 2: the key of an id (reports::id_key: blanks at either end, case, accents), under which the
    // jaune recognises one dossier read twice; filled for the dossiers already stored by
    // Store::Store, which computes it (SQL cannot fold accents the way the jaune does).
    R"sql(
ALTER TABLE dossiers ADD COLUMN cle TEXT NOT NULL DEFAULT '';
CREATE INDEX dossiers_cle ON dossiers(cle);
)sql",
    // 3: the id key folds typographic hyphens and dashes too (« CP‐2012 » is « CP-2012 »): every key
    // is made again by Store::Store, which fills the empty ones.
    R"sql(
UPDATE dossiers SET cle = '';
)sql",
    // 4: the id key takes every Unicode space separator as a blank, and a run of blanks inside an id
    // as one (an em or ideographic space at
    // the end of a pasted id made a second dossier, review 23): every key is made again. Two
    // dossiers stored before under ids that now share a key stay stored; the jaune names both.
    R"sql(
UPDATE dossiers SET cle = '';
)sql",
    // 5: the id key folds the accents of Latin Extended-A too (« Ŕ6FF983 » is « R6FF983 », review
    // 30): every key is made again, as for 4.
    R"sql(
UPDATE dossiers SET cle = '';
)sql",
};

}  // namespace

std::span<const std::string_view> migrations() { return kMigrations; }

void migrate(Database& db) {
  Statement version_query(db, "PRAGMA user_version");
  version_query.step();
  const auto current = static_cast<std::size_t>(version_query.integer(0));
  if (current > kMigrations.size())
    throw SqliteError("base de données de version " + std::to_string(current) +
                      ", plus récente que ce programme (" + std::to_string(kMigrations.size()) + ")");
  for (std::size_t i = current; i < kMigrations.size(); ++i) {
    Transaction transaction(db);
    db.exec(kMigrations[i]);
    // A pragma takes no parameter; the value is our own integer.
    db.exec("PRAGMA user_version = " + std::to_string(i + 1));
    transaction.commit();
  }
}

}  // namespace subsidia::server::store
