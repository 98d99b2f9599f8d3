#!/usr/bin/env bash
# The run command: the whole system on this machine — a private PostgreSQL cluster, the
# passenger service, and a fleet of simulated kiosks that keep processing synthetic passengers.
# Ctrl-C stops everything it started, PostgreSQL included. Data stays for the next run.
#
#   deploy/run.sh [--kiosks N] [--nodes N]
#
# --nodes 2 (up to 4) runs the multi-node topology of docs/decisions/0024 on this machine: that many service nodes on
# consecutive ports from PASSENGERGATE_SERVICE_PORT, one PostgreSQL, and a redis-server (installed when missing, on
# PASSENGERGATE_REDIS_PORT, default 56379) as the SignalR backplane. Kiosk i connects to node (i-1) mod N, so a console
# on any node sees every kiosk's referrals.
#
# Environment (all optional): PASSENGERGATE_HOME (state folder, default .local/ in the project),
# PASSENGERGATE_PG_PORT (55432), PASSENGERGATE_SERVICE_PORT (5300), PASSENGERGATE_KIOSK_PORT (5310:
# kiosk i serves its UI on this port + i), PASSENGERGATE_DB_OPTIONS (Npgsql settings appended to the service's
# connection string, e.g. "Maximum Pool Size=20"; docs/performance.md "Tuning knobs").
set -euo pipefail
ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
cd "$ROOT"
. deploy/lib/common.sh

KIOSKS=3
NODES=1
while [ $# -gt 0 ]; do
  case "$1" in
    --kiosks) KIOSKS=${2:?--kiosks needs a number}; shift 2 ;;
    --nodes) NODES=${2:?--nodes needs a number}; shift 2 ;;
    -h|--help) sed -n '2,18p' "$0"; exit 0 ;;
    *) die "unknown argument $1 (see --help)" ;;
  esac
done
[[ "$KIOSKS" =~ ^[1-9][0-9]?$ ]] || die "--kiosks takes 1 to 99"
[[ "$NODES" =~ ^[1-4]$ ]] || die "--nodes takes 1 to 4"

STATE=${PASSENGERGATE_HOME:-$ROOT/.local}
PG_PORT=${PASSENGERGATE_PG_PORT:-55432}
SERVICE_PORT=${PASSENGERGATE_SERVICE_PORT:-5300}
KIOSK_PORT=${PASSENGERGATE_KIOSK_PORT:-5310}
REDIS_PORT=${PASSENGERGATE_REDIS_PORT:-56379}
mkdir -p "$STATE/logs" "$STATE/kiosks" "$STATE/trust"
chmod 700 "$STATE/kiosks"

PGDIR="$STATE/postgres"
if is_root && [ ! -f "$PGDIR/PG_VERSION" ] && ! pg_dir_usable "$PGDIR" 2>/dev/null; then
  # As root the cluster runs as 'postgres', which may not reach into this folder (e.g. under /root).
  PGDIR="/var/lib/passengergate/$(printf '%s' "$ROOT" | md5sum | cut -c1-12)/postgres"
  mkdir -p "$(dirname "$PGDIR")"; chmod 755 /var/lib/passengergate "$(dirname "$PGDIR")"
  log "postgres cannot use $STATE; the cluster lives in $PGDIR"
fi

ensure_toolchain
# ffmpeg: kiosks convert JPEG 2000 chip portraits for the browser. fonts-noto-cjk: the kiosk and the phone page in
# Japanese, Chinese (Simplified, Traditional) and Korean (decision 0016); without it Hangul shows as empty boxes.
ensure_packages fonts-ipaexfont-gothic fonts-noto-cjk ffmpeg openssl
# redis-server: the backplane of several nodes; installed only when asked for, never enabled as a system service.
[ "$NODES" -gt 1 ] && ensure_packages redis-server

PIDS=()
CLEANED=0
PG_OURS=0   # set once this run has started (or adopted) the cluster: a run refused at the port check must not stop it
cleanup() {
  [ "$CLEANED" -eq 1 ] && return 0
  CLEANED=1
  log "stopping"
  for pid in "${PIDS[@]:-}"; do [ -n "$pid" ] && kill "$pid" 2>/dev/null || true; done
  for pid in "${PIDS[@]:-}"; do [ -n "$pid" ] && wait "$pid" 2>/dev/null || true; done
  if [ "$PG_OURS" -eq 1 ]; then pg_stop "$PGDIR"; log "stopped (data kept in $PGDIR)"; else log "stopped"; fi
}
trap cleanup EXIT
trap 'exit 130' INT
trap 'exit 143' TERM

port_free() { ! (exec 3<>/dev/tcp/127.0.0.1/"$1") 2>/dev/null; }
for n in $(seq 0 $((NODES - 1))); do
  port_free $((SERVICE_PORT + n)) || die "port $((SERVICE_PORT + n)) is in use (set PASSENGERGATE_SERVICE_PORT)"
done
[ "$NODES" -eq 1 ] || port_free "$REDIS_PORT" || die "port $REDIS_PORT is in use (set PASSENGERGATE_REDIS_PORT)"

log "building"
dotnet build PassengerGate.sln -c Release -nologo -v:q -clp:ErrorsOnly >"$STATE/logs/build.log" 2>&1 \
  || { cat "$STATE/logs/build.log"; die "build failed"; }

pg_init "$PGDIR"
if ! pg_run "$PG_BIN/pg_ctl" -D "$PGDIR" status >/dev/null 2>&1; then
  port_free "$PG_PORT" || die "port $PG_PORT is in use (set PASSENGERGATE_PG_PORT)"
fi
PG_OURS=1
pg_start "$PGDIR" "$PG_PORT"
export PASSENGERGATE_DB="Host=127.0.0.1;Port=$PG_PORT;Username=postgres;Database=passengergate${PASSENGERGATE_DB_OPTIONS:+;$PASSENGERGATE_DB_OPTIONS}"
PGATE=(dotnet "$ROOT/src/PassengerGate.Cli/bin/Release/net10.0/pgate.dll")
"${PGATE[@]}" db migrate >/dev/null || die "migration failed"
# SAMPLE reference data (weekly rates, risk rules, watchlist, APIS manifests, selection seed): idempotent.
deploy/sample-data/import.sh "${PGATE[@]}" >/dev/null || die "importing the sample data failed"

# Kiosk credentials are issued once and kept (mode 600) for later runs.
known=$("${PGATE[@]}" kiosk list)
for i in $(seq 1 "$KIOSKS"); do
  id=$(printf 'SIM-%02d' "$i")
  token_file="$STATE/kiosks/$id.token"
  if [ ! -s "$token_file" ] || ! printf '%s' "$known" | grep -q "\"kioskId\":\"$id\",[^}]*\"revoked\":false"; then
    "${PGATE[@]}" kiosk register "$id" --location "simulated kiosk $i" \
      | sed -n 's/.*"credential":"\([^"]*\)".*/\1/p' > "$token_file"
    chmod 600 "$token_file"
  fi
done

# Staff accounts: a demo officer, supervisor and departure account at NRT, made once; their
# passwords are kept (mode 600) in $STATE/staff/ and printed below. Real administrators are made
# with `pgate user add NAME --role administrator --airport IATA`.
mkdir -p "$STATE/staff"
for demo in officer supervisor departure; do
  pw_file="$STATE/staff/demo-$demo.password"
  if ! "${PGATE[@]}" user list | grep -q "\"userName\":\"demo-$demo\""; then
    "${PGATE[@]}" user add "demo-$demo" --role "$demo" --airport NRT \
      | sed -n 's/.*"password":"\([^"]*\)".*/\1/p' > "$pw_file"
    chmod 600 "$pw_file"
  elif [ ! -s "$pw_file" ]; then
    "${PGATE[@]}" user reset-password "demo-$demo" | sed -n 's/.*"password":"\([^"]*\)".*/\1/p' > "$pw_file"
    chmod 600 "$pw_file"
  fi
done

# HTTPS: a self-signed certificate for 127.0.0.1/localhost, made once and reused, so the consoles'
# Secure cookies work; the kiosks trust exactly this certificate (Kiosk:ServiceCertificateFile).
TLS="$STATE/tls"
if [ ! -s "$TLS/service.crt" ] || [ ! -s "$TLS/service.key" ]; then
  mkdir -p "$TLS"
  openssl req -x509 -newkey ec -pkeyopt ec_paramgen_curve:P-256 -nodes -days 825 \
    -keyout "$TLS/service.key" -out "$TLS/service.crt" -subj "/CN=PassengerGate local service" \
    -addext "subjectAltName=IP:127.0.0.1,DNS:localhost" -addext "basicConstraints=critical,CA:FALSE" \
    -addext "extendedKeyUsage=serverAuth" 2>/dev/null || die "could not make the local TLS certificate (openssl)"
  chmod 600 "$TLS/service.key"
fi

BACKPLANE=()
if [ "$NODES" -gt 1 ]; then
  log "starting redis-server on 127.0.0.1:$REDIS_PORT (the nodes' SignalR backplane)"
  redis-server --port "$REDIS_PORT" --bind 127.0.0.1 --save "" --appendonly no --daemonize no >>"$STATE/logs/redis.log" 2>&1 &
  PIDS+=($!)
  for _ in $(seq 1 50); do redis-cli -p "$REDIS_PORT" ping 2>/dev/null | grep -q PONG && break; sleep 0.2; done
  redis-cli -p "$REDIS_PORT" ping 2>/dev/null | grep -q PONG || die "redis-server did not start (log: $STATE/logs/redis.log)"
  BACKPLANE=(PASSENGERGATE_Redis__Configuration="127.0.0.1:$REDIS_PORT,abortConnect=false")
fi

# Node n serves on SERVICE_PORT + n and logs to server.log (node 0) or server-n.log.
node_port() { echo $((SERVICE_PORT + $1)); }
node_log() { [ "$1" -eq 0 ] && echo "$STATE/logs/server.log" || echo "$STATE/logs/server-$1.log"; }
for n in $(seq 0 $((NODES - 1))); do
  log "starting the passenger service on https://127.0.0.1:$(node_port "$n")$([ "$NODES" -gt 1 ] && echo " (node $n)")"
  # The service trusts the CSCA certificates in $STATE/trust; each simulated kiosk's issuer puts its test CSCA there.
  (cd src/PassengerGate.Server/bin/Release/net10.0 && exec env PASSENGERGATE_ConnectionStrings__PassengerGate="$PASSENGERGATE_DB" \
    PASSENGERGATE_Documents__TrustListPath="$STATE/trust" PASSENGERGATE_Declarations__SpecimenStates=UTO \
    PASSENGERGATE_Tls__CertificatePath="$TLS/service.crt" PASSENGERGATE_Tls__KeyPath="$TLS/service.key" \
    PASSENGERGATE_Observability__Node="node-$n" "${BACKPLANE[@]}" \
    dotnet PassengerGate.Server.dll --urls "https://127.0.0.1:$(node_port "$n")") >>"$(node_log "$n")" 2>&1 &
  pid=$!
  PIDS+=("$pid")
  for _ in $(seq 1 120); do
    curl -fsS --cacert "$TLS/service.crt" "https://127.0.0.1:$(node_port "$n")/health" >/dev/null 2>&1 && break
    kill -0 "$pid" 2>/dev/null || { tail -20 "$(node_log "$n")"; die "the service stopped (log: $(node_log "$n"))"; }
    sleep 0.5
  done
done

for i in $(seq 1 "$KIOSKS"); do
  id=$(printf 'SIM-%02d' "$i")
  (cd kiosk-shell/PassengerGate.KioskShell/bin/Release/net10.0 && exec dotnet PassengerGate.KioskShell.dll \
    --urls "http://127.0.0.1:$((KIOSK_PORT + i))" --Kiosk:Id="$id" --Kiosk:Credential="$(cat "$STATE/kiosks/$id.token")" \
    --Kiosk:ServiceUrl="https://127.0.0.1:$(node_port $(( (i - 1) % NODES )))" --Kiosk:ServiceCertificateFile="$TLS/service.crt" --Kiosk:Simulated=true --Kiosk:Seed="$i$RANDOM" --Kiosk:CorruptedShare=0.05 \
    --Kiosk:SimulatedCscaFile="$STATE/trust/$id-csca.cer" --Kiosk:Flows=arrival,currency,taxFree) >>"$STATE/logs/kiosk-$id.log" 2>&1 &
  PIDS+=($!)
done

{
  printf '\n  PassengerGate is running (Ctrl-C stops everything).\n'
  printf '    %-26s %s\n' "service health" "https://127.0.0.1:$SERVICE_PORT/health  (certificate: $TLS/service.crt)"
  printf '    %-26s %s\n' "staff sign-in" "https://127.0.0.1:$SERVICE_PORT/signin/"
  printf '    %-26s %s\n' "officer console" "https://127.0.0.1:$SERVICE_PORT/officer/"
  printf '    %-26s %s\n' "supervisor dashboard" "https://127.0.0.1:$SERVICE_PORT/supervisor/"
  for who in demo-officer demo-supervisor demo-departure; do
    printf '      %-24s %s\n' "$who" "$(cat "$STATE/staff/$who.password")"
  done
  printf '    %-26s %s\n' "" "(the browser warns about the self-signed certificate once; trust $TLS/service.crt to silence it)"
  printf '    %-26s %s\n' "phone pre-declaration" "https://127.0.0.1:$SERVICE_PORT/predeclare/"
  printf '    %-26s %s\n' "HTTP API (OpenAPI)" "https://127.0.0.1:$SERVICE_PORT/openapi/v1.json"
  if [ "$NODES" -gt 1 ]; then
    for n in $(seq 0 $((NODES - 1))); do
      printf '    %-26s %s\n' "service node $n" "https://127.0.0.1:$(node_port "$n")/  (consoles on any node see every kiosk; log: $(node_log "$n"))"
    done
    printf '    %-26s %s\n' "backplane" "redis-server on 127.0.0.1:$REDIS_PORT"
  fi
  for i in $(seq 1 "$KIOSKS"); do
    id=$(printf 'SIM-%02d' "$i")
    printf '    %-26s %s\n' "kiosk $id screen" "http://127.0.0.1:$((KIOSK_PORT + i))/$([ "$NODES" -gt 1 ] && echo "  (on node $(( (i - 1) % NODES )))")"
    printf '    %-26s %s\n' "kiosk $id status (run mode)" "http://127.0.0.1:$((KIOSK_PORT + i))/status.html"
  done
  printf '    %-26s %s\n' "PostgreSQL" "$PASSENGERGATE_DB  (data: $PGDIR)"
  printf '    %-26s %s\n\n' "logs" "$STATE/logs/"
}
wait -n "${PIDS[@]}" || true
log "a process stopped unexpectedly; see $STATE/logs/"
exit 1
