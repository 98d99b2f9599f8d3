# Shared by deploy/run.sh and deploy/test.sh. Source it; do not run it.
# Works as root (PostgreSQL then runs as the 'postgres' user through runuser) and as a normal user with sudo.

PG_BIN=${PG_BIN:-/usr/lib/postgresql/15/bin}

log() { printf '\033[1m[pgate]\033[0m %s\n' "$*" >&2; }
die() { printf '[pgate] error: %s\n' "$*" >&2; exit 1; }

is_root() { [ "$(id -u)" -eq 0 ]; }

as_root() {
  if is_root; then "$@"; elif command -v sudo >/dev/null; then sudo "$@"; else die "need root or sudo to run: $*"; fi
}

# ensure_packages PKG... — installs the Debian packages that are not installed yet (idempotent).
_APT_UPDATED=0
ensure_packages() {
  local missing=() p
  for p in "$@"; do
    dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q 'install ok installed' || missing+=("$p")
  done
  [ ${#missing[@]} -eq 0 ] && return 0
  log "installing Debian packages: ${missing[*]}"
  if [ "$_APT_UPDATED" -eq 0 ]; then as_root apt-get update -qq || true; _APT_UPDATED=1; fi
  as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null \
    || die "apt-get install ${missing[*]} failed"
}

ensure_toolchain() {
  command -v dotnet >/dev/null || die "the .NET SDK 10 is required (dotnet not on PATH)"
  if ! command -v node >/dev/null || ! command -v npm >/dev/null; then ensure_packages nodejs npm; fi
  [ -x "$PG_BIN/initdb" ] || ensure_packages postgresql-15
}

# pg_run CMD... — runs a PostgreSQL binary as the cluster owner (postgres when we are root).
pg_run() {
  if is_root; then runuser -u postgres -- "$@"; else "$@"; fi
}

# pg_dir_usable DIR — can the cluster owner create and use DIR?
pg_dir_usable() {
  local dir=$1
  mkdir -p "$dir" || return 1
  if is_root; then
    chown postgres:postgres "$dir" && runuser -u postgres -- test -w "$dir"
  else
    test -w "$dir"
  fi
}

# pg_init DIR — creates a private cluster in DIR on first use; later calls reuse it.
pg_init() {
  local dir=$1
  if [ -f "$dir/PG_VERSION" ]; then return 0; fi
  pg_dir_usable "$dir" || die "the PostgreSQL owner cannot write to $dir"
  chmod 700 "$dir"
  log "creating PostgreSQL cluster in $dir"
  # Loopback-only private cluster: trust authentication for the local superuser is the
  # documented dev/test setting (docs/decisions/0001); it never listens beyond 127.0.0.1.
  pg_run "$PG_BIN/initdb" -D "$dir" -U postgres --auth=trust -E UTF8 --no-locale >/dev/null \
    || die "initdb failed for $dir"
}

# pg_start DIR PORT — starts the cluster on 127.0.0.1:PORT (socket in DIR), waits until ready.
# PG_FSYNC (on) and PG_MAX_CONNECTIONS (200) tune it; the test command turns fsync off and allows more connections.
pg_start() {
  local dir=$1 port=$2
  if pg_run "$PG_BIN/pg_ctl" -D "$dir" status >/dev/null 2>&1; then
    log "PostgreSQL already running in $dir"; return 0
  fi
  pg_run "$PG_BIN/pg_ctl" -D "$dir" -l "$dir/server.log" -w -t 60 \
    -o "-p $port -k $dir -c listen_addresses=127.0.0.1 -c fsync=${PG_FSYNC:-on} -c max_connections=${PG_MAX_CONNECTIONS:-200}" start >/dev/null \
    || { tail -20 "$dir/server.log" >&2 || true; die "PostgreSQL did not start (log: $dir/server.log)"; }
}

pg_stop() {
  local dir=$1
  [ -f "$dir/postmaster.pid" ] || return 0
  pg_run "$PG_BIN/pg_ctl" -D "$dir" -m fast -w -t 60 stop >/dev/null 2>&1 || true
}

# free_port — prints a TCP port on 127.0.0.1 that nothing listens on.
free_port() {
  local p
  for _ in $(seq 1 100); do
    p=$(( 20000 + RANDOM % 40000 ))
    if ! (exec 3<>/dev/tcp/127.0.0.1/$p) 2>/dev/null; then echo "$p"; return 0; fi
  done
  die "no free port found"
}

# --- pcscd for the device-driver tests (docs/decisions/0006) ---------------------------------------
# One pcscd serves a whole test run: the PC/SC test fixtures never start or stop it. pcscd has one
# machine-wide socket and vpcd one fixed TCP port, so starting and stopping happen under the same flock(2)
# lock the fixtures take (PcscdFixture). A daemon that may vanish mid-run (one with --auto-exit, or systemd's
# socket-activated one, which exits after 60 s idle) is replaced by one without --auto-exit. Test runs at the
# same time on one machine share it: each registers in $PCSCD_USERS and the last one to end stops it.
PCSCD_BIN=/usr/sbin/pcscd
PCSCD_PIDFILE=/run/pcscd/pcscd.pid
PCSCD_SOCKET=/run/pcscd/pcscd.comm
PCSCD_LOCK="${TMPDIR:-/tmp}/passengergate-pcscd.lock"
PCSCD_USERS="${TMPDIR:-/tmp}/passengergate-pcscd.users"

# pcscd_pids — the pids of every running pcscd (none: empty). Read from /proc: procps may be absent.
pcscd_pids() {
  local d
  for d in /proc/[0-9]*; do
    [ "$(cat "$d/comm" 2>/dev/null)" = pcscd ] && printf '%s\n' "${d#/proc/}"
  done
  return 0
}

# pcscd_stop_pid PID — SIGTERM (pcscd then removes its socket and pid file), SIGKILL after 10 s.
pcscd_stop_pid() {
  local pid=$1 i
  as_root kill -TERM "$pid" 2>/dev/null || return 0
  for i in $(seq 1 100); do [ -d "/proc/$pid" ] || return 0; sleep 0.1; done
  as_root kill -KILL "$pid" 2>/dev/null || true
  for i in $(seq 1 50); do [ -d "/proc/$pid" ] || break; sleep 0.1; done
  as_root rm -f "$PCSCD_SOCKET" "$PCSCD_PIDFILE"
}

_pcscd_lock() {
  # No O_CREAT on an existing file: fs.protected_regular refuses it on another user's file in sticky /tmp.
  [ -e "$PCSCD_LOCK" ] || : >>"$PCSCD_LOCK"
  exec 8<"$PCSCD_LOCK"
  flock -w 600 8 || die "another test run holds $PCSCD_LOCK for more than 10 minutes"
}

_pcscd_unlock() { flock -u 8; exec 8<&-; }

# _pcscd_other_users — the live test runs registered besides this one.
_pcscd_other_users() {
  local f n=0
  for f in "$PCSCD_USERS"/run.*; do
    [ -e "$f" ] || continue
    [ "${f##*/run.}" = "$$" ] && continue
    [ -d "/proc/${f##*/run.}" ] && n=$((n + 1))
  done
  echo "$n"
}

# pcscd_start LOG READY_CMD... — makes sure one pcscd runs for the rest of this script, with the vpcd reader.
# READY_CMD (given --timeout SECONDS) exits 0 once the virtual reader is listed. Pair with pcscd_stop.
pcscd_start() {
  local log=$1; shift
  local pid args ours
  [ -x "$PCSCD_BIN" ] || die "pcscd is not installed (apt-get install pcscd vsmartcard-vpcd)"
  _pcscd_lock
  if [ ! -d "$PCSCD_USERS" ]; then mkdir -p "$PCSCD_USERS" && chmod 1777 "$PCSCD_USERS"; fi
  : >"$PCSCD_USERS/run.$$"
  ours=$(cat "$PCSCD_USERS/daemon" 2>/dev/null || true)

  # A normal Debian: systemd listens on the socket and starts pcscd --auto-exit on demand. Take it over for the run.
  if [ -d /run/systemd/system ] && command -v systemctl >/dev/null && systemctl is-active --quiet pcscd.socket 2>/dev/null; then
    log "stopping systemd's pcscd.socket for the run (started again at the end)"
    as_root systemctl stop pcscd.socket pcscd.service
    : >"$PCSCD_USERS/systemd"
  fi

  for pid in $(pcscd_pids); do
    args=$(tr '\0' ' ' <"/proc/$pid/cmdline" 2>/dev/null || true)
    case " $args " in
      *" --auto-exit "*|*" -x "*) log "stopping pcscd $pid ($args): it would exit when idle during the run"; pcscd_stop_pid "$pid" ;;
      *)
        if "$@" --timeout 10 >/dev/null 2>"$log"; then
          if [ "$pid" = "$ours" ]; then log "sharing pcscd $pid with another test run"
          else log "using the pcscd already running (pid $pid), which offers the virtual reader"; fi
          _pcscd_unlock
          return 0
        fi
        log "stopping pcscd $pid: it does not offer the vpcd reader (started before vsmartcard-vpcd was installed?)"
        pcscd_stop_pid "$pid" ;;
    esac
  done

  # No --auto-exit: it must outlive idle minutes between test projects. sudo -n: it runs in the background.
  # 8<&-: the daemon must not inherit the lock's descriptor.
  if is_root; then "$PCSCD_BIN" --foreground --info >"$log" 2>&1 8<&- &
  else sudo -n "$PCSCD_BIN" --foreground --info >"$log" 2>&1 8<&- &
  fi
  local starter=$!
  if ! "$@" --timeout 60 >/dev/null 2>>"$log"; then
    tail -30 "$log" >&2 || true
    _pcscd_unlock
    die "pcscd did not offer the vpcd reader within 60 s (log: $log)"
  fi
  pid=$(tr -dc '0-9' <"$PCSCD_PIDFILE" 2>/dev/null || true)
  rm -f "$PCSCD_USERS/daemon" 2>/dev/null || as_root rm -f "$PCSCD_USERS/daemon"
  echo "${pid:-$starter}" >"$PCSCD_USERS/daemon"
  log "pcscd ${pid:-$starter} started for this run (log: $log)"
  _pcscd_unlock
}

# pcscd_stop — the last test run to end stops the pcscd a test run started (and gives systemd its socket back).
pcscd_stop() {
  [ -e "$PCSCD_USERS/run.$$" ] || return 0
  _pcscd_lock
  rm -f "$PCSCD_USERS/run.$$"
  if [ "$(_pcscd_other_users)" -eq 0 ]; then
    local pid
    pid=$(cat "$PCSCD_USERS/daemon" 2>/dev/null || true)
    if [ -n "$pid" ] && [ "$(cat "/proc/$pid/comm" 2>/dev/null)" = pcscd ]; then pcscd_stop_pid "$pid"; fi
    rm -f "$PCSCD_USERS/daemon" 2>/dev/null || as_root rm -f "$PCSCD_USERS/daemon"
    if [ -e "$PCSCD_USERS/systemd" ]; then
      as_root systemctl start pcscd.socket || true
      rm -f "$PCSCD_USERS/systemd" 2>/dev/null || as_root rm -f "$PCSCD_USERS/systemd"
    fi
  fi
  _pcscd_unlock
}
