#!/usr/bin/env bash
# Installs the pinned axe-core (package-lock.json beside this script) into target/axe,
# where tests/browser.rs looks for it (or AXE_CORE=/path/to/axe.min.js). Needs npm.
set -euo pipefail
cd "$(dirname "$0")/../.."
mkdir -p target/axe
cp tests/axe/package.json tests/axe/package-lock.json target/axe/
npm ci --prefix target/axe --no-audit --no-fund --silent
test -f target/axe/node_modules/axe-core/axe.min.js
