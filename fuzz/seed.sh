#!/bin/sh
# Seeds the fuzz corpora (fuzz/corpus/<target>/) from the repository's fixtures and the
# hand-written seeds in fuzz/seeds/ (seeds/inline serves the inline and markdown
# targets). Files are named by their content hash, so running it again adds only what
# changed and never disturbs what the fuzzers found.
set -eu
cd "$(dirname "$0")/.."

add() { # add TARGET FILE: copy FILE into TARGET's corpus under its hash
    mkdir -p "fuzz/corpus/$1"
    cp "$2" "fuzz/corpus/$1/$(sha1sum < "$2" | cut -c1-40)"
}

add_found() { # add_found TARGET PATTERN: every file under locales/ and tests/fixtures/ whose path matches PATTERN
    find locales tests/fixtures -path "$2" | sort | while read -r f; do
        add "$1" "$f"
    done
}

# split: whole Markdown articles.
for f in source/*.md tests/fixtures/*/source/*.md fuzz/seeds/split/*; do
    if [ -f "$f" ]; then add split "$f"; fi
done

# ftl: whole Fluent files, Folio's own and the real-world corpora.
add_found ftl '*.ftl'
for f in fuzz/seeds/ftl/*; do
    if [ -f "$f" ]; then add ftl "$f"; fi
done

# inline and markdown: one unit's text per file, every value of every locale's units.
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
find locales -name '*.ftl' | sort | while read -r f; do
    sed -n 's/^[a-zA-Z][a-zA-Z0-9_-]* = //p' "$f"
done | while IFS= read -r value; do
    printf '%s' "$value" > "$tmp/unit"
    add inline "$tmp/unit"
    add markdown "$tmp/unit"
done
for target in inline markdown; do
    for f in fuzz/seeds/inline/*; do
        if [ -f "$f" ]; then add "$target" "$f"; fi
    done
done

# xliff: the XLIFF the repository exports (the snapshot's text, its header cut off) and
# hand-written files.
awk 'header >= 2 { print } /^---$/ { header++ }' tests/snapshots/xliff__es.xlf.snap > "$tmp/snapshot.xlf"
add xliff "$tmp/snapshot.xlf"
for f in fuzz/seeds/xliff/*; do
    if [ -f "$f" ]; then add xliff "$f"; fi
done

# terms: the repository's termbases, and hand-written ones (a NUL byte, then a
# translation to check).
for f in terms.toml tests/fixtures/*/terms.toml fuzz/seeds/terms/*; do
    if [ -f "$f" ]; then add terms "$f"; fi
done

# details: the front-matter details of every source, the base URL of folio.toml, and
# hand-written dates, names, front matter and URLs.
for f in source/*.md tests/fixtures/*/source/*.md; do
    sed -n 's/^\(date\|updated\|reviewed\|author\|reviewer\): *//p' "$f"
done | sort -u | while IFS= read -r value; do
    printf '%s' "$value" > "$tmp/detail"
    add details "$tmp/detail"
done
sed -n 's/^base-url *= *"\(.*\)".*/\1/p' folio.toml | while IFS= read -r value; do
    printf '%s' "$value" > "$tmp/detail"
    add details "$tmp/detail"
done
for f in fuzz/seeds/details/*; do
    if [ -f "$f" ]; then add details "$f"; fi
done

# record: every locale's records of confirmed English, and hand-written ones.
add_found record '*/confirmed/*.toml'
for f in fuzz/seeds/record/*; do
    if [ -f "$f" ]; then add record "$f"; fi
done

for target in split ftl inline markdown xliff terms details record; do
    echo "fuzz/corpus/$target: $(ls "fuzz/corpus/$target" | wc -l) inputs"
done
