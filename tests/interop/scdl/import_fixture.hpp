// Runs the SCDL importer on a file of tests/interop/scdl and keeps what it wrote: the drafts'
// JSON, parsed back, and the summary. Each JSON is also read by the dossier reader against the
// vendored schema, and walked for names the schema does not know.
#pragma once

#include <gtest/gtest.h>

#include <filesystem>
#include <nlohmann/json.hpp>
#include <string>
#include <vector>

#include "io/reader.hpp"
#include "io/schema.hpp"
#include "scdl/draft_json.hpp"
#include "scdl/importer.hpp"

namespace subsidia::interop::scdl::testing {

inline const std::filesystem::path kSourceDir = SUBSIDIA_TEST_SOURCE_DIR;
inline const std::filesystem::path kFiles = kSourceDir / "tests" / "interop" / "scdl" / "fichiers";
inline const std::filesystem::path kRealFiles = kSourceDir / "tests" / "interop" / "scdl" / "reels";

inline const schema::Schema& vendored_schema() {
  static const schema::Schema schema = schema::Schema::load(kSourceDir / "rules" / "dossier.schema.json");
  return schema;
}

inline const InternationalClues& clues() {
  static const InternationalClues c = InternationalClues::builtin();
  return c;
}

// Every key of `j` is a field of `node`, recursively; returns the first that is not ("" if none).
inline std::string unknown_key(const nlohmann::json& j, const schema::Node& node, const std::string& path = "") {
  if (j.is_object() && node.type == schema::Type::Object) {
    for (const auto& [key, value] : j.items()) {
      const int slot = node.field_index(key);
      if (slot < 0) return path + "/" + key;
      std::string found = unknown_key(value, *node.fields[static_cast<std::size_t>(slot)].node, path + "/" + key);
      if (!found.empty()) return found;
    }
  } else if (j.is_array() && node.type == schema::Type::Array) {
    for (std::size_t i = 0; i < j.size(); ++i) {
      std::string found = unknown_key(j[i], *node.items, path + "/" + std::to_string(i));
      if (!found.empty()) return found;
    }
  }
  return "";
}

struct ImportRun {
  std::vector<nlohmann::json> dossiers;
  std::vector<std::string> texts;
  ImportSummary summary;

  const nlohmann::json* by_line(std::size_t line) const {
    for (const auto& d : dossiers)
      if (d["origine"]["ligne"] == line) return &d;
    return nullptr;
  }
  const LineNote* rejected_at(std::size_t line) const {
    for (const auto& n : summary.rejected)
      if (n.line == line) return &n;
    return nullptr;
  }
};

inline ImportRun import_files(const std::vector<std::filesystem::path>& files, ImportOptions options = {}) {
  ImportRun run;
  Importer importer(clues(), options);
  io::DossierReader reader(schema::unowned(vendored_schema()));
  for (const auto& file : files) {
    importer.import_file(file, [&](const DossierDraft& draft) {
      std::string json;
      append_draft_json(json, draft);
      io::ReadOutcome read = reader.read(json, file.string());
      EXPECT_TRUE(read.dossier) << (read.errors.empty() ? json : read.errors[0].json_path + " " + read.errors[0].message);
      nlohmann::json parsed = nlohmann::json::parse(json);
      EXPECT_EQ(unknown_key(parsed, vendored_schema().root()), "") << json;
      run.dossiers.push_back(std::move(parsed));
      run.texts.push_back(std::move(json));
      return true;
    });
  }
  run.summary = importer.summary();
  return run;
}

}  // namespace subsidia::interop::scdl::testing
