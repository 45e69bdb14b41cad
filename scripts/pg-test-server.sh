#!/usr/bin/env bash
# A throw-away PostgreSQL server for the tests: initdb + pg_ctl in a temporary folder, on a free private
# port on 127.0.0.1, as an unprivileged user (initdb refuses root: as root it runs as `postgres`).
#   scripts/pg-test-server.sh start   prints the URL to use as UPDESK_TEST_POSTGRES_URL (last line of stdout)
#   scripts/pg-test-server.sh stop    stops the server started from this checkout and removes its folder
# Usage in a script: export UPDESK_TEST_POSTGRES_URL=$(scripts/pg-test-server.sh start)
set -euo pipefail
cd "$(dirname "$0")/.."
state=.build/pg-test-server.dir
bin=$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -1)
[ -n "$bin" ] || { echo "pg-test-server: PostgreSQL is not installed (scripts/setup.sh installs it)" >&2; exit 1; }

as_owner() {
    if [ "$(id -u)" = 0 ]; then runuser -u postgres -- "$@"; else "$@"; fi
}

case "${1:-}" in
start)
    [ -f "$state" ] && "$0" stop >/dev/null 2>&1 || true
    mkdir -p .build
    dir=$(mktemp -d /tmp/updesk-pg.XXXXXX)
    chmod 755 "$dir"
    [ "$(id -u)" = 0 ] && chown postgres "$dir"
    port=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')
    as_owner "$bin/initdb" -D "$dir/data" -U postgres --auth=trust -E UTF8 --locale=C >"$dir/initdb.log" 2>&1 \
        || { cat "$dir/initdb.log" >&2; exit 1; }
    # fsync off: a test server's data need not survive a power cut, and it saves seconds per run.
    as_owner "$bin/pg_ctl" -D "$dir/data" -l "$dir/server.log" -w -t 30 \
        -o "-c listen_addresses=127.0.0.1 -p $port -k $dir -c fsync=off -c synchronous_commit=off -c max_connections=100" start >&2 \
        || { cat "$dir/server.log" >&2; exit 1; }
    as_owner "$bin/createdb" -h 127.0.0.1 -p "$port" -U postgres updesk_test
    echo "$dir" > "$state"
    echo "pg-test-server: PostgreSQL on 127.0.0.1:$port (folder $dir)" >&2
    echo "postgres://postgres@127.0.0.1:$port/updesk_test"
    ;;
stop)
    [ -f "$state" ] || { echo "pg-test-server: none running from this checkout" >&2; exit 0; }
    dir=$(cat "$state")
    as_owner "$bin/pg_ctl" -D "$dir/data" -m fast -w stop >&2 || true
    rm -rf "$dir" "$state"
    ;;
*)
    echo "usage: $0 start|stop" >&2
    exit 2
    ;;
esac
