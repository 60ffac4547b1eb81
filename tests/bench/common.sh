# Sourced by floor.sh and instructions.sh: builds what they run and makes their work
# folder (removed on exit). Expects `folio` to be a Folio binary's path, or empty to build
# and use target/release/folio; sets root, folio, gen, floor, work and errors.
root=$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)
target=${CARGO_TARGET_DIR:-$root/target}
if [ -z "$folio" ]; then
  cargo build --release --quiet --manifest-path "$root/Cargo.toml" --package folio
  folio="$target/release/folio"
else
  folio=$(cd "$(dirname "$folio")" && pwd)/$(basename "$folio")
fi
# folio-gen and folio-floor are examples of folio-bench (its Cargo.toml says why).
cargo build --release --quiet --manifest-path "$root/Cargo.toml" --package folio-bench --examples
gen="$target/release/examples/folio-gen"
floor="$target/release/examples/folio-floor"
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
# A cache Folio may keep outside the workspace goes here, not into the user's.
export XDG_CACHE_HOME="$work/cache"
errors=0
