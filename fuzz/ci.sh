#!/bin/sh
# A short fuzz run for CI: installs cargo-fuzz if missing, seeds the corpora from the
# fixtures, builds every target once and runs each for FUZZ_RUNS inputs (5000 by default)
# from a fixed seed, so the same code gets the same verdict on every run: a CI failure is
# a finding to reproduce, never chance. Long sessions (fuzz/README.md) look further.
# Fails if any target finds a crash (a panic, i.e. a broken invariant), after running
# them all; the crashing inputs are left in fuzz/artifacts/<target>/.
#
#   FUZZ_TARGETS="split ftl"   run only these targets
#   FUZZ_RUNS=20000            inputs per target
#   FUZZ_SEED=7                another fixed seed
#
# Needs the nightly toolchain. Built without a sanitizer: Folio forbids unsafe code, so
# the targets look for broken invariants, and run faster without one.
set -eu
cd "$(dirname "$0")/.."

targets=${FUZZ_TARGETS:-split ftl inline markdown xliff terms details record}
runs=${FUZZ_RUNS:-5000}
seed=${FUZZ_SEED:-1}

command -v cargo-fuzz >/dev/null 2>&1 || cargo install cargo-fuzz --locked
./fuzz/seed.sh
cargo +nightly fuzz build -s none

failed=""
for target in $targets; do
    echo "== fuzz $target: $runs inputs from seed $seed"
    case $target in
        inline | markdown) dict=render ;;
        *) dict=$target ;;
    esac
    # -timeout: an input that takes this long is a finding too (quadratic behaviour).
    if ! cargo +nightly fuzz run -s none "$target" -- -dict="fuzz/dicts/$dict.dict" \
        -seed="$seed" -runs="$runs" -timeout=20 -rss_limit_mb=2048 -print_final_stats=1; then
        failed="$failed $target"
    fi
done

if [ -n "$failed" ]; then
    echo "fuzzing found crashes in:$failed (inputs in fuzz/artifacts/)" >&2
    exit 1
fi
echo "fuzzing found no crash in: $targets"
