// libFuzzer target "http": a request body's bytes as POST /api/verifier receives them,
// through the server's own handling: split_body (one JSON object, a JSON array split by its
// own bracket scanner, or JSONL; the first byte of the input chooses JSON or JSONL), every
// dossier read and checked by the real rule base (check_batch), and the answer written
// (check_document). Oracle beyond the sanitizers: the answer is UTF-8 and a JSON document
// with the `check --format json` keys, and nothing is lost: every dossier text split out of
// the body is either checked or reported as an error.
#include <cstddef>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <nlohmann/json.hpp>
#include <string>
#include <string_view>

#include "fixture.hpp"
#include "http/check_batch.hpp"
#include "http/rule_set.hpp"

namespace {

using namespace subsidia;

const server::http::RuleSet& rules() {
  static const std::shared_ptr<const server::http::RuleSet> loaded = [] {
    const std::filesystem::path source(SUBSIDIA_SOURCE_DIR);
    server::http::RuleSetLoad load =
        server::http::load_rule_set(source / "rules", source / "rules" / "dossier.schema.json");
    if (!load.rules) {
      std::fprintf(stderr, "base de règles illisible : %s\n", load.error.c_str());
      std::abort();
    }
    return load.rules;
  }();
  return *loaded;
}

[[noreturn]] void finding(const char* what, const std::string& answer) {
  std::fprintf(stderr, "%s\n%s\n", what, answer.substr(0, 2000).c_str());
  std::abort();
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  if (size == 0) return 0;
  const bool ndjson = (data[0] & 1) != 0;
  const std::string_view body(reinterpret_cast<const char*>(data) + 1, size - 1);
  const server::http::SplitBody split = server::http::split_body(body, ndjson);
  const server::http::BatchCheck batch = server::http::check_batch(rules(), split, eval::Detail::Full);
  const std::string answer = server::http::check_document(batch, rules().engine->receipt());
  fuzz::require_utf8(answer, "réponse de /api/verifier");
  const nlohmann::json document = nlohmann::json::parse(answer, nullptr, false);
  if (document.is_discarded()) finding("réponse qui n'est pas du JSON", answer);
  for (const char* key : {"moteur", "dossiers", "erreurs", "resume"})
    if (!document.contains(key)) finding("clé absente de la réponse", answer);
  if (batch.dossiers.size() + batch.errors.size() < split.items.size())
    finding("dossier de la requête ni vérifié ni signalé", answer);
  return 0;
}
