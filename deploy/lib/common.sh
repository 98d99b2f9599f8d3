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
pg_start() {
  local dir=$1 port=$2
  if pg_run "$PG_BIN/pg_ctl" -D "$dir" status >/dev/null 2>&1; then
    log "PostgreSQL already running in $dir"; return 0
  fi
  pg_run "$PG_BIN/pg_ctl" -D "$dir" -l "$dir/server.log" -w -t 60 \
    -o "-p $port -k $dir -c listen_addresses=127.0.0.1 -c fsync=${PG_FSYNC:-on} -c max_connections=200" start >/dev/null \
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
