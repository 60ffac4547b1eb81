#!/usr/bin/env bash
# Floor benchmark: Folio against the read-and-parse floor (folio-floor: every .ftl read and
# parsed once with fluent-syntax, on all cores), on generated trees and workspaces
# (folio-gen, deterministic). For each workload the two programs run paired, alternating,
# K times; the table gives median wall seconds, their ratio and median peak RSS
# (/usr/bin/time %M). Workloads:
#   tree check         folio check --locales T --reference en --format json, T a Fluent tree
#                      of 1000 (then 100) documents in en + 20 locales; floor on T
#   workspace status   folio status --format json in a workspace of 201 articles in 41
#                      locales; floor --records on its locales/ (the same for every
#                      workspace row): the translations and the records of confirmed
#                      English (TOML, as large as the translations) are both Folio's input
#   workspace check    folio check --format json, same workspace
#   workspace render   folio render --all --no-cache --out SITE, SITE moved aside before
#                      each run; then again over the SITE the last run made (unchanged pages are
#                      left alone); then with the render cache, nothing changed
#   no-op re-run       in a fresh copy of the workspace: folio check, then again; the
#                      second run's time over the first's
#   memory ratio       peak RSS of the 1000-document tree check over the 100-document one,
#                      and of status, check and render --all in workspaces of 1000 and 100
#                      articles (the repository's six locales)
# Folio exiting 1 (findings over the bar) is expected; 2 or more is reported as an error
# and makes the script exit 2 at the end.
# Usage: tests/bench/floor.sh [K=5] [FOLIO=target/release/folio]
# (builds folio-gen, folio-floor and, unless FOLIO is given, folio in release first).
# The sizes above are defaults; smaller ones for a quick try: TREE_DOCS=1000
# TREE_SMALL_DOCS=100 TREE_LOCALES=20 WS_ARTICLES=201 WS_LOCALES=41 BIG_ARTICLES=1000
# SMALL_ARTICLES=100 (the last two at the repository's six locales).
set -euo pipefail
runs=${1:-5}
tree_docs=${TREE_DOCS:-1000}
tree_small_docs=${TREE_SMALL_DOCS:-100}
tree_locales=${TREE_LOCALES:-20}
ws_articles=${WS_ARTICLES:-201}
ws_locales=${WS_LOCALES:-41}
big_articles=${BIG_ARTICLES:-1000}
small_articles=${SMALL_ARTICLES:-100}
folio=${2:-}
# shellcheck source=common.sh
source "$(dirname "$0")/common.sh"

# measure COMMAND...: runs it under /usr/bin/time; sets `seconds` (wall, from the clock
# around it) and `kib` (peak RSS). Exit status 1 is a verdict; 2 or more is an error.
measure() {
  local start end status
  start=$(date +%s%N)
  set +e
  /usr/bin/time -f '%M' -o "$work/rss" "$@" >"$work/stdout" 2>"$work/stderr"
  status=$?
  set -e
  end=$(date +%s%N)
  if [ "$status" -gt 1 ]; then
    echo "error: '$*' exited with status $status:" >&2
    head -n 5 "$work/stderr" >&2
    errors=$((errors + 1))
  fi
  seconds=$(awk -v ns=$((end - start)) 'BEGIN { printf "%.3f", ns / 1e9 }')
  kib=$(tail -n 1 "$work/rss")
}

# median VALUE...: the median of the values.
median() {
  printf '%s\n' "$@" | sort -g | awk '{ v[NR] = $1 } END {
    if (NR % 2) printf "%.3f", v[(NR + 1) / 2]; else printf "%.3f", (v[NR / 2] + v[NR / 2 + 1]) / 2 }'
}

mib() { awk -v k="$1" 'BEGIN { printf "%.1f", k / 1024 }'; }
ratio() { awk -v a="$1" -v b="$2" 'BEGIN { if (b > 0) printf "%.2f", a / b; else print "-" }'; }

rows=()
# pair LABEL 'FLOOR ARGS' [--before 'SHELL COMMAND'] -- FOLIO_ARGS...: runs folio and
# the floor (its arguments split at spaces) alternately $runs times (the shell command,
# untimed, before each folio run) and adds a table row; sets `folio_kib` to folio's
# median peak RSS.
pair() {
  local label=$1 before=":" floor_args
  read -ra floor_args <<<"$2"
  shift 2
  if [ "$1" = "--before" ]; then
    before=$2
    shift 2
  fi
  shift # --
  local folio_s=() folio_k=() floor_s=() floor_k=()
  echo "$label ..." >&2
  "$floor" "${floor_args[@]}" >/dev/null # warm the page cache
  for _ in $(seq 1 "$runs"); do
    eval "$before"
    measure "$folio" "$@"
    folio_s+=("$seconds")
    folio_k+=("$kib")
    measure "$floor" "${floor_args[@]}"
    floor_s+=("$seconds")
    floor_k+=("$kib")
  done
  local fs fl
  fs=$(median "${folio_s[@]}")
  fl=$(median "${floor_s[@]}")
  folio_kib=$(median "${folio_k[@]}")
  rows+=("| $label | $fs | $fl | $(ratio "$fs" "$fl") | $(mib "$folio_kib") | $(mib "$(median "${floor_k[@]}")") |")
}

echo "generating into $work ..." >&2
sizes=()
generate() {
  local line
  line=$("$gen" "$@")
  sizes+=("- ${line//$work\//}")
}
generate fluent-tree --documents "$tree_docs" --locales "$tree_locales" "$work/tree-big"
generate fluent-tree --documents "$tree_small_docs" --locales "$tree_locales" "$work/tree-small"
generate workspace --from "$root" --articles "$ws_articles" --locales "$ws_locales" "$work/ws"
generate workspace --from "$root" --articles "$big_articles" --locales 6 "$work/ws-big"
generate workspace --from "$root" --articles "$small_articles" --locales 6 "$work/ws-small"
sync

pair "tree ${tree_docs}x$tree_locales: check" "$work/tree-big" -- \
  check --locales "$work/tree-big" --reference en --format json
tree_big_kib=$folio_kib
pair "tree ${tree_small_docs}x$tree_locales: check" "$work/tree-small" -- \
  check --locales "$work/tree-small" --reference en --format json
tree_small_kib=$folio_kib

# Cold runs: --no-cache, so every repetition computes everything (the cache has its own
# measurement below).
cd "$work/ws"
pair "workspace ${ws_articles}x$ws_locales: status" "--records locales" -- status --format json --no-cache
pair "workspace ${ws_articles}x$ws_locales: check" "--records locales" -- check --format json --no-cache
# A cold render writes into a folder that does not exist. The last run's site is moved
# aside, not deleted, before each run (all are deleted after the row): ext4 is slow to
# reuse inodes freed within the last minute or so, which would time the deletion of the
# previous site and not the render, and a CI job starts on a fresh machine. The old sites
# go with the rest of the work folder at the end.
sites_aside=0
set_site_aside='mkdir -p "$work/old-sites" && if [ -e "$work/site" ]; then mv "$work/site" "$work/old-sites/$((sites_aside += 1))"; fi'
pair "workspace ${ws_articles}x$ws_locales: render --all" "--records locales" --before "$set_site_aside" -- \
  render --all --no-cache --out "$work/site"
# Again over the site just made, every page rendered again: the old site's pages are
# hard-linked into the new one and left alone when unchanged, so no file is created.
pair "workspace ${ws_articles}x$ws_locales: render --all over its last site" "--records locales" -- \
  render --all --no-cache --out "$work/site"
# And with the render cache, nothing changed since the run before (one untimed run fills
# the cache): each article's pages are kept as the site has them once they hash as
# recorded.
"$folio" render --all --out "$work/site" >/dev/null || [ $? -eq 1 ]
pair "workspace ${ws_articles}x$ws_locales: render --all, nothing changed" "--records locales" -- \
  render --all --out "$work/site"
eval "$set_site_aside"

# The no-op re-run: a fresh copy of the workspace (and an empty cache) each time, so the
# first run is cold for anything Folio might keep between runs. The copy settles for
# three seconds first: the cache trusts a file's stamp without reading it only when the
# file is older than the run that recorded it by two seconds (an edit within the file
# system's timestamp tick could hide behind a newer stamp); a copy checked at once is
# correctly read again on the second run.
echo "no-op re-run ..." >&2
first_s=() first_k=() again_s=() again_k=() noop_floor_s=()
for i in $(seq 1 "$runs"); do
  rm -rf "$work/noop"
  cp -a "$work/ws" "$work/noop"
  sync
  sleep 3
  cd "$work/noop"
  export XDG_CACHE_HOME="$work/noop-cache-$i"
  measure "$folio" check --format json
  first_s+=("$seconds")
  first_k+=("$kib")
  measure "$folio" check --format json
  again_s+=("$seconds")
  again_k+=("$kib")
  measure "$floor" --records locales
  noop_floor_s+=("$seconds")
done
export XDG_CACHE_HOME="$work/cache"
cd "$work"
rm -rf "$work/noop" "$work"/noop-cache-*
first=$(median "${first_s[@]}")
again=$(median "${again_s[@]}")
noop_floor=$(median "${noop_floor_s[@]}")
rows+=("| workspace ${ws_articles}x$ws_locales: check, first run in a fresh copy | $first | $noop_floor | $(ratio "$first" "$noop_floor") | $(mib "$(median "${first_k[@]}")") | - |")
rows+=("| workspace ${ws_articles}x$ws_locales: check, no-op re-run | $again | $noop_floor | $(ratio "$again" "$noop_floor") | $(mib "$(median "${again_k[@]}")") | - |")

cd "$work/ws-big"
pair "workspace ${big_articles}x6: status" "--records locales" -- status --format json --no-cache
ws_status_big=$folio_kib
pair "workspace ${big_articles}x6: check" "--records locales" -- check --format json --no-cache
ws_check_big=$folio_kib
pair "workspace ${big_articles}x6: render --all" "--records locales" --before "$set_site_aside" -- \
  render --all --no-cache --out "$work/site"
ws_render_big=$folio_kib
eval "$set_site_aside"
cd "$work/ws-small"
pair "workspace ${small_articles}x6: status" "--records locales" -- status --format json --no-cache
ws_status_small=$folio_kib
pair "workspace ${small_articles}x6: check" "--records locales" -- check --format json --no-cache
ws_check_small=$folio_kib
pair "workspace ${small_articles}x6: render --all" "--records locales" --before "$set_site_aside" -- \
  render --all --no-cache --out "$work/site"
ws_render_small=$folio_kib
eval "$set_site_aside"

cd "$work"

echo "## Folio against the read-and-parse floor"
echo
echo "$(nproc) cores, K=$runs paired runs, medians; $("$folio" --version 2>/dev/null || echo 'folio ?')," \
  "commit $(git -C "$root" rev-parse --short HEAD 2>/dev/null || echo '?')"
echo
echo "Inputs:"
printf '%s\n' "${sizes[@]}"
echo
echo "| workload | folio median s | floor median s | ratio | folio peak MiB | floor peak MiB |"
echo "|---|---:|---:|---:|---:|---:|"
printf '%s\n' "${rows[@]}"
echo
echo "- no-op re-run over first run: $(ratio "$again" "$first")"
echo "- peak memory, tree check $tree_docs docs over $tree_small_docs: $(ratio "$tree_big_kib" "$tree_small_kib")"
echo "- peak memory, workspace status $big_articles articles over $small_articles: $(ratio "$ws_status_big" "$ws_status_small")"
echo "- peak memory, workspace check $big_articles articles over $small_articles: $(ratio "$ws_check_big" "$ws_check_small")"
echo "- peak memory, workspace render --all $big_articles articles over $small_articles: $(ratio "$ws_render_big" "$ws_render_small")"
if [ "$errors" -gt 0 ]; then
  echo "$errors run(s) failed with a real error (exit status 2 or more); see above" >&2
  exit 2
fi
