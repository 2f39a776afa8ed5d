#include <gtest/gtest.h>

#include <fstream>

#include <sys/stat.h>

#include "io/inputs.hpp"

namespace subsidia::io {
namespace {

namespace fs = std::filesystem;

class InputStreamTest : public ::testing::Test {
 protected:
  void SetUp() override {
    dir_ = fs::temp_directory_path() / ("subsidia-inputs-" + std::to_string(::getpid()) + "-" +
                                        ::testing::UnitTest::GetInstance()->current_test_info()->name());
    fs::remove_all(dir_);
    fs::create_directories(dir_);
  }
  void TearDown() override { fs::remove_all(dir_); }

  fs::path write(const std::string& name, const std::string& content) {
    const fs::path p = dir_ / name;
    fs::create_directories(p.parent_path());
    std::ofstream(p, std::ios::binary) << content;
    return p;
  }

  struct Entry {
    bool is_error;
    InputItem item;
    InputError error;
  };
  static std::vector<Entry> drain(std::vector<fs::path> paths) {
    InputStream input(std::move(paths));
    std::vector<Entry> out;
    InputItem item;
    std::optional<InputError> error;
    while (input.next(item, error)) {
      if (error) out.push_back({true, {}, *error});
      else out.push_back({false, item, {}});
    }
    return out;
  }

  fs::path dir_;
};

TEST_F(InputStreamTest, ObjectFileGivesOneItem) {
  auto entries = drain({write("a.json", "  {\"id\": \"a\"}\n")});
  ASSERT_EQ(entries.size(), 1u);
  EXPECT_FALSE(entries[0].is_error);
  EXPECT_EQ(entries[0].item.text, "{\"id\": \"a\"}\n");
  EXPECT_EQ(entries[0].item.line, 0u);
}

TEST_F(InputStreamTest, ArrayFileGivesOneItemPerElement) {
  auto entries = drain({write("a.json", R"([ {"id": "a", "t": "],{\"x"}, {"id": "b", "l": [1, {"c": 2}]} ])")});
  ASSERT_EQ(entries.size(), 2u);
  EXPECT_EQ(entries[0].item.text, R"({"id": "a", "t": "],{\"x"})");
  EXPECT_EQ(entries[0].item.index, 0u);
  EXPECT_EQ(entries[1].item.text, R"({"id": "b", "l": [1, {"c": 2}]})");
  EXPECT_EQ(entries[1].item.index, 1u);
}

TEST_F(InputStreamTest, ArrayElementsKnowTheirIndexAndStartingLine) {
  auto entries = drain({write("a.json", "[\n  {\"id\": \"a\",\n   \"n\": 1},\n\n  {\"id\": \"b\"}\n]\n"),
                        write("b.json", "\n\n{\"id\": \"c\"}")});
  ASSERT_EQ(entries.size(), 3u);
  EXPECT_TRUE(entries[0].item.in_array);
  EXPECT_EQ(entries[0].item.first_line, 2u);
  EXPECT_EQ(entries[1].item.index, 1u);
  EXPECT_EQ(entries[1].item.first_line, 5u);
  EXPECT_FALSE(entries[2].item.in_array);  // a lone object
  EXPECT_EQ(entries[2].item.first_line, 3u);
}

TEST_F(InputStreamTest, JsonlGivesOneItemPerNonBlankLineWithItsNumber) {
  auto entries = drain({write("a.jsonl", "{\"id\":\"a\"}\n\n{\"id\":\"b\"}\r\n{\"id\":\"c\"}")});
  ASSERT_EQ(entries.size(), 3u);
  EXPECT_EQ(entries[0].item.line, 1u);
  EXPECT_EQ(entries[1].item.line, 3u);
  EXPECT_EQ(entries[1].item.text, "{\"id\":\"b\"}");
  EXPECT_EQ(entries[2].item.line, 4u);
}

// A folder gives every dossier file in it and in its subfolders, whatever the case of the
// extension (a Windows share's DOSSIER.JSON), sorted by name; expected verdicts, other files and
// hidden entries (an editor's .x.json, a .git folder) are left out.
TEST_F(InputStreamTest, FolderGivesItsDossierFilesAndThoseOfItsSubfoldersSorted) {
  write("b.json", "{\"id\":\"b\"}");
  write("a.jsonl", "{\"id\":\"a1\"}\n{\"id\":\"a2\"}\n");
  write("b.attendu.json", "{\"verdict\":1}");
  write("C.ATTENDU.JSON", "{\"verdict\":1}");
  write("notes.txt", "hello");
  write("D.JSON", "{\"id\":\"D\"}");
  write(".cache.json", "{\"id\":\"hidden\"}");
  write(".git/x.json", "{\"id\":\"hidden too\"}");
  write("sub/c.json", "{\"id\":\"c\"}");
  write("sub/deeper/Z.Jsonl", "{\"id\":\"z\"}\n");
  auto entries = drain({dir_});
  ASSERT_EQ(entries.size(), 6u);
  EXPECT_EQ(entries[0].item.text, "{\"id\":\"D\"}");  // "D.JSON" sorts before "a.jsonl" (bytes)
  EXPECT_EQ(entries[1].item.text, "{\"id\":\"a1\"}");
  EXPECT_EQ(entries[2].item.text, "{\"id\":\"a2\"}");
  EXPECT_EQ(entries[3].item.text, "{\"id\":\"b\"}");
  EXPECT_EQ(fs::path(entries[3].item.file).filename(), "b.json");
  EXPECT_EQ(entries[4].item.text, "{\"id\":\"c\"}");
  EXPECT_EQ(entries[5].item.text, "{\"id\":\"z\"}");  // read line by line: a .jsonl file in any case
  EXPECT_EQ(entries[5].item.line, 1u);
  for (const Entry& e : entries) EXPECT_FALSE(e.is_error) << e.error.message;
}

// A byte order mark before the first line of a .jsonl file (PowerShell 5 writes one) is not
// part of the first dossier, as for a .json file.
TEST_F(InputStreamTest, JsonlByteOrderMarkIsSkipped) {
  auto entries = drain({write("a.jsonl", "\xEF\xBB\xBF{\"id\":\"a\"}\n\xEF\xBB\xBF{\"id\":\"b\"}\n")});
  ASSERT_EQ(entries.size(), 2u);
  EXPECT_EQ(entries[0].item.text, "{\"id\":\"a\"}");
  // Only the first line's: a mark in the middle of a file is a byte of that line, reported by the reader.
  EXPECT_EQ(entries[1].item.text, "\xEF\xBB\xBF{\"id\":\"b\"}");
}

TEST_F(InputStreamTest, BadPathsBecomeErrorsAndReadingContinues) {
  auto entries = drain({dir_ / "absent.json", write("empty.json", "  \n"), write("scalar.json", "42"),
                        write("empty.jsonl", "\n\n"), write("ok.json", "{}")});
  ASSERT_EQ(entries.size(), 5u);
  EXPECT_TRUE(entries[0].is_error);
  EXPECT_TRUE(entries[1].is_error);
  EXPECT_NE(entries[1].error.message.find("vide"), std::string::npos);
  EXPECT_TRUE(entries[2].is_error);
  EXPECT_TRUE(entries[3].is_error);
  EXPECT_FALSE(entries[4].is_error);
  EXPECT_EQ(entries[4].item.text, "{}");
}

TEST_F(InputStreamTest, EmptyArrayGivesNothing) {
  auto entries = drain({write("a.json", "[ ]"), write("b.json", "{}")});
  ASSERT_EQ(entries.size(), 1u);
  EXPECT_EQ(entries[0].item.text, "{}");
}

TEST_F(InputStreamTest, UnterminatedArrayStillGivesItsElements) {
  auto entries = drain({write("a.json", "[{\"id\":\"a\"}, {\"id\":")});
  ASSERT_GE(entries.size(), 2u);
  EXPECT_EQ(entries[0].item.text, "{\"id\":\"a\"}");
}

// Review 19: `[{}}]` printed « élément vide » forever (the stray brace was never passed).
TEST_F(InputStreamTest, AStrayClosingBraceIsOneErrorAndTheNextDossiersAreStillRead) {
  auto entries = drain({write("a.json", "[{\"id\":\"a\"}},\n {\"id\":\"b\"}]")});
  ASSERT_EQ(entries.size(), 3u);
  EXPECT_EQ(entries[0].item.text, "{\"id\":\"a\"}");
  ASSERT_TRUE(entries[1].is_error);
  EXPECT_EQ(entries[1].error.code, ReadCode::MalformedJson);
  EXPECT_NE(entries[1].error.message.find("accolade fermante } en trop"), std::string::npos) << entries[1].error.message;
  EXPECT_EQ(entries[2].item.text, "{\"id\":\"b\"}");
  EXPECT_EQ(drain({write("b.json", "[{}}]")}).size(), 2u);
  EXPECT_EQ(drain({write("c.json", "[}}}]")}).size(), 3u);
}

TEST_F(InputStreamTest, ATrailingCommaBeforeTheClosingBracketIsAnError) {
  auto entries = drain({write("a.json", "[{\"id\":\"a\"}, {\"id\":\"b\"},\n]")});
  ASSERT_EQ(entries.size(), 3u);
  EXPECT_FALSE(entries[1].is_error);
  ASSERT_TRUE(entries[2].is_error);
  EXPECT_EQ(entries[2].error.code, ReadCode::MalformedJson);
  EXPECT_EQ(entries[2].error.line, 2u);
}

// Review 19: entries of a folder named like dossiers but not files to read vanished in
// silence; a folder reached again through a link is read once.
TEST_F(InputStreamTest, AFoldersBrokenLinksAndFifosAreErrorsAndALinkToAParentIsNotWalkedAgain) {
  write("lot/a.json", "{}");
  fs::create_symlink("../ailleurs/x.json", dir_ / "lot" / "casse.json");
  ASSERT_EQ(::mkfifo((dir_ / "lot" / "tube.json").c_str(), 0600), 0);
  fs::create_directories(dir_ / "lot" / "sous");
  fs::create_directory_symlink("..", dir_ / "lot" / "sous" / "parent");
  auto entries = drain({dir_ / "lot"});
  ASSERT_EQ(entries.size(), 3u);
  std::size_t errors = 0;
  for (const Entry& e : entries) {
    if (!e.is_error) continue;
    ++errors;
    EXPECT_TRUE(e.error.message.find("lien symbolique cassé") != std::string::npos ||
                e.error.message.find("n'est pas un fichier ordinaire") != std::string::npos)
        << e.error.message;
  }
  EXPECT_EQ(errors, 2u);
}

TEST_F(InputStreamTest, AFileReachedTwiceIsReadOnce) {
  // Named twice, through a link, and inside a named folder: one file, one dossier (it was said to
  // be two dossiers under one id, exit 2). A copy is another file and is read.
  const fs::path a = write("lot/a.json", "{\"id\": \"a\"}");
  fs::create_symlink("lot/a.json", dir_ / "lien.json");
  const fs::path copy = write("copie.json", "{\"id\": \"a\"}");
  auto entries = drain({a, dir_ / "lien.json", dir_ / "lot", a, copy});
  ASSERT_EQ(entries.size(), 2u);
  EXPECT_FALSE(entries[0].is_error);
  EXPECT_EQ(entries[0].item.file, a.string());
  EXPECT_FALSE(entries[1].is_error);
  EXPECT_EQ(entries[1].item.file, copy.string());
}

TEST_F(InputStreamTest, OldMacLineBreaksSeparateJsonlLines) {
  auto entries = drain({write("a.jsonl", "{\"id\":1}\r{\"id\":2}\r\r{\"id\":3}\r\n{\"id\":4}\n")});
  ASSERT_EQ(entries.size(), 4u);
  EXPECT_EQ(entries[1].item.text, "{\"id\":2}");
  EXPECT_EQ(entries[1].item.line, 2u);
  EXPECT_EQ(entries[2].item.line, 4u);
  EXPECT_EQ(entries[3].item.text, "{\"id\":4}");
}

TEST_F(InputStreamTest, Utf16FilesAreSaidToBeUtf16) {
  const std::string utf16(std::string("\xFF\xFE{\0}\0", 6));
  for (const char* name : {"a.json", "b.jsonl"}) {
    auto entries = drain({write(name, utf16)});
    ASSERT_EQ(entries.size(), 1u) << name;
    ASSERT_TRUE(entries[0].is_error);
    EXPECT_NE(entries[0].error.message.find("UTF-16"), std::string::npos) << entries[0].error.message;
  }
  // UTF-32, with or without its mark, is named as such (it was called UTF-16).
  for (const std::string& utf32 : {std::string("\xFF\xFE\0\0{\0\0\0}\0\0\0", 12), std::string("{\0\0\0}\0\0\0", 8)}) {
    auto entries = drain({write("c.json", utf32)});
    ASSERT_EQ(entries.size(), 1u);
    ASSERT_TRUE(entries[0].is_error);
    EXPECT_NE(entries[0].error.message.find("UTF-32"), std::string::npos) << entries[0].error.message;
  }
}

TEST_F(InputStreamTest, AnIndentedJsonlIsOneErrorAndABinaryJsonIsRefusedAtItsFirstByte) {
  auto indented = drain({write("a.jsonl", "{\n  \"id\": 1\n}\n{\n  \"id\": 2\n}\n")});
  ASSERT_EQ(indented.size(), 1u);
  EXPECT_NE(indented[0].error.message.find("écrit sur plusieurs lignes"), std::string::npos);
  auto binary = drain({write("b.json", std::string("\0\0\0\0", 4))});
  ASSERT_EQ(binary.size(), 1u);
  EXPECT_EQ(binary[0].error.code, ReadCode::NotAnObject);
}

TEST_F(InputStreamTest, AStrayClosingBracketFollowedByACommaIsOneErrorAndTheRestIsRead) {
  auto entries = drain({write("a.json", "[{\"id\":1}],\n{\"id\":2}, {\"id\":3}]")});
  ASSERT_EQ(entries.size(), 4u);
  ASSERT_TRUE(entries[1].is_error);
  EXPECT_NE(entries[1].error.message.find("crochet fermant ] en trop"), std::string::npos);
  EXPECT_EQ(entries[3].item.text, "{\"id\":3}");
}

TEST_F(InputStreamTest, AJsonlWithCarriageReturnsOnlyIsReadLineByLine) {
  auto entries = drain({write("a.jsonl", "{\"id\":1}\r{\"id\":2}\r{\"id\":3}\r")});
  ASSERT_EQ(entries.size(), 3u);
  EXPECT_EQ(entries[2].item.text, "{\"id\":3}");
  EXPECT_EQ(entries[2].item.line, 3u);
}

TEST_F(InputStreamTest, Utf16LinesAppendedToAUtf8JsonlAreSaidAndTheOthersRead) {
  auto entries = drain({write("a.jsonl", std::string("{\"id\":1}\n{\0\"\0}\0\n\0{\"id\":2}\n", 17))});
  std::size_t read = 0, utf16 = 0;
  for (const Entry& e : entries) {
    if (!e.is_error) ++read;
    else if (e.error.message.find("UTF-16") != std::string::npos) ++utf16;
  }
  EXPECT_EQ(read, 1u);
  EXPECT_GE(utf16, 1u);
}

TEST_F(InputStreamTest, ArrayElementsOfAFileWithCarriageReturnsKnowTheirLine) {
  auto entries = drain({write("a.json", "[{\"id\":1},\r{\"id\":2},\r\n{\"id\":3}]")});
  ASSERT_EQ(entries.size(), 3u);
  EXPECT_EQ(entries[1].item.first_line, 2u);
  EXPECT_EQ(entries[2].item.first_line, 3u);
}

}  // namespace
}  // namespace subsidia::io
