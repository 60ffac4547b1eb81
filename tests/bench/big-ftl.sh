#!/usr/bin/env bash
# Memory benchmark: a generated document of N messages (English units, layout, and a
# Spanish translation of every one) beside this repository's workspace, then `status` and
# `check` timed with /usr/bin/time (wall seconds, max RSS).
# Usage: tests/bench/big-ftl.sh [N=1000000] [FOLIO=target/release/folio]
# (builds the release binary first unless FOLIO is given).
set -euo pipefail
n=${1:-1000000}
root=$(cd "$(dirname "$0")/../.." && pwd)
folio=${2:-}
if [ -z "$folio" ]; then
  cargo build --release --quiet --manifest-path "$root/Cargo.toml" --package folio
  folio="$root/target/release/folio"
fi
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
cp -r "$root/folio.toml" "$root/source" "$root/locales" "$work/"
awk -v n="$n" 'BEGIN {
  for (i = 1; i <= n; i++) printf "big-p%d = Paragraph %d says something about cells and treatments.\n", i, i
}' >"$work/locales/en/big.ftl"
awk -v n="$n" 'BEGIN {
  for (i = 1; i <= n; i++) printf "big-p%d = El párrafo %d dice algo sobre células y tratamientos.\n", i, i
}' >"$work/locales/es/big.ftl"
awk -v n="$n" 'BEGIN {
  printf "{\n  \"title\": null,\n  \"description\": null,\n  \"blocks\": [\n"
  for (i = 1; i <= n; i++) printf "    {\n      \"block\": \"paragraph\",\n      \"id\": \"big-p%d\"\n    }%s\n", i, (i < n ? "," : "")
  printf "  ]\n}\n"
}' >"$work/locales/en/big.layout.json"
cd "$work"
echo "$n messages ($(du -h locales/en/big.ftl | cut -f1) English, $(nproc) cores)"
for command in "status es --format json" "status es" "check es --format json"; do
  /usr/bin/time -f "%e s  %M KB  folio $command" "$folio" $command >/dev/null 2>"$work/time" || true
  tail -n 1 "$work/time"
done
