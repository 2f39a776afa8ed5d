// libFuzzer target "scdl": a published subsidies file's bytes (any encoding, separator,
// header, quoting) through `subsidia importe scdl`'s importer, with its promise as the oracle:
// every draft it writes is a dossier the reader of the real schema accepts (an unreadable
// draft aborts: a finding), its JSON is UTF-8, and no row is lost: rows read = dossiers
// written + rows rejected + identical rows written once + rows of another year or domestic
// rows left out on request (none here: no --exercice, no --international-seulement).
#include <cstddef>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <memory>
#include <string>

#include "fixture.hpp"
#include "io/reader.hpp"
#include "scdl/draft_json.hpp"
#include "scdl/importer.hpp"

namespace {

using namespace subsidia;

const interop::InternationalClues& clues() {
  static const interop::InternationalClues built = interop::InternationalClues::builtin();
  return built;
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const fuzz::Fixture& f = fuzz::fixture();
  static io::DossierReader reader(std::make_shared<const schema::Schema>(f.schema));
  interop::scdl::Importer importer(clues(), {});
  std::string json;
  importer.import_bytes(std::string(reinterpret_cast<const char*>(data), size), "fuzz.csv",
                        [&](const interop::scdl::DossierDraft& draft) {
                          json.clear();
                          interop::scdl::append_draft_json(json, draft);
                          fuzz::require_utf8(json, "brouillon JSON");
                          const io::ReadOutcome read = reader.read(json, "brouillon", 1);
                          if (!read.dossier) {
                            std::fprintf(stderr, "brouillon refusé par le schéma : %s\n%s\n",
                                         read.errors.empty() ? "?" : read.errors.front().message.c_str(),
                                         json.c_str());
                            std::abort();
                          }
                          return true;
                        });
  const interop::scdl::ImportSummary& summary = importer.summary();
  const std::size_t accounted = summary.written + summary.blank + summary.rejected.size() + summary.identical.size() +
                                summary.other_exercice.size() + summary.not_candidates.size();
  if (accounted != summary.rows_read) {
    std::fprintf(stderr, "lignes perdues : %zu lues, %zu comptées\n", summary.rows_read, accounted);
    std::abort();
  }
  return 0;
}
