#!/usr/bin/env bash
# The client libraries against a real server (issue 16): packs @brainsait/store-sdk, installs the
# tarball in a fresh project, type-checks an integrator's file against its declarations and runs
# the integration guide's JavaScript calls, then the Python client's unittest suite (installed
# with pip into a scratch folder), all against one Store API on PGlite that this script starts
# on a free port and stops.
set -euo pipefail
cd "$(dirname "$0")/../.."
repo=$PWD
work=$(mktemp -d)
server_pid=
cleanup() {
  [ -n "$server_pid" ] && kill "$server_pid" 2>/dev/null && wait "$server_pid" 2>/dev/null
  rm -rf "$work"
}
trap cleanup EXIT

password=client-tests-owner
DATA_DIR="$work/data" PORT=0 WEBHOOKS_ALLOW_PRIVATE=1 DEMO_PASSWORD=$password LOG_LEVEL=warn \
  node --import tsx tests/clients/server.ts >"$work/server.log" 2>&1 &
server_pid=$!

echo "--- npm run sdk:pack"
npx tsx clients/js/build.ts
tarball=$(ls "$repo"/.sdk-pack/brainsait-store-sdk-*.tgz)

echo "--- a fresh project installs the tarball"
mkdir "$work/app"
cp tests/clients/js/guide.mjs tests/clients/js/types-check.ts "$work/app/"
cat >"$work/app/package.json" <<'JSON'
{ "name": "guide-check", "private": true, "type": "module" }
JSON
cat >"$work/app/tsconfig.json" <<'JSON'
{
  "compilerOptions": {
    "target": "ES2022", "module": "NodeNext", "moduleResolution": "NodeNext",
    "lib": ["ES2023", "DOM"], "types": [], "strict": true, "noEmit": true
  },
  "files": ["types-check.ts"]
}
JSON
(cd "$work/app" && npm install --no-audit --no-fund --offline --loglevel=error "$tarball")
[ ! -d "$work/app/node_modules/zod" ] || { echo "the package pulled in zod" >&2; exit 1; }
(cd "$work/app" && node "$repo/node_modules/typescript/bin/tsc" -p .)
echo "types: ok"

echo "--- python: pip install ./clients/python"
python3 -m pip install --quiet --no-deps --disable-pip-version-check --root-user-action=ignore \
  --target "$work/py" ./clients/python

for _ in $(seq 240); do
  grep -q '^ready ' "$work/server.log" && break
  kill -0 "$server_pid" 2>/dev/null || { cat "$work/server.log"; exit 1; }
  sleep 0.5
done
port=$(sed -n 's/^ready \([0-9]*\)$/\1/p' "$work/server.log")
[ -n "$port" ] || { echo "the server did not start" >&2; cat "$work/server.log"; exit 1; }
export STORE_API_URL="http://127.0.0.1:$port" STORE_PASSWORD=$password

echo "--- the guide's JavaScript against $STORE_API_URL"
(cd "$work/app" && node guide.mjs)

echo "--- python client tests"
cp -r clients/python/tests "$work/py_tests"
(cd "$work" && PYTHONPATH="$work/py" python3 -m unittest discover -s py_tests -t . -v 2>&1) |
  tee "$work/python.log" | tail -25
grep -q '^OK' "$work/python.log"
