#!/usr/bin/env bash
# The unit and API tests (PGlite) on another Node.js release than the machine's: the binary comes
# from the npm registry's `node` package (npm exec puts it first on PATH, so vitest and its workers
# run on it). Usage: bash tests/runtimes.sh [version]; default 24.21.0, Node 24 LTS.
# Writes .ci/out/vitest-node<major>.json beside the other runners' results.
set -euo pipefail
cd "$(dirname "$0")/.."
version=${1:-24.21.0}
mkdir -p .ci/out
out=".ci/out/vitest-node${version%%.*}.json"
# The tests choose PGlite and memory rate limits when these are unset.
env -u DATABASE_URL -u REDIS_URL npm exec --yes --package="node@$version" -- bash -c '
  set -euo pipefail
  actual=$(node --version)
  echo "unit + API tests on Node.js $actual"
  [ "$actual" = "v$1" ] || { echo "expected Node.js v$1 on PATH, got $actual" >&2; exit 1; }
  npx vitest run --project unit --project api --reporter=default --reporter=json --outputFile="$2"
' runtimes "$version" "$out"
