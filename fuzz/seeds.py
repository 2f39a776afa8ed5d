#!/usr/bin/env python3
"""Writes the fuzz targets' seed corpora and dictionaries into a build folder, from the
repository itself, so that nothing is committed twice and the seeds follow the sources:

  OUT/seeds/rule-file/    rules/*.regles, tests/corpus/regles/, tests/parse/golden/
  OUT/seeds/dossier/      cases/*.json, tests/corpus/dossiers/, every line of tests/corpus/lots/
  OUT/seeds/rule-table/   rules/tables/*.csv, tests/corpus/tables/*.csv when there are some
  OUT/dict/rule-file.dict every spelling of engine/parse/keywords.hpp, functions, operators,
                          the schema's field names and enum values
  OUT/dict/dossier.dict   the schema's field names as JSON keys, its enum values
  OUT/dict/rule-table.dict CSV's quotes, separators and line ends
  OUT/seeds/scdl/         tests/interop/scdl/fichiers/*.csv, the real files' first 30 lines
  OUT/seeds/http/         request bodies: cases alone, five cases as an array, the lots as JSONL
  OUT/dict/http.dict      the dossier dictionary, line breaks, escaped quotes, brackets
  OUT/dict/scdl.dict      separators, spaces, amounts, dates, SCDL and old column names, clues

Usage: fuzz/seeds.py OUT (scripts/fuzz runs it before every run)."""
import hashlib
import json
import re
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def write_seed(folder: Path, data: bytes) -> None:
    # Named by content, as libFuzzer names its own inputs: one copy of each.
    folder.mkdir(parents=True, exist_ok=True)
    (folder / hashlib.sha1(data).hexdigest()).write_bytes(data)


def files(pattern: str):
    return sorted(ROOT.glob(pattern))


def dict_entry(text: str) -> str:
    out = []
    for byte in text.encode("utf-8"):
        if byte in (0x22, 0x5C) or byte < 0x20 or byte > 0x7E:
            out.append("\\x%02X" % byte)
        else:
            out.append(chr(byte))
    return '"' + "".join(out) + '"'


def write_dict(path: Path, words) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    unique = sorted(set(w for w in words if w))
    path.write_text("".join(dict_entry(w) + "\n" for w in unique))


def schema_words():
    """Field names and enum values of the vendored schema."""
    names, values = set(), set()

    def walk(node):
        if isinstance(node, dict):
            for name, sub in node.get("properties", {}).items():
                names.add(name)
                walk(sub)
            for value in node.get("enum", []):
                if isinstance(value, str):
                    values.add(value)
            for key, sub in node.items():
                if key != "properties":
                    walk(sub)
        elif isinstance(node, list):
            for sub in node:
                walk(sub)

    walk(json.loads((ROOT / "rules" / "dossier.schema.json").read_text()))
    return names, values


def main() -> int:
    if len(sys.argv) != 2:
        print(__doc__, file=sys.stderr)
        return 2
    out = Path(sys.argv[1])
    seeds = out / "seeds"

    for pattern in ("rules/*.regles", "tests/corpus/regles/*.regles", "tests/parse/golden/*.regles"):
        for f in files(pattern):
            write_seed(seeds / "rule-file", f.read_bytes())
    for pattern in ("cases/*.json", "tests/corpus/dossiers/*.json"):
        for f in files(pattern):
            if not f.name.endswith(".attendu.json"):
                write_seed(seeds / "dossier", f.read_bytes())
    for f in files("tests/corpus/lots/*.jsonl"):
        for line in f.read_bytes().splitlines():
            write_seed(seeds / "dossier", line)
    for pattern in ("rules/tables/*.csv", "tests/corpus/tables/*.csv"):
        for f in files(pattern):
            write_seed(seeds / "rule-table", f.read_bytes())

    # SCDL files: the synthetic messy ones whole, the real ones cut to their first 30 lines
    # (the header and varied rows; a 200 KB seed would slow every mutation).
    for f in files("tests/interop/scdl/fichiers/*.csv"):
        write_seed(seeds / "scdl", f.read_bytes())
    for f in files("tests/interop/scdl/reels/*.csv"):
        write_seed(seeds / "scdl", b"\n".join(f.read_bytes().split(b"\n")[:30]) + b"\n")

    # Request bodies: the first byte chooses JSON (even) or JSONL (odd); a case alone, the
    # cases as one array, and the bad-input lots as JSONL.
    cases = [f.read_bytes() for f in files("cases/*.json") if not f.name.endswith(".attendu.json")]
    for case in cases[:40]:
        write_seed(seeds / "http", b"\x00" + case)
    write_seed(seeds / "http", b"\x00[" + b",".join(c.strip() for c in cases[:5]) + b"]")
    for f in files("tests/corpus/lots/*.jsonl"):
        write_seed(seeds / "http", b"\x01" + f.read_bytes())

    names, values = schema_words()
    keywords = (ROOT / "engine" / "parse" / "keywords.hpp").read_text()
    spellings = []
    for group in re.findall(r'Keyword \w+\{"([^"]*)"', keywords):
        spellings.extend(group.split("|"))
    functions = ["arrondi", "debut", "fin", "longueur", "abs", "annee", "min", "max", "somme", "nombre",
                 "distincts", "importer"]
    operators = ["(", ")", "[", "]", "[*]", ",", ".", ":", "=", "!=", "<", "<=", ">", ">=", "+", "-", "*", "/",
                 "\"", "#", "\u20ac", "%", "\n", "2007-02-06", "0.01", "10 000", "{", "}"]
    write_dict(out / "dict" / "rule-file.dict", spellings + functions + operators + sorted(names) + sorted(values))
    json_tokens = ["{", "}", "[", "]", ":", ",", "null", "true", "false", "\"\"", "\"0.5\"", "\"2006-07-06\"",
                   "1e400", "-0", "\\u0000", "\\ud800"]
    write_dict(out / "dict" / "dossier.dict",
               json_tokens + ['"%s":' % n for n in names] + ['"%s"' % v for v in values])
    write_dict(out / "dict" / "rule-table.dict", [",", "\"", "\"\"", "\r\n", "\n", "\ufeff"])
    write_dict(out / "dict" / "http.dict",
               json_tokens + ['"%s":' % n for n in names] + ['"%s"' % v for v in values] + ["\n", "\\\"", "]", ",{"])
    write_dict(out / "dict" / "scdl.dict",
               [";", ",", "\t", "\"", "\r\n", "\n", "\ufeff", "\u00a0", "\u202f", "\u20ac", "NA", "NC", "2017-03-31",
                "31/03/2017", "2017/03/31", "24 975,00", "10000.0", "nomAttribuant", "idAttribuant",
                "dateConvention", "referenceDecision", "nomBeneficiaire", "idBeneficiaire", "objet",
                "montant", "nature", "conditionsVersement", "datesPeriodeVersement", "idRAE", "notificationUE",
                "pourcentageSubvention", "COLL_NOM", "ATTRIB_NOM", "SUB_OBJET", "SUB_MONTANT", "ACTE_DATE",
                "coop\u00e9ration d\u00e9centralis\u00e9e", "S\u00e9n\u00e9gal", "humanitaire"])
    return 0


if __name__ == "__main__":
    sys.exit(main())
