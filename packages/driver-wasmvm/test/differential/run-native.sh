#!/usr/bin/env bash
# run-native.sh: the differential test against the native build of the C commands.
#
#   test/differential/run-native.sh [--no-build] [-v] [-k REGEX] [CASEFILE...]
#
# Builds the commands natively (scripts/build-wasm.sh --native), prepares a
# fixture tree (a copy of fixtures/ completed by make-fixtures.sh), and runs
# every line of every case file (default: cases/*.txt) twice, each time in a
# fresh copy of that tree at the same path, with LC_ALL=C and TZ=UTC:
#   - "ours": PATH holds only the native command links (plus `sh`), so a
#     command we lack fails with "not found" instead of falling through to GNU;
#   - "gnu":  the host's PATH (GNU coreutils, grep, sed, findutils, diff).
# A line passes when stdout and exit status are equal and, for stderr:
#   - plain lines: both sides are silent on stderr, or both are not;
#   - lines starting with "@stderr ": both print the same number of stderr
#     lines, and each line starts with the same "name:" prefix.
# Case syntax: one `sh -c` command line per line; blank lines and lines whose
# first non-blank character is '#' are skipped. See README.md here.
#   --no-build  use the existing build/native
#   -v          also print passing lines
#   -k REGEX    run only lines matching REGEX (grep -E)
# Prints each mismatch, then "N passed, N failed"; exits 1 if any failed.
set -uo pipefail
here=$(cd "$(dirname "$0")" && pwd)
pkg=$(cd "$here/../.." && pwd)

build=1 verbose=0 filter=
files=()
while [ $# -gt 0 ]; do
  case $1 in
    --no-build) build=0 ;;
    -v) verbose=1 ;;
    -k) filter=$2; shift ;;
    -h|--help) sed -n '2,22p' "$0" | sed 's/^# \{0,1\}//'; exit 0 ;;
    -*) echo "run-native.sh: unknown option $1" >&2; exit 2 ;;
    *) files+=("$1") ;;
  esac
  shift
done
[ ${#files[@]} -eq 0 ] && files=("$here"/cases/*.txt)
for i in "${!files[@]}"; do
  f=${files[$i]}
  [ -f "$f" ] || [ ! -f "$here/$f" ] || files[$i]=$here/$f
  [ -f "$f" ] || [ -f "$here/$f" ] || [ -f "$here/cases/$f" ] || { echo "run-native.sh: no case file $f" >&2; exit 2; }
  [ -f "${files[$i]}" ] || files[$i]=$here/cases/$f
done

if [ $build = 1 ]; then
  "$pkg/scripts/build-wasm.sh" --native >/dev/null || { echo "run-native.sh: native build failed" >&2; exit 2; }
fi
[ -x "$pkg/build/native/secure-exec-commands" ] || { echo "run-native.sh: no native build in $pkg/build/native" >&2; exit 2; }

tmp=$(mktemp -d "${TMPDIR:-/tmp}/se-diff.XXXXXX")
trap 'chmod -R u+rwx "$tmp" 2>/dev/null; rm -rf "$tmp"' EXIT
# A private copy of the build, so a rebuild running meanwhile cannot change what is tested.
ourbin=$tmp/bin
mkdir "$ourbin"
cp "$pkg/build/native/secure-exec-commands" "$tmp/secure-exec-commands"
for link in "$pkg"/build/native/bin/*; do ln -s ../secure-exec-commands "$ourbin/${link##*/}"; done
mkdir "$tmp/shbin"
ln -s "$(command -v sh)" "$tmp/shbin/sh"
cp -R "$here/fixtures" "$tmp/pristine"
sh "$here/make-fixtures.sh" "$tmp/pristine" || { echo "run-native.sh: make-fixtures.sh failed" >&2; exit 2; }

work=$tmp/w
ourpath=$ourbin:$tmp/shbin
gnupath=$PATH
timeout_bin=$(command -v timeout)

# run NAME PATH LINE: runs LINE in a fresh fixture copy; leaves NAME.out, NAME.err, NAME.rc in $tmp.
run() {
  chmod -R u+rwx "$work" 2>/dev/null
  rm -rf "$work"
  cp -a "$tmp/pristine" "$work"
  (cd "$work" && exec env -i PATH="$2" LC_ALL=C TZ=UTC HOME="$work" USER=user HOSTNAME=sandbox \
     TMPDIR="$work" "$timeout_bin" 20 sh -c "$3" </dev/null >"$tmp/$1.out" 2>"$tmp/$1.err")
  echo $? >"$tmp/$1.rc"
}

# prefixes FILE: each stderr line's leading "name:" (or the whole line if it has none).
prefixes() { sed -E 's/^([^:]*:).*/\1/' "$1"; }

show() { # show TITLE FILE: a file's first 20 lines, indented, with its size
  local n; n=$(wc -c <"$2")
  echo "  $1 ($n bytes):"
  head -c 2000 "$2" | head -n 20 | cat -A | sed 's/^/    | /'
}

passed=0 failed=0
for f in "${files[@]}"; do
  lineno=0
  while IFS= read -r line || [ -n "$line" ]; do
    lineno=$((lineno + 1))
    case $line in ''|'#'*) continue ;; esac
    trimmed=${line#"${line%%[![:space:]]*}"}
    case $trimmed in ''|'#'*) continue ;; esac
    if [ -n "$filter" ] && ! grep -Eq -- "$filter" <<<"$trimmed"; then continue; fi
    errcase=0 cmd=$trimmed
    case $trimmed in '@stderr '*) errcase=1 cmd=${trimmed#@stderr } ;; esac

    run ours "$ourpath" "$cmd"
    run gnu "$gnupath" "$cmd"
    why=()
    cmp -s "$tmp/ours.out" "$tmp/gnu.out" || why+=("stdout differs")
    [ "$(cat "$tmp/ours.rc")" = "$(cat "$tmp/gnu.rc")" ] ||
      why+=("exit status $(cat "$tmp/ours.rc"), GNU $(cat "$tmp/gnu.rc")")
    if [ $errcase = 1 ]; then
      [ "$(prefixes "$tmp/ours.err")" = "$(prefixes "$tmp/gnu.err")" ] || why+=("stderr shape differs")
    else
      [ -s "$tmp/ours.err" ] && [ ! -s "$tmp/gnu.err" ] && why+=("unexpected stderr")
      [ ! -s "$tmp/ours.err" ] && [ -s "$tmp/gnu.err" ] && why+=("missing stderr")
    fi
    if grep -q 'sh: [0-9]*: [^ ]*: not found' "$tmp/ours.err" && ! grep -q 'not found' "$tmp/gnu.err"; then
      why=("not implemented yet: $(grep -o '[^ ]*: not found' "$tmp/ours.err" | head -1)")
    fi
    rel=${f#"$here/"}
    if [ ${#why[@]} -eq 0 ]; then
      passed=$((passed + 1))
      [ $verbose = 1 ] && echo "ok   $rel:$lineno: $trimmed"
    else
      failed=$((failed + 1))
      echo "FAIL $rel:$lineno: $trimmed"
      echo "  ($(IFS=,; echo "${why[*]}"))"
      if ! cmp -s "$tmp/ours.out" "$tmp/gnu.out"; then
        echo "  diff gnu ours:"
        diff -a "$tmp/gnu.out" "$tmp/ours.out" | head -n 30 | cut -c1-200 | sed 's/^/    /'
      fi
      [ -s "$tmp/gnu.err" ] && show "gnu stderr" "$tmp/gnu.err"
      [ -s "$tmp/ours.err" ] && show "our stderr" "$tmp/ours.err"
    fi
  done <"$f"
done
echo "$passed passed, $failed failed"
[ $failed -eq 0 ]
