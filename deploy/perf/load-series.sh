#!/usr/bin/env bash
# The series behind docs/performance.md "Whole sessions under load": `pgate load` at several kiosk counts and both
# protocols against a service started by `deploy/run.sh` (defaults: its ports and state folder), with the CPU used by
# the service and by PostgreSQL (from /proc/<pid>/stat) and PostgreSQL's work per session (pg_stat_database deltas
# divided by the sessions stored), and the service's resident memory before the run and at its peak during it (with
# `--idle N`, N more kiosk connections held open and silent; compare with `--idle 0` for the memory each one adds).
# One JSON report per run in OUT, one summary line per run on stdout.
#
#   deploy/perf/load-series.sh [--kiosks "1 4 16 64"] [--protocols "json messagepack"] [--duration 60s] [--idle N] [--out DIR]
set -euo pipefail
ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)
cd "$ROOT"
KIOSKS="1 4 16 64"; PROTOCOLS="json messagepack"; DURATION=60s; IDLE=0; OUT=${TMPDIR:-/tmp}/pgate-load
while [ $# -gt 0 ]; do
  case "$1" in
    --kiosks) KIOSKS=$2; shift 2 ;;
    --protocols) PROTOCOLS=$2; shift 2 ;;
    --duration) DURATION=$2; shift 2 ;;
    --idle) IDLE=$2; shift 2 ;;
    --out) OUT=$2; shift 2 ;;
    -h|--help) sed -n '2,10p' "$0"; exit 0 ;;
    *) echo "unknown argument $1" >&2; exit 2 ;;
  esac
done
STATE=${PASSENGERGATE_HOME:-$ROOT/.local}
PG_PORT=${PASSENGERGATE_PG_PORT:-55432}
SERVICE_PORT=${PASSENGERGATE_SERVICE_PORT:-5300}
export PASSENGERGATE_DB="Host=127.0.0.1;Port=$PG_PORT;Username=postgres;Database=passengergate"
PSQL=(/usr/lib/postgresql/15/bin/psql -h 127.0.0.1 -p "$PG_PORT" -U postgres -d passengergate -At)
mkdir -p "$OUT"

service=$(pgrep -f "PassengerGate.Server.dll" | head -1) || { echo "no service running: start deploy/run.sh first" >&2; exit 1; }
postmaster=$(pgrep -f "bin/postgres -D" | head -1) || { echo "no PostgreSQL running" >&2; exit 1; }
ticks() { awk '{print $14+$15}' "/proc/$1/stat"; }
pg_ticks() {  # every live backend plus what exited children already used (cutime/cstime of the postmaster)
  local t; t=$(awk '{print $16+$17}' "/proc/$postmaster/stat")
  for p in $(pgrep -f "^postgres:|bin/postgres -D"); do [ -r "/proc/$p/stat" ] && t=$((t + $(ticks "$p"))); done
  echo "$t"
}
pg_work() { "${PSQL[@]}" -c "select xact_commit, tup_returned, tup_inserted+tup_updated+tup_deleted, (select count(*) from arrival_sessions) from pg_stat_database where datname='passengergate'" | tr '|' ' '; }
hz=$(getconf CLK_TCK)
rss_kb() { awk '/^VmRSS:/ {print $2}' "/proc/$service/status"; }
ulimit -n 65536 2>/dev/null || ulimit -n "$(ulimit -Hn)"   # the generator holds one socket per kiosk

for protocol in $PROTOCOLS; do
  for k in $KIOSKS; do
    report="$OUT/load-$k-$protocol-idle$IDLE.json"
    read -r x0 r0 w0 n0 < <(pg_work); s0=$(ticks "$service"); p0=$(pg_ticks); t0=$(date +%s.%N)
    m0=$(rss_kb); peak="$OUT/.peak"; echo "$m0" >"$peak"
    ( while sleep 1; do m=$(rss_kb) || break; [ "$m" -gt "$(cat "$peak")" ] && echo "$m" >"$peak"; done ) &
    sampler=$!
    dotnet src/PassengerGate.Cli/bin/Release/net10.0/pgate.dll load --url "https://127.0.0.1:$SERVICE_PORT" \
      --kiosks "$k" --idle "$IDLE" --consoles 2 --duration "$DURATION" --warmup 10s --protocol "$protocol" \
      --ca "$STATE/tls/service.crt" --trust-dir "$STATE/trust" \
      --officer demo-officer --officer-password-file "$STATE/staff/demo-officer.password" >"$report" || echo "pgate load exited non-zero (errors, or idle kiosks failed or dropped): see $report" >&2
    kill "$sampler" 2>/dev/null; wait "$sampler" 2>/dev/null || true; m1=$(cat "$peak")
    read -r x1 r1 w1 n1 < <(pg_work); s1=$(ticks "$service"); p1=$(pg_ticks); t1=$(date +%s.%N)
    n=$((n1 - n0)); [ "$n" -gt 0 ] || n=1
    python3 - "$report" <<PY
import json, sys
d = json.load(open(sys.argv[1])); wall = $t1 - $t0
worst = max(d["calls"].items(), key=lambda kv: kv[1]["p99"])
print(f'{d["kiosks"]:>3} {d["protocol"]:<11} {d["sessionsPerSecond"]:>6} sessions/s  errors {d["errors"]}  '
      f'session p50/p99/p99.9 {d["session"]["p50"]:.0f}/{d["session"]["p99"]:.0f}/{d["session"]["p999"]:.0f} ms  '
      f'worst call {worst[0]} p99 {worst[1]["p99"]:.0f} ms  push p50/p99 {d["push"]["p50"]:.0f}/{d["push"]["p99"]:.0f} ms  '
      f'cpu service {($s1 - $s0) / $hz / wall:.2f} postgres {($p1 - $p0) / $hz / wall:.2f} generator {d["generatorCpuCores"]:.2f}  '
      f'per session: {($x1 - $x0) // $n} transactions, {($r1 - $r0) // $n} rows read, {($w1 - $w0) // $n} rows written  '
      f'service memory before/peak {$m0 / 1024:.0f}/{$m1 / 1024:.0f} MB  idle kiosks {d["idle"]["connected"]}/{d["idle"]["requested"]} '
      f'(failed {d["idle"]["failed"]}, dropped {d["idle"]["dropped"]}, opened in {d["idle"]["openSeconds"]} s)')
PY
  done
done
