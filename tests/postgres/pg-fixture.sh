#!/usr/bin/env bash
# Runs a command against a throwaway PostgreSQL server:
#   pg-fixture.sh SCHEMA.sql DATA.sql COMMAND [ARGS...]
# It creates a temporary cluster (initdb) owned by an unprivileged user when run as root
# (PostgreSQL refuses to run as root), starts it on a free local port (127.0.0.1 only, the unix
# socket in the temporary folder), creates the database "dizgi" from SCHEMA.sql and DATA.sql,
# runs COMMAND with PGHOST/PGPORT/PGDATABASE/PGUSER set, and always tears everything down.
# Exit code: the command's; 77 (skipped) when no PostgreSQL server binaries are installed.
set -euo pipefail

schema_sql=${1:?schema sql}
data_sql=${2:?data sql}
shift 2

bindir=""
if command -v pg_config >/dev/null 2>&1 && [ -x "$(pg_config --bindir)/initdb" ]; then
  bindir=$(pg_config --bindir)
else
  for dir in $(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V -r); do
    if [ -x "$dir/initdb" ]; then bindir=$dir; break; fi
  done
fi
if [ -z "$bindir" ]; then
  echo "pg-fixture: no PostgreSQL server binaries (initdb) found; install the Debian package" \
       "postgresql (scripts/install-deps.sh does)" >&2
  exit 77
fi

workdir=$(mktemp -d "${TMPDIR:-/tmp}/dizgi-pg.XXXXXX")
chmod 755 "$workdir"
as_owner=()
if [ "$(id -u)" -eq 0 ]; then
  owner=nobody
  group=$(id -gn nobody 2>/dev/null || echo nogroup)
  chown "$owner:$group" "$workdir"
  as_owner=(setpriv --reuid="$owner" --regid="$group" --clear-groups --)
fi

cleanup() {
  if [ -f "$workdir/data/postmaster.pid" ]; then
    "${as_owner[@]}" "$bindir/pg_ctl" -D "$workdir/data" -m immediate -w stop >/dev/null 2>&1 || true
  fi
  rm -rf "$workdir"
}
trap cleanup EXIT INT TERM

(cd "$workdir" && "${as_owner[@]}" "$bindir/initdb" -D "$workdir/data" -U postgres \
  --auth=trust --encoding=UTF8 --locale=C.UTF-8 >"$workdir/initdb.log" 2>&1) || {
  cat "$workdir/initdb.log" >&2
  exit 1
}

# A free port: try a few random ones; the server itself is the final judge.
started=0
for attempt in 1 2 3 4 5 6 7 8; do
  port=$(( 20000 + RANDOM % 40000 ))
  if (exec 3<>"/dev/tcp/127.0.0.1/$port") 2>/dev/null; then continue; fi
  if (cd "$workdir" && "${as_owner[@]}" "$bindir/pg_ctl" -D "$workdir/data" -w -t 60 \
        -l "$workdir/server.log" \
        -o "-c listen_addresses=127.0.0.1 -p $port -k $workdir -c fsync=off -c synchronous_commit=off -c full_page_writes=off" \
        start >/dev/null 2>&1); then
    started=1
    break
  fi
done
if [ "$started" -ne 1 ]; then
  echo "pg-fixture: the PostgreSQL server did not start:" >&2
  cat "$workdir/server.log" >&2 || true
  exit 1
fi

export PGHOST="$workdir" PGPORT="$port" PGUSER=postgres PGDATABASE=dizgi
unset PGPASSWORD PGSERVICE PGSERVICEFILE PGOPTIONS
psql_cmd=(psql -X -q -v ON_ERROR_STOP=1)
"${psql_cmd[@]}" -d postgres -c "CREATE DATABASE dizgi" >/dev/null
"${psql_cmd[@]}" -f "$schema_sql" >/dev/null
"${psql_cmd[@]}" -f "$data_sql" >/dev/null

status=0
"$@" || status=$?
exit "$status"
