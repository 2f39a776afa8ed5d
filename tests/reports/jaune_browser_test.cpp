// The printable page in a real browser: headless Chromium prints the 2012 jaune to PDF,
// pdftotext extracts the text, and the figures of the communication must be there. Also
// takes a screenshot (build folder: jaune-2012-screenshot.png) for a look by eye.
// Skipped, with a message, when chromium or pdftotext is absent (scripts/install-deps
// installs both, so CI runs it).
#include <gtest/gtest.h>

#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <memory>
#include <sstream>

#include "case_loader.hpp"
#include "reports/atomic_file.hpp"
#include "reports/jaune_html.hpp"

namespace subsidia::reports {
namespace {

namespace fs = std::filesystem;

std::string chromium_binary() {
  for (const char* candidate : {"/usr/bin/chromium", "/usr/bin/chromium-browser", "/usr/bin/google-chrome"})
    if (fs::exists(candidate)) return candidate;
  return {};
}

bool has_pdftotext() { return std::system("pdftotext -v > /dev/null 2>&1") == 0; }

std::string run(const std::string& command) {
  std::unique_ptr<FILE, int (*)(FILE*)> pipe(::popen(command.c_str(), "r"), ::pclose);
  std::string out;
  char buffer[4096];
  while (pipe && std::fgets(buffer, sizeof buffer, pipe.get())) out += buffer;
  return out;
}

std::string chromium_command(const std::string& chromium, const fs::path& profile) {
  return chromium +
         " --headless --no-sandbox --disable-gpu --disable-quic --no-first-run --disable-background-networking"
         " --disable-component-update --disable-sync --disable-dev-shm-usage --user-data-dir='" +
         profile.string() + "'";
}

TEST(JauneBrowser, PrintedPdfShowsTheFiguresOfThe2012Communication) {
  const std::string chromium = chromium_binary();
  if (chromium.empty()) GTEST_SKIP() << "chromium absent : test du navigateur ignoré (scripts/install-deps l'installe)";
  if (!has_pdftotext()) GTEST_SKIP() << "pdftotext absent : test du navigateur ignoré (paquet poppler-utils)";

  testing::LoadedCase loaded = testing::load_case(testing::kSourceDir / "cases" / "jaune-2012");
  ASSERT_TRUE(loaded.errors.empty()) << loaded.errors.front();
  JauneBuild built = jaune_from_verdicts(2012, std::move(loaded.records), ZoneTable::builtin());
  ASSERT_TRUE(built.jaune.has_value());

  const fs::path folder = testing::kBuildDir / "jaune-browser";
  fs::create_directories(folder);
  const fs::path html = folder / "jaune-2012.html";
  const fs::path pdf = folder / "jaune-2012.pdf";
  const fs::path png = testing::kBuildDir / "jaune-2012-screenshot.png";
  ASSERT_FALSE(write_file_atomically(html, jaune_html(*built.jaune)).has_value());
  fs::remove(pdf);
  fs::remove(png);

  char pattern[] = "/tmp/subsidia-chromium-XXXXXX";
  const fs::path profile = ::mkdtemp(pattern);
  const std::string base = chromium_command(chromium, profile);
  const std::string url = "'file://" + html.string() + "'";
  run(base + " --no-pdf-header-footer --print-to-pdf='" + pdf.string() + "' " + url + " 2>&1");
  run(base + " --hide-scrollbars --window-size=1280,2000 --screenshot='" + png.string() + "' " + url + " 2>&1");
  fs::remove_all(profile);

  ASSERT_TRUE(fs::exists(pdf)) << "chromium n'a pas produit de PDF";
  const std::string text = run("pdftotext -layout '" + pdf.string() + "' - 2>/dev/null");
  EXPECT_NE(text.find("46,190"), std::string::npos) << text.substr(0, 2000);
  EXPECT_NE(text.find("28,169"), std::string::npos);
  EXPECT_NE(text.find("9,717"), std::string::npos);
  EXPECT_NE(text.find("36,473"), std::string::npos);
  EXPECT_NE(text.find("Total général hors opérations exceptionnelles"), std::string::npos);
  EXPECT_TRUE(fs::exists(png) && fs::file_size(png) > 10000) << "capture d'écran absente";
}

}  // namespace
}  // namespace subsidia::reports
