#!/usr/bin/env bash
# Scale benchmark: a workspace of N copies of this repository's article in its six locales,
# then extract, status, check and render timed with /usr/bin/time (wall seconds, max RSS).
# Usage: tests/bench/scale.sh [N=500]   (builds the release binary first)
set -euo pipefail
n=${1:-500}
root=$(cd "$(dirname "$0")/../.." && pwd)
cargo build --release --quiet --manifest-path "$root/Cargo.toml"
folio="$root/target/release/folio"
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
cp -r "$root/folio.toml" "$root/source" "$root/locales" "$work/"
article=immunotherapy-multiple-myeloma
for i in $(seq 1 "$n"); do
  cp "$work/source/$article.md" "$work/source/$article-$i.md"
  cp "$work/locales/en/$article.ftl" "$work/locales/en/$article-$i.ftl"
  cp "$work/locales/en/$article.layout.json" "$work/locales/en/$article-$i.layout.json"
  for l in ar de es fr pt-BR zh-Hans; do
    cp "$work/locales/$l/$article.ftl" "$work/locales/$l/$article-$i.ftl"
    cp "$work/locales/$l/confirmed/$article.toml" "$work/locales/$l/confirmed/$article-$i.toml"
  done
done
cd "$work"
echo "$((n + 1)) articles x 6 locales ($(nproc) cores)"
for command in "extract" "extract --check" "status --format json" "check --format json" "render --all --out site"; do
  /usr/bin/time -f "%e s  %M KB  folio $command" "$folio" $command >/dev/null 2>"$work/time" || true
  tail -n 1 "$work/time"
done
