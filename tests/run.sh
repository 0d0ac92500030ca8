#!/usr/bin/env bash
# Every test, in the order CI runs them (`npm test`). Prints a final "N passed, N failed".
#   1. verify: format, lint, typecheck; npm audit of the production dependencies (tests/audit.sh)
#   2. unit + API tests on PGlite, then the client libraries against a server on PGlite
#   3. unit + API tests again on PostgreSQL (a fresh database per test file) with Redis rate
#      limits, on the newest supported Node.js; then the faults (tests/faults: each starts its own
#      PostgreSQL, Redis or server and breaks it) and three instances behind a proxy
#   4. production build, then Playwright (Debian chromium) against the production server
#   5. a 60 s soak of mixed traffic on the production server (tests/soak/run.ts)
# The fuzzer runs inside the API tests, bounded (tests/api/fuzz.test.ts; `npm run fuzz` for more).
# An "unhandled error" in the server's log fails the run: tests/api/setup.ts for the API tests,
# a look at the browser-test server's log here.
set -uo pipefail
cd "$(dirname "$0")/.."
out=.ci/out
rm -rf "$out" && mkdir -p "$out"
failed_stages=()
stage() { printf '\n=== %s\n' "$1"; }
fail() { failed_stages+=("$1"); }

pg_admin_url=${TEST_DATABASE_URL:-postgres://postgres@127.0.0.1:5432/postgres}
redis_url=${TEST_REDIS_URL:-redis://127.0.0.1:6379}
# The newest supported Node.js (docs/operations.md): the PostgreSQL stage runs on it, from the npm
# registry's `node` package; the rest runs on the `node` on PATH (.ci/run puts the oldest there).
NODE_NEWEST=24.21.0
on_node() { local version=$1; shift; npm exec --yes --package="node@$version" -- "$@"; }

ensure_services() {
  # CI machines start PostgreSQL and Redis before the session; start them if they stopped.
  if ! pg_isready -q -h 127.0.0.1 -p 5432 2>/dev/null && command -v pg_ctlcluster >/dev/null; then
    pg_ctlcluster --skip-systemctl-redirect "$(ls /etc/postgresql | head -1)" main start || true
  fi
  if ! redis-cli -h 127.0.0.1 ping >/dev/null 2>&1 && command -v redis-server >/dev/null; then
    redis-server --daemonize yes --bind 127.0.0.1 --port 6379 --save "" --appendonly no >/dev/null || true
  fi
}

ensure_chromium() {
  [ -x /usr/bin/chromium ] && return 0
  if [ "$(id -u)" = 0 ]; then
    (apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium) >"$out/apt.log" 2>&1
  else
    echo "Debian's chromium is needed for the browser tests: sudo apt-get install -y chromium" >&2
  fi
  [ -x /usr/bin/chromium ]
}

stage "verify (format, lint, typecheck)"
npm run -s verify || fail verify

stage "dependencies (npm audit --omit=dev: no high or critical advisory)"
timeout 180 bash tests/audit.sh || fail "npm audit"

stage "unit + API tests on PGlite (Node.js $(node --version))"
npx vitest run --project unit --project api --reporter=default --reporter=json --outputFile="$out/vitest-pglite.json" || fail "tests (PGlite)"

stage "client libraries (the packed npm SDK in a fresh project, the Python client)"
bash tests/clients/run.sh || fail "client libraries"

stage "unit + API tests on PostgreSQL + Redis (Node.js $(on_node "$NODE_NEWEST" node --version))"
ensure_services
if pg_isready -q -h 127.0.0.1 -p 5432 && redis-cli -h 127.0.0.1 ping >/dev/null 2>&1; then
  DATABASE_URL="$pg_admin_url" REDIS_URL="$redis_url" on_node "$NODE_NEWEST" npx vitest run --project unit --project api --reporter=default --reporter=json --outputFile="$out/vitest-postgres.json" || fail "tests (PostgreSQL)"
  stage "faults and three instances (each starts its own databases and servers)"
  # Side by side: both mostly wait (on restarts, retries and the scheduler's minute), so the
  # instances run in the background with their output kept apart, then printed.
  DATABASE_URL="$pg_admin_url" REDIS_URL="$redis_url" npx vitest run --project instances --reporter=default --reporter=json --outputFile="$out/vitest-instances.json" >"$out/instances.log" 2>&1 &
  instances=$!
  npx vitest run --project faults --reporter=default --reporter=json --outputFile="$out/vitest-faults.json" || fail "faults"
  wait "$instances" || fail "instances"
  cat "$out/instances.log"
elif [ "${CI:-}" = "true" ]; then
  echo "PostgreSQL or Redis is not reachable on 127.0.0.1" && fail "tests (PostgreSQL)"
else
  echo "skipped: no PostgreSQL/Redis on 127.0.0.1 (CI runs this stage)"
fi

stage "production build"
if npm run -s build >"$out/build.log" 2>&1; then
  tail -25 "$out/build.log"
  stage "browser tests (Playwright, Debian chromium, production server)"
  if ensure_chromium; then
    PLAYWRIGHT_JSON_OUTPUT_NAME="$out/playwright.json" npx playwright test --reporter=list,json 2>&1 |
      tee "$out/playwright.log"
    [ "${PIPESTATUS[0]}" -eq 0 ] || fail "browser tests"
    # The server's log (its stderr reaches this output): a 500 that a page caused is a defect.
    if grep -a '"msg":"unhandled error"' "$out/playwright.log"; then
      fail "server logged unhandled errors during the browser tests"
    fi
  else
    fail "browser tests (no chromium)"
  fi
  stage "reliability at scale, bounded (soak: 60 s of mixed traffic on PostgreSQL)"
  SOAK_DB=postgres SOAK_SECONDS=60 npm run -s soak 2>&1 | tee "$out/soak.log"
  [ "${PIPESTATUS[0]}" -eq 0 ] || fail "soak"
else
  tail -60 "$out/build.log"
  fail build
fi

# One closing line over every runner's results.
node -e '
  const fs = require("fs");
  let passed = 0, failed = 0, skipped = 0;
  for (const f of ["vitest-pglite.json", "vitest-postgres.json", "vitest-faults.json", "vitest-instances.json"]) {
    try {
      const r = JSON.parse(fs.readFileSync(".ci/out/" + f, "utf8"));
      passed += r.numPassedTests; failed += r.numFailedTests; skipped += r.numPendingTests + r.numTodoTests;
    } catch {}
  }
  try {
    const s = JSON.parse(fs.readFileSync(".ci/out/playwright.json", "utf8")).stats;
    passed += s.expected + s.flaky; failed += s.unexpected; skipped += s.skipped;
  } catch {}
  const stages = process.argv[1] ? process.argv[1].split("|").filter(Boolean) : [];
  if (stages.length) console.log("\nFailed stages: " + stages.join(", "));
  if (stages.length && failed === 0) failed = stages.length; // a stage that failed before its tests ran
  console.log(`\n${passed} passed, ${failed} failed` + (skipped ? `, ${skipped} skipped` : ""));
' "$(IFS='|'; echo "${failed_stages[*]:-}")"

[ ${#failed_stages[@]} -eq 0 ]
