#!/bin/sh
# A short fuzz run for CI: installs cargo-fuzz if missing, seeds the corpora from the
# fixtures, builds every target once and runs each for FUZZ_SECONDS (30 by default).
# Fails if any target finds a crash (a panic, i.e. a broken invariant), after running
# them all; the crashing inputs are left in fuzz/artifacts/<target>/.
#
#   FUZZ_TARGETS="split ftl"   run only these targets
#   FUZZ_SECONDS=60            seconds per target
#
# Needs the nightly toolchain. Built without a sanitizer: Folio forbids unsafe code, so
# the targets look for broken invariants, and run faster without one.
set -eu
cd "$(dirname "$0")/.."

targets=${FUZZ_TARGETS:-split ftl inline markdown}
seconds=${FUZZ_SECONDS:-30}

command -v cargo-fuzz >/dev/null 2>&1 || cargo install cargo-fuzz --locked
./fuzz/seed.sh
cargo +nightly fuzz build -s none

failed=""
for target in $targets; do
    echo "== fuzz $target for ${seconds}s"
    case $target in
        inline | markdown) dict=render ;;
        *) dict=$target ;;
    esac
    # -timeout: an input that takes this long is a finding too (quadratic behaviour).
    if ! cargo +nightly fuzz run -s none "$target" -- -dict="fuzz/dicts/$dict.dict" \
        -max_total_time="$seconds" -timeout=20 -rss_limit_mb=2048 -print_final_stats=1; then
        failed="$failed $target"
    fi
done

if [ -n "$failed" ]; then
    echo "fuzzing found crashes in:$failed (inputs in fuzz/artifacts/)" >&2
    exit 1
fi
echo "fuzzing found no crash in: $targets"
