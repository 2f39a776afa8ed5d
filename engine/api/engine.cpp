#include "api/engine.hpp"

#include <sodium.h>

#include <algorithm>
#include <fstream>
#include <sstream>
#include <system_error>

#include "api/version.hpp"
#include "check/load.hpp"

namespace subsidia::api {

namespace fs = std::filesystem;

namespace {

std::optional<std::string> read_file(const fs::path& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) return std::nullopt;
  std::ostringstream text;
  text << in.rdbuf();
  if (in.bad()) return std::nullopt;
  return std::move(text).str();
}

}  // namespace

namespace {

std::string hex_digest(const unsigned char (&digest)[crypto_hash_sha256_BYTES]) {
  static constexpr char kHex[] = "0123456789abcdef";
  std::string out = "sha256:";
  for (unsigned char byte : digest) {
    out += kHex[byte >> 4];
    out += kHex[byte & 0x0F];
  }
  return out;
}

}  // namespace

std::string fingerprint_of(const std::vector<std::pair<std::string, std::string>>& files, const fs::path& root,
                           std::string_view schema_text) {
  // Relative, '/'-separated paths, sorted: the same base gives the same fingerprint wherever
  // it is installed and in whatever order its files were read.
  std::vector<std::pair<std::string, const std::string*>> sorted;
  sorted.reserve(files.size());
  for (const auto& [path, text] : files) {
    const fs::path relative = fs::path(path).lexically_normal().lexically_relative(root.lexically_normal());
    const std::string name = relative.empty() || *relative.begin() == ".." ? fs::path(path).generic_string()
                                                                           : relative.generic_string();
    sorted.emplace_back(name, &text);
  }
  std::sort(sorted.begin(), sorted.end(), [](const auto& a, const auto& b) { return a.first < b.first; });
  sorted.erase(std::unique(sorted.begin(), sorted.end(), [](const auto& a, const auto& b) { return a.first == b.first; }),
               sorted.end());
  crypto_hash_sha256_state state;
  crypto_hash_sha256_init(&state);
  // Each part is framed by its length, so that no two different bases hash the same bytes.
  auto update = [&state](std::string_view part) {
    const std::string length = std::to_string(part.size()) + ":";
    crypto_hash_sha256_update(&state, reinterpret_cast<const unsigned char*>(length.data()), length.size());
    crypto_hash_sha256_update(&state, reinterpret_cast<const unsigned char*>(part.data()), part.size());
  };
  for (const auto& [name, text] : sorted) {
    update(name);
    update(*text);
  }
  update("dossier.schema.json");
  update(schema_text);
  unsigned char digest[crypto_hash_sha256_BYTES];
  crypto_hash_sha256_final(&state, digest);
  return hex_digest(digest);
}

std::string sha256_of(std::string_view text) {
  unsigned char digest[crypto_hash_sha256_BYTES];
  crypto_hash_sha256(digest, reinterpret_cast<const unsigned char*>(text.data()), text.size());
  return hex_digest(digest);
}

std::string Loaded::format_errors() const {
  std::string out;
  if (!diagnostics.empty()) out += diag::format_diagnostics(sources, diagnostics);
  if (!error.empty()) out += error + "\n";
  return out;
}

std::string Loaded::format_warnings() const {
  return warnings.empty() ? std::string() : diag::format_diagnostics(sources, warnings);
}

Loaded Engine::assemble(check::LoadResult&& result, std::shared_ptr<const schema::Schema> schema,
                        std::string_view schema_text, const fs::path& rules_path, const fs::path& schema_path,
                        const fs::path& root) {
  Loaded loaded;
  loaded.sources = std::move(result.sources);
  loaded.diagnostics = std::move(result.diagnostics);
  loaded.warnings = std::move(result.warnings);
  if (!result.base) {
    loaded.error = rules_path.string() + ": erreur : la base de règles n'a pas pu être chargée";
    return loaded;
  }
  std::shared_ptr<Engine> engine(new Engine());
  engine->schema_ = std::move(schema);
  engine->base_ = result.base;
  engine->plan_ = std::make_shared<const eval::Plan>(result.base);
  engine->rules_path_ = rules_path;
  engine->schema_path_ = schema_path;
  engine->receipt_.version = std::string(engine_version());
  engine->receipt_.commit = std::string(engine_commit());
  engine->receipt_.fingerprint = fingerprint_of(result.inputs, root, schema_text);
  loaded.inputs = std::move(result.inputs);
  loaded.engine = std::move(engine);
  return loaded;
}

Loaded Engine::load(const LoadOptions& options) {
  Loaded loaded;
  std::error_code ec;
  if (!fs::exists(options.rules, ec)) {
    loaded.error = options.rules.string() + ": erreur : base de règles introuvable";
    return loaded;
  }
  const bool folder = fs::is_directory(options.rules, ec);
  const fs::path root = folder ? options.rules : options.rules.parent_path();
  const fs::path schema_path = options.schema.empty() ? root / "dossier.schema.json" : options.schema;
  const std::optional<std::string> schema_text = read_file(schema_path);
  if (!schema_text) {
    loaded.error = schema_path.string() + ": erreur : schéma des dossiers illisible";
    return loaded;
  }
  schema::SchemaResult schema = schema::parse_schema(*schema_text, schema_path.string());
  if (!schema.schema) {
    loaded.error = schema_path.string() + ": erreur : schéma des dossiers inutilisable : " + schema.error;
    return loaded;
  }
  check::LoadResult result = check::load_rule_base(options.rules, *schema.schema);
  return assemble(std::move(result), std::move(schema.schema), *schema_text, options.rules, schema_path, root);
}

Loaded Engine::load(const TextSources& sources) {
  Loaded loaded;
  schema::SchemaResult schema = schema::parse_schema(sources.schema_text, sources.schema_name);
  if (!schema.schema) {
    loaded.error = sources.schema_name + ": erreur : schéma des dossiers inutilisable : " + schema.error;
    return loaded;
  }
  check::LoadResult result = check::load_rule_base_from_texts(sources.files, *schema.schema);
  return assemble(std::move(result), std::move(schema.schema), sources.schema_text, "(textes)", sources.schema_name, "");
}

Engine::Scratch::Scratch(std::shared_ptr<const schema::Schema> schema) : reader_(std::move(schema)) {}
Engine::Scratch::Scratch(Scratch&&) noexcept = default;
Engine::Scratch& Engine::Scratch::operator=(Scratch&&) noexcept = default;
Engine::Scratch::~Scratch() = default;

Engine::Scratch Engine::scratch() const { return Scratch(schema_); }

Checked Engine::check(std::string_view json, Scratch& scratch, eval::Detail detail, std::string_view file,
                      std::size_t line) const {
  Checked checked;
  io::ReadOutcome read = scratch.reader_.read(json, file, line);
  if (!read.dossier) {
    checked.errors = std::move(read.errors);
    return checked;
  }
  checked.result = plan_->evaluate(*read.dossier, scratch.evaluation_, detail);
  return checked;
}

eval::DossierResult Engine::check(const io::Dossier& dossier, Scratch& scratch, eval::Detail detail) const {
  return plan_->evaluate(dossier, scratch.evaluation_, detail);
}

void Engine::check(const io::Dossier& dossier, Scratch& scratch, eval::Detail detail, eval::DossierResult& into) const {
  plan_->evaluate(dossier, scratch.evaluation_, detail, into);
}

eval::DossierResult Engine::check(const io::Dossier& dossier, Scratch& scratch, const std::vector<bool>& explain) const {
  return plan_->evaluate(dossier, scratch.evaluation_, explain);
}

void Engine::statuses(const io::Dossier& dossier, Scratch& scratch, eval::Statuses& out,
                      const std::vector<bool>* only) const {
  plan_->statuses(dossier, scratch.evaluation_, out, only);
}

}  // namespace subsidia::api
