#!/usr/bin/env bash
# The installed program and the Debian package, tried as a user would:
#   1. cmake --install into a temporary prefix, then bin/subsidia run from another folder
#      finds its rule base and cases under share/subsidia, with no path of the build;
#   2. cpack -G DEB, the package's contents extracted into a temporary root, and the program
#      run from there.
#   package.sh BUILD_DIR SOURCE_DIR
set -euo pipefail
build="$(realpath "$1")"
source="$(realpath "$2")"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
fail() { echo "ÉCHEC : $*" >&2; exit 1; }

check_installed() {  # bin/subsidia under $1: runs from an unrelated folder, on the installed base
  local bin="$1/bin/subsidia"
  [ -x "$bin" ] || fail "$bin absent"
  mkdir -p "$work/ailleurs/rules"   # a ./rules here must not be taken for the base
  cd "$work/ailleurs"
  "$bin" --version > "$work/version.txt" || fail "--version"
  grep -q '^subsidia ' "$work/version.txt" || fail "--version : $(cat "$work/version.txt")"
  local out
  out="$("$bin" check "$1/share/subsidia/cases/er-de-2006.json")" || fail "check er-de-2006 (code $?)"
  [[ "$out" == *CONFORME* ]] || fail "er-de-2006 n'est pas conforme : $out"
  "$bin" test > "$work/test.txt" || fail "subsidia test sur les cas installés : $(tail -n 3 "$work/test.txt")"
  # The count of cases, then the receipt of the engine and of the installed base.
  grep -q '^[0-9]* passed, 0 failed$' "$work/test.txt" || fail "$(tail -n 2 "$work/test.txt")"
  tail -n 1 "$work/test.txt" | grep -q '^Moteur subsidia .*, base de règles sha256:[0-9a-f]\{64\}$' ||
    fail "pas de ligne du moteur en fin de subsidia test : $(tail -n 1 "$work/test.txt")"
  # No path of the build machine in the program.
  if grep -q -a "$source" "$bin"; then fail "le programme contient le chemin des sources $source"; fi
  cd "$work"
}

cmake --install "$build" --prefix "$work/prefix" > "$work/install.log" 2>&1 || { cat "$work/install.log"; fail "cmake --install"; }
check_installed "$work/prefix"

(cd "$build" && cpack -G DEB -B "$work/deb" > "$work/cpack.log" 2>&1) || { cat "$work/cpack.log"; fail "cpack -G DEB"; }
deb="$(ls "$work"/deb/subsidia_*.deb | head -n 1)"
[ -f "$deb" ] || fail "aucun paquet .deb"
dpkg-deb --info "$deb" > "$work/info.txt"
grep -q 'Package: subsidia' "$work/info.txt" || fail "en-tête du paquet"
grep -q 'Depends:.*libsodium' "$work/info.txt" || fail "dépendances du paquet (libsodium)"
dpkg-deb -x "$deb" "$work/root"
check_installed "$work/root/usr"
echo "installation et paquet Debian : $(basename "$deb") vérifié"
