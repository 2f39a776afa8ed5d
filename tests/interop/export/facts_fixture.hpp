// Dossiers read as the export commands read them: the reader against the vendored schema,
// then the facts the exports use. Drafts of an SCDL import are read from the importer's JSON.
#pragma once

#include <gtest/gtest.h>

#include <filesystem>
#include <string>
#include <vector>

#include "export/dossier_facts.hpp"
#include "io/inputs.hpp"
#include "io/reader.hpp"
#include "scdl/draft_json.hpp"
#include "scdl/importer.hpp"
#include "scdl/import_fixture.hpp"

namespace subsidia::interop::testing {

inline std::vector<DossierFacts> facts_of_folder(const std::filesystem::path& folder) {
  const schema::Schema& schema = scdl::testing::vendored_schema();
  const FactsExtractor extractor(schema);
  io::DossierReader reader(schema::unowned(schema));
  io::InputStream input({folder});
  io::InputItem item;
  std::optional<io::InputError> error;
  std::vector<DossierFacts> facts;
  while (input.next(item, error)) {
    EXPECT_FALSE(error) << error->message;
    if (error) {
      error.reset();
      continue;
    }
    io::ReadOutcome read = reader.read(item.text, item.file, item.line);
    EXPECT_TRUE(read.dossier) << item.file;
    if (read.dossier) facts.push_back(extractor.extract(*read.dossier));
  }
  return facts;
}

// The drafts of an SCDL import, read back as dossiers.
inline std::vector<DossierFacts> facts_of_import(const std::vector<std::filesystem::path>& files,
                                                 scdl::ImportOptions options = {}) {
  const schema::Schema& schema = scdl::testing::vendored_schema();
  const FactsExtractor extractor(schema);
  io::DossierReader reader(schema::unowned(schema));
  scdl::Importer importer(scdl::testing::clues(), options);
  std::vector<DossierFacts> facts;
  for (const auto& file : files) {
    importer.import_file(file, [&](const scdl::DossierDraft& draft) {
      std::string json;
      scdl::append_draft_json(json, draft);
      io::ReadOutcome read = reader.read(json, file.string());
      EXPECT_TRUE(read.dossier);
      if (read.dossier) facts.push_back(extractor.extract(*read.dossier));
      return true;
    });
  }
  return facts;
}

}  // namespace subsidia::interop::testing
