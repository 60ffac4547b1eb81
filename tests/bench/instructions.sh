#!/usr/bin/env bash
# Instruction counts: Folio against the read-and-parse floor, each run once under
# valgrind's callgrind. Instructions are the work a run does on all its threads, not its
# wall time, and they are the same for the same binary and input whatever else the
# machine is doing: compare two builds with this where floor.sh's wall times are too noisy
# to tell a few percent apart. The inputs are floor.sh's, smaller (callgrind runs a
# program some fifty times slower):
#   tree check         folio check --locales T --reference en --format json, T a Fluent
#                      tree of 100 documents in en + 20 locales; floor on T
#   workspace status   folio status --format json --no-cache in a workspace of 10 articles
#                      in 42 locales; floor --records on its locales/ (every workspace row)
#   workspace check    folio check --format json --no-cache, same workspace
#   workspace render   folio render --all --no-cache --out SITE into a SITE that does not
#                      exist; then with the render cache, nothing changed (after an
#                      uncounted run that fills it)
# Needs valgrind (Debian's package). Folio exiting 1 (findings over the bar) is expected;
# 2 or more makes the script exit 2 at the end.
# Usage: tests/bench/instructions.sh [FOLIO=target/release/folio]
# (builds folio-gen, folio-floor and, unless FOLIO is given, folio in release first).
# Sizes: TREE_DOCS=100 TREE_LOCALES=20 WS_ARTICLES=10 WS_LOCALES=42.
set -euo pipefail
tree_docs=${TREE_DOCS:-100}
tree_locales=${TREE_LOCALES:-20}
ws_articles=${WS_ARTICLES:-10}
ws_locales=${WS_LOCALES:-42}
if ! command -v valgrind >/dev/null; then
  echo "error: valgrind is not installed (apt-get install valgrind)" >&2
  exit 2
fi
folio=${1:-}
# shellcheck source=common.sh
source "$(dirname "$0")/common.sh"

# count COMMAND...: runs it once under callgrind; sets `instructions`.
count() {
  local status
  set +e
  valgrind --tool=callgrind --callgrind-out-file="$work/callgrind.out" "$@" \
    >"$work/stdout" 2>"$work/stderr"
  status=$?
  set -e
  if [ "$status" -gt 1 ]; then
    echo "error: '$*' exited with status $status:" >&2
    grep -v '^==' "$work/stderr" | head -n 5 >&2
    errors=$((errors + 1))
  fi
  instructions=$(sed -n 's/^==[0-9]*== Collected : //p' "$work/stderr")
  if [ -z "$instructions" ]; then
    instructions=$(sed -n 's/^summary: //p' "$work/callgrind.out")
  fi
}

millions() { awk -v n="$1" 'BEGIN { printf "%.1f", n / 1e6 }'; }
ratio() { awk -v a="$1" -v b="$2" 'BEGIN { if (b > 0) printf "%.2f", a / b; else print "-" }'; }

rows=()
# row LABEL 'FLOOR ARGS' -- FOLIO_ARGS...: counts both and adds a table row. The floor's
# count is kept by its arguments: every workspace row shares one.
declare -A floor_counts
row() {
  local label=$1 key="$2 in $PWD" floor_args
  read -ra floor_args <<<"$2"
  shift 3
  echo "$label ..." >&2
  if [ -z "${floor_counts[$key]:-}" ]; then
    count "$floor" "${floor_args[@]}"
    floor_counts[$key]=$instructions
  fi
  local floor_instructions=${floor_counts[$key]}
  count "$folio" "$@"
  rows+=("| $label | $(millions "$instructions") | $(millions "$floor_instructions") | $(ratio "$instructions" "$floor_instructions") |")
}

echo "generating into $work ..." >&2
"$gen" fluent-tree --documents "$tree_docs" --locales "$tree_locales" "$work/tree" >/dev/null
"$gen" workspace --from "$root" --articles "$ws_articles" --locales "$ws_locales" "$work/ws" >/dev/null

row "tree ${tree_docs}x$tree_locales: check" "$work/tree" -- \
  check --locales "$work/tree" --reference en --format json
cd "$work/ws"
ws="workspace ${ws_articles}x$ws_locales"
row "$ws: status" "--records locales" -- status --format json --no-cache
row "$ws: check" "--records locales" -- check --format json --no-cache
row "$ws: render --all" "--records locales" -- render --all --no-cache --out "$work/site-cold"
"$folio" render --all --out "$work/site" >/dev/null || [ $? -eq 1 ]
row "$ws: render --all, nothing changed" "--records locales" -- render --all --out "$work/site"

echo
echo "| workload | Folio (M instructions) | floor (M instructions) | ratio |"
echo "|---|---:|---:|---:|"
printf '%s\n' "${rows[@]}"
if [ "$errors" -gt 0 ]; then
  exit 2
fi
