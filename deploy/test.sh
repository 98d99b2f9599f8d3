#!/usr/bin/env bash
# The test command: builds and runs every test project against a throwaway PostgreSQL cluster,
# then prints one line "N passed, N failed, N skipped" and exits non-zero on any failure.
# Installs what is missing (Debian packages, npm packages, NuGet restore). Safe to run twice.
set -euo pipefail
ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
cd "$ROOT"
. deploy/lib/common.sh

ensure_toolchain
# chromium: Playwright tests drive Debian's browser (Playwright's own download is not reachable).
# fonts-ipaexfont-gothic: PDFs in Japanese. fonts-noto-cjk: the pages in ja, zh-Hans, zh-Hant and ko (CjkFontTests).
# pcscd, vsmartcard-vpcd, socat: device-driver tests. redis-server: the two-node tests start their own (no service is enabled).

ensure_packages chromium fonts-ipaexfont-gothic fonts-noto-cjk pcscd vsmartcard-vpcd socat ffmpeg qpdf redis-server

WORK=$(mktemp -d /tmp/pgate-test.XXXXXX)
chmod 755 "$WORK"
PGDATA_DIR="$WORK/pg"
cleanup() {
  pcscd_stop
  pg_stop "$PGDATA_DIR"
  rm -rf "$WORK"
}
trap cleanup EXIT

log "building"
dotnet build PassengerGate.sln -c Debug -nologo -v:q -clp:ErrorsOnly >"$WORK/build.log" 2>&1 \
  || { cat "$WORK/build.log"; echo "0 passed, 1 failed"; exit 1; }

PORT=$(free_port)
PG_FSYNC=off pg_init "$PGDATA_DIR"
# Three test assemblies run at once, each with several services and their connection pools (each capped at 30 by
# TestDatabase): 200 connections, PostgreSQL's default here, ran out on a fast idle machine.
PG_FSYNC=off PG_MAX_CONNECTIONS=1000 pg_start "$PGDATA_DIR" "$PORT"
export PASSENGERGATE_TEST_PG="Host=127.0.0.1;Port=$PORT;Username=postgres;Include Error Detail=true"
export PASSENGERGATE_SHARED="${PASSENGERGATE_SHARED:-$ROOT/../shared}"
log "PostgreSQL for tests on 127.0.0.1:$PORT"

# One pcscd with the vpcd reader for the whole run; the PC/SC test fixtures only wait for its reader.
pcscd_start "$WORK/pcscd.log" dotnet "$ROOT/src/PassengerGate.Cli/bin/Debug/net10.0/pgate.dll" chip readers --wait "Virtual PCD 00 00"

set +e
dotnet test PassengerGate.sln --no-build -nologo --logger "trx" --results-directory "$WORK/results" "$@" 2>&1 \
  | grep -vE '^\s*$|^Results File:' | tee "$WORK/test.log"
status=${PIPESTATUS[0]}
set -e

passed=0; failed=0; total=0
for trx in "$WORK"/results/*.trx; do
  [ -f "$trx" ] || continue
  counters=$(grep -o '<Counters [^>]*>' "$trx" | head -1)
  get() { printf '%s' "$counters" | grep -o " $1=\"[0-9]*\"" | grep -o '[0-9]*'; }
  total=$(( total + $(get total) )); passed=$(( passed + $(get passed) )); failed=$(( failed + $(get failed) ))
done
skipped=$(( total - passed - failed ))
if [ "$status" -ne 0 ] && [ "$failed" -eq 0 ]; then
  log "dotnet test exited $status without a failed test (a test host crashed or a project did not run)"
  failed=1
fi
echo "$passed passed, $failed failed, $skipped skipped"
[ "$failed" -eq 0 ] && [ "$status" -eq 0 ]
