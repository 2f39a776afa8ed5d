#include "csv/encoding.hpp"

#include <gtest/gtest.h>

namespace subsidia::csv {
namespace {

TEST(Encoding, KeepsValidUtf8AsItIs) {
  DecodedText d = decode_to_utf8("objet;montant\nCoopération;10\n");
  EXPECT_EQ(d.encoding, Encoding::Utf8);
  EXPECT_EQ(d.text, "objet;montant\nCoopération;10\n");
}

TEST(Encoding, DropsTheUtf8ByteOrderMark) {
  DecodedText d = decode_to_utf8("\xEF\xBB\xBF" "nom\nÉcole\n");
  EXPECT_EQ(d.encoding, Encoding::Utf8WithBom);
  EXPECT_EQ(d.text, "nom\nÉcole\n");
}

TEST(Encoding, ReadsLatin1BytesAsWindows1252) {
  // "Coopération décentralisée" in Latin-1, then 0x80 (euro) and 0x9C (oe ligature) of Windows-1252.
  DecodedText d = decode_to_utf8("Coop\xE9ration d\xE9" "centralis\xE9" "e 10 \x80 \x9C" "uvre");
  EXPECT_EQ(d.encoding, Encoding::Windows1252);
  EXPECT_EQ(d.text, "Coopération décentralisée 10 € œuvre");
  EXPECT_EQ(d.guessed_bytes, 0u);
}

// A file from an old DOS accounting program (code page 850): read as Windows-1252 its French
// letters became punctuation (« D‚lib‚ration coop‚ration S‚n‚gal », « \u0090lan »), silently,
// and the country clue was lost (review of real files: the Aude's 2019 file was published so).
TEST(Encoding, ReadsDosCodePage850WhenItsLettersStandInsideWords) {
  DecodedText d = decode_to_utf8("objet;b\x82n\x82" "ficiaire\nD\x82lib\x82ration coop\x82ration S\x82n\x82gal;"
                                 "Association \x90lan\nCantine \x85 l'\x82" "cole;Fran\x87ois\n");
  EXPECT_EQ(d.encoding, Encoding::Cp850);
  EXPECT_EQ(d.text, "objet;bénéficiaire\nDélibération coopération Sénégal;Association Élan\nCantine à l'école;François\n");
  EXPECT_EQ(encoding_label(Encoding::Cp850), "DOS (page de code 850)");
  // Windows-1252 punctuation between words (… “ ” – —, ‚ as a low quote) is not taken for it.
  DecodedText w = decode_to_utf8("objet\nCoop\xE9ration \x85 \x93" "Dakar\x94 \x96 \x97 \x82" "bas\x82" " l\x92" "\xE9t\xE9\n");
  EXPECT_EQ(w.encoding, Encoding::Windows1252);
}

TEST(Encoding, ReadsAMixOfUtf8AndWindows1252ByteByByte) {
  DecodedText d = decode_to_utf8("S\xC3\xA9n\xC3\xA9gal;Mali\nB\xE9nin\n");
  EXPECT_EQ(d.encoding, Encoding::MixedUtf8Windows1252);
  EXPECT_EQ(d.text, "Sénégal;Mali\nBénin\n");
  EXPECT_EQ(d.guessed_bytes, 1u);
}

// Windows-1252 "É" then a no-break space (C9 A0) is also U+0260 in UTF-8. That one accidental
// pair among the stray bytes made the file "mixed", and "SOLIDARITÉ »" became "SOLIDARITɠ»".
TEST(Encoding, AnAccidentalUtf8PairInWindows1252TextDoesNotMakeItMixed) {
  DecodedText d = decode_to_utf8("objet;montant\nSUBVENTION 2017 \xAB\xA0SOLIDARIT\xC9\xA0\xBB;10\nCOMIT\xC9\x92S;\x80 5\n"
                                 "Coop\xE9ration;1\n");
  EXPECT_EQ(d.encoding, Encoding::Windows1252);
  EXPECT_EQ(d.text, "objet;montant\nSUBVENTION 2017 «\u00A0SOLIDARITÉ\u00A0»;10\nCOMITÉ’S;€ 5\nCoopération;1\n");
  EXPECT_EQ(d.guessed_bytes, 0u);
}

// Letters past Latin (Greek, Cyrillic) are UTF-8 when they outnumber the stray bytes.
TEST(Encoding, ATextMostlyInUtf8BeyondLatinWithAStrayByteIsMixed) {
  DecodedText d = decode_to_utf8("Асоціація Київ;B\xE9nin\n");
  EXPECT_EQ(d.encoding, Encoding::MixedUtf8Windows1252);
  EXPECT_EQ(d.text, "Асоціація Київ;Bénin\n");
  EXPECT_EQ(d.guessed_bytes, 1u);
}

TEST(Encoding, ReadsUtf16WithAByteOrderMark) {
  const std::string le("\xFF\xFE" "a\0;\0\xE9\0\n\0", 10);
  DecodedText d = decode_to_utf8(le);
  EXPECT_EQ(d.encoding, Encoding::Utf16Le);
  EXPECT_EQ(d.text, "a;é\n");
  const std::string be("\xFE\xFF\0a\0;\0\xE9\0\n", 10);
  EXPECT_EQ(decode_to_utf8(be).text, "a;é\n");
}

TEST(Encoding, RecognisesUtf16WithoutByteOrderMarkFromItsNulBytes) {
  const std::string le("n\0o\0m\0\t\0a\0\n\0", 12);
  DecodedText d = decode_to_utf8(le);
  EXPECT_EQ(d.encoding, Encoding::Utf16Le);
  EXPECT_EQ(d.text, "nom\ta\n");
}

TEST(Encoding, ReplacesALoneSurrogateInUtf16) {
  const std::string le("\xFF\xFE\x00\xD8" "a\0", 6);
  DecodedText d = decode_to_utf8(le);
  EXPECT_EQ(d.text, "\xEF\xBF\xBD" "a");
  EXPECT_EQ(d.guessed_bytes, 1u);
}

TEST(Encoding, RefusesOverlongAndSurrogateSequencesAsUtf8) {
  EXPECT_EQ(utf8_sequence_length("\xC0\xAF", 0), 0u);
  EXPECT_EQ(utf8_sequence_length("\xED\xA0\x80", 0), 0u);
  EXPECT_EQ(utf8_sequence_length("\xE2\x82\xAC", 0), 3u);
}

TEST(Encoding, ABufferAlreadyUtf8IsKeptNotCopied) {
  std::string bytes = "\xEF\xBB\xBF" "nom;montant\nÉcole;1\n";
  const char* data = bytes.data();
  DecodedText d = decode_buffer_to_utf8(std::move(bytes));
  EXPECT_EQ(d.encoding, Encoding::Utf8WithBom);
  EXPECT_EQ(d.text, "nom;montant\nÉcole;1\n");
  EXPECT_EQ(d.text.data(), data);
  DecodedText latin = decode_buffer_to_utf8(std::string("\xC9" "cole"));
  EXPECT_EQ(latin.encoding, Encoding::Windows1252);
  EXPECT_EQ(latin.text, "École");
}

TEST(Encoding, EveryLabelIsFrench) {
  EXPECT_EQ(encoding_label(Encoding::Windows1252), "Windows-1252 (Latin-1)");
  EXPECT_EQ(encoding_label(Encoding::Utf8WithBom), "UTF-8 avec BOM");
}

}  // namespace
}  // namespace subsidia::csv
