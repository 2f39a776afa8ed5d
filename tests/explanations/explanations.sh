#!/usr/bin/env bash
# The explanations of every case of cases/, kept as golden files: the texte output with
# --detail (every rule, its explanation, sources, notes, facts, missing) and the JSON output
# (pretty-printed so that a change reads as a diff). Explanations are the product: a change
# to one must be seen and accepted, never slip in.
#   explanations.sh check  BINARY   compares, prints a unified diff per difference, exit 1 if any
#   explanations.sh update BINARY   rewrites the golden files (scripts/update-golden shows the diff)
set -euo pipefail
mode="$1"
binary="$(realpath "$2")"
here="$(cd "$(dirname "$0")" && pwd)"
root="$(cd "$here/../.." && pwd)"
golden="$here/golden"
cd "$root"   # relative paths: the outputs name cases/NAME.json, the same on every machine
scratch="$(mktemp -d)"
trap 'rm -rf "$scratch"' EXIT

# The receipt (engine version, commit, fingerprint of the rule base) changes with every commit
# and every rule: it is tested elsewhere, and left out of the comparison here.
render() {  # case name -> $scratch/NAME.texte and NAME.json
  local name="$1"
  "$binary" check --detail "cases/$name.json" | grep -v '^Moteur subsidia ' > "$scratch/$name.texte" || true
  "$binary" check --format json "cases/$name.json" > "$scratch/raw.json" || true
  python3 -c 'import json,sys; d=json.load(open(sys.argv[1])); d.pop("moteur", None); json.dump(d, sys.stdout, ensure_ascii=False, indent=1); print()' \
    "$scratch/raw.json" > "$scratch/$name.json"
}

status=0
count=0
for expected in cases/*.attendu.json; do
  name="$(basename "$expected" .attendu.json)"
  render "$name"
  count=$((count + 1))
  for ext in texte json; do
    if [ "$mode" = update ]; then
      cp "$scratch/$name.$ext" "$golden/$name.$ext"
    elif ! diff -u "$golden/$name.$ext" "$scratch/$name.$ext" > "$scratch/diff" 2>&1; then
      echo "explication changée : cases/$name.json ($ext)"
      head -n 40 "$scratch/diff"
      status=1
    fi
  done
done
# A golden file whose case is gone is stale.
for file in "$golden"/*.texte; do
  [ -e "$file" ] || continue
  name="$(basename "$file" .texte)"
  if [ ! -e "cases/$name.attendu.json" ]; then
    if [ "$mode" = update ]; then rm -f "$golden/$name.texte" "$golden/$name.json"
    else echo "fichier de référence sans cas : $file"; status=1; fi
  fi
done
if [ "$mode" = check ]; then
  [ "$status" -eq 0 ] && echo "$count cas : explications identiques aux fichiers de référence"
  [ "$status" -ne 0 ] && echo "Si ces changements sont voulus : scripts/update-golden, puis relire git diff tests/explanations/golden"
fi
exit "$status"
