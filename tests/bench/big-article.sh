#!/usr/bin/env bash
# Id-matching benchmark: one generated article of P paragraphs (about 550 bytes each, 24 per
# section) beside this repository's article and locales, then, timed with /usr/bin/time
# (wall seconds, max RSS):
#   1. the first `extract` (no previous units),
#   2. `extract --check` and `extract` on the unchanged article (every unit matches by text),
#   3. `extract` after one word of each of the first E paragraphs was changed (every edited
#      unit is matched by similarity).
# Usage: tests/bench/big-article.sh [P=3000] [E=1000] [FOLIO=target/release/folio]
# (builds the release binary first unless FOLIO is given). About 95,000 paragraphs make
# a 50 MB article.
set -euo pipefail
paragraphs=${1:-3000}
edited=${2:-1000}
root=$(cd "$(dirname "$0")/../.." && pwd)
folio=${3:-}
if [ -z "$folio" ]; then
  cargo build --release --quiet --manifest-path "$root/Cargo.toml" --package folio
  folio="$root/target/release/folio"
fi
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
cp -r "$root/folio.toml" "$root/source" "$root/locales" "$work/"

# Paragraph i: 80 words drawn from a 5,000-word vocabulary by a fixed linear congruential
# generator, so every run writes the same bytes. A section heading every 24 paragraphs.
generate() {
  awk -v n="$paragraphs" -v edited="$1" 'BEGIN {
    printf "+++\ntitle = \"A generated article\"\ndescription = \"For timing id matching.\"\n+++\n\n"
    seed = 12345
    for (i = 1; i <= n; i++) {
      if (i % 24 == 1) printf "## Section %d\n\n", i
      line = ""
      for (w = 1; w <= 80; w++) {
        seed = (seed * 1103515245 + 12345) % 2147483648
        word = "w" int(seed / 65536) % 5000
        # An edit changes one word in the middle of the paragraph.
        if (i <= edited && w == 40) word = "edited"
        line = line (w > 1 ? " " : "") word
      }
      printf "%s.\n\n", line
    }
  }'
}
article="$work/source/generated.md"
generate 0 >"$article"
cd "$work"
echo "$paragraphs paragraphs ($(du -h "$article" | cut -f1)), $edited edited ($(nproc) cores)"
timed() {
  /usr/bin/time -f "%e s  %M KB  $1" "$folio" $2 >/dev/null 2>"$work/time" || true
  tail -n 1 "$work/time"
}
timed "extract (first)" "extract"
timed "extract --check (unchanged)" "extract --check"
timed "extract (unchanged)" "extract"
generate "$edited" >"$article"
timed "extract ($edited edited)" "extract"
