#!/usr/bin/env bash
# Every test: lint and type check, a production build; unit, data-layer and server-process tests (PGlite and
# PostgreSQL); then the end-to-end tests in Chromium against the build, on PGlite and on PostgreSQL.
set -euo pipefail
cd "$(dirname "$0")/.."

# Next must not send usage reports from a test run either.
export NEXT_TELEMETRY_DISABLED=1
export TEST_POSTGRES_URL="${TEST_POSTGRES_URL:-postgres://postgres@127.0.0.1:5432/postgres}"
export CHROMIUM_PATH="${CHROMIUM_PATH:-/usr/bin/chromium}"

# PostgreSQL for the data-layer and e2e tests: start the local cluster where it is installed but stopped.
if ! pg_isready -q -h 127.0.0.1 -p 5432 2>/dev/null; then
  if [ "$(id -u)" = 0 ] && command -v pg_ctlcluster >/dev/null && [ -d /etc/postgresql ]; then
    echo "PostgreSQL không chạy: đang khởi động cụm cục bộ…"
    pg_ctlcluster --skip-systemctl-redirect "$(ls /etc/postgresql | head -n 1)" main start
    for _ in $(seq 1 30); do pg_isready -q -h 127.0.0.1 -p 5432 && break; sleep 1; done
  fi
fi

# Debian's Chromium for Playwright: Playwright cannot download its own browser on these machines.
if [ ! -x "$CHROMIUM_PATH" ]; then
  if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null; then
    echo "Chưa có Chromium: đang cài từ apt…"
    apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium >/dev/null
  else
    echo "Cần Chromium tại $CHROMIUM_PATH (sudo apt-get install chromium) hoặc đặt CHROMIUM_PATH." >&2
    exit 1
  fi
fi

# nginx and redis-server for the several-instances process test (tests/integration/scale-process.test.ts),
# which runs both as its own children on free ports: the system services are neither used nor started.
missing=()
command -v nginx >/dev/null || [ -x /usr/sbin/nginx ] || missing+=(nginx)
command -v redis-server >/dev/null || missing+=(redis-server)
if [ "${#missing[@]}" -gt 0 ]; then
  if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null; then
    echo "Chưa có ${missing[*]}: đang cài từ apt…"
    # Their packages would start the services (nginx on port 80): policy-rc.d 101 forbids that
    # during the install, and is removed after unless it was there before.
    policy_added=""
    if [ ! -e /usr/sbin/policy-rc.d ]; then
      printf '#!/bin/sh\nexit 101\n' > /usr/sbin/policy-rc.d && chmod +x /usr/sbin/policy-rc.d && policy_added=1
    fi
    apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${missing[@]}" >/dev/null
    if [ -n "$policy_added" ]; then rm -f /usr/sbin/policy-rc.d; fi
  else
    echo "Thiếu ${missing[*]} (sudo apt-get install ${missing[*]}): bỏ qua phép thử nhiều máy chủ." >&2
  fi
fi

# Cheap checks first: the linter (with the layer rules) and the type check.
npm run lint
npm run typecheck

# The build comes next: the server-process tests in vitest run the production server.
npx next build

# The several-instances test loads both cores for a few minutes: alone, after the others, so it
# neither slows their timed server tests nor is slowed by them.
npx vitest run --exclude tests/integration/scale-process.test.ts
npx vitest run tests/integration/scale-process.test.ts

# The ISR cache on disk belongs to one database: each e2e run starts on an empty one.
for db in pglite postgres; do
  if [ "$db" = postgres ] && ! pg_isready -q -h 127.0.0.1 -p 5432 2>/dev/null; then
    if [ -n "${CI:-}" ]; then echo "PostgreSQL is required in CI" >&2; exit 1; fi
    echo "PostgreSQL không trả lời tại 127.0.0.1:5432: bỏ qua phần e2e trên PostgreSQL."
    continue
  fi
  rm -rf .next/server/route-cache
  E2E_DB="$db" npx playwright test
done
