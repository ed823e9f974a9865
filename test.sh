#!/usr/bin/env bash
# Runs every test of Inward on a clean Debian 12 machine (as root).
#
#   1. installs the system packages the tests need (only those missing),
#   2. starts a throwaway PostgreSQL 15 cluster and a Redis server on free loopback ports,
#   3. builds the solution once and runs every tests/*/*.csproj against them,
#   4. stops what it started and prints, as its very last line, "N passed, N failed".
#
# Exit status: 0 only if nothing failed and at least one test passed.
# The tests find the servers through these variables:
#   INWARD_TEST_POSTGRES  Host=127.0.0.1;Port=<port>;Username=postgres   (no database: tests create their own)
#   INWARD_TEST_REDIS     127.0.0.1:<port>
set -euo pipefail

cd "$(dirname "$(readlink -f "${BASH_SOURCE[0]}")")"

readonly PGBIN=/usr/lib/postgresql/15/bin
readonly SOLUTION=Inward.slnx
readonly PG_FIRST_PORT=5544
readonly REDIS_FIRST_PORT=6390
readonly TEST_TIMEOUT_SECONDS=1500

export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1

# State read by the EXIT trap; empty means "not started / nothing to undo".
WORK_DIR=""          # one temp dir holding the cluster, the Redis dir and the TRX files
PG_DATA="" PG_PORT=""
REDIS_DIR="" REDIS_PORT="" REDIS_PID=""
POLICY_RC_CREATED="" # we created /usr/sbin/policy-rc.d and must remove it
CHILD_PID=""         # the running `timeout dotnet test`, so Ctrl-C can stop it
TOTAL_PASSED=0 TOTAL_FAILED=0
SUMMARY_LINES=()    # one "  <project>: N passed, N failed" line per test project
SUMMARY_PRINTED=""

log() { echo "test.sh: $*"; }
die() { echo "test.sh: error: $*" >&2; exit 1; }

# ---------------------------------------------------------------- system packages

missing_packages() {
    [[ -x /usr/bin/chromium ]] || echo chromium
    [[ -x $PGBIN/initdb ]] || echo postgresql            # Debian 12's postgresql is server 15
    { command -v redis-server && command -v redis-cli; } >/dev/null || echo redis-server
    /usr/bin/python3 -c 'import aiosmtpd' 2>/dev/null || echo python3-aiosmtpd
    dpkg-query -W -f='${Status}' fonts-noto-core 2>/dev/null | grep -q 'ok installed' \
        || echo fonts-noto-core                           # Arabic glyphs in screenshots
    command -v node >/dev/null || echo nodejs             # the build's `npm ci` (SignalR browser client)
    command -v npm >/dev/null || echo npm
}

install_missing_packages() {
    local -a pkgs
    mapfile -t pkgs < <(missing_packages)
    ((${#pkgs[@]} > 0)) || return 0
    [[ $(id -u) == 0 ]] || die "missing packages (${pkgs[*]}) and not running as root"
    log "installing ${pkgs[*]}"
    # Without systemd, the packages' postinst scripts would start their own postgres (5432)
    # and redis (6379) through invoke-rc.d; a policy-rc.d answering 101 forbids that, so the
    # only servers running are the throwaway ones below.
    if [[ ! -e /usr/sbin/policy-rc.d ]]; then
        printf '#!/bin/sh\nexit 101\n' > /usr/sbin/policy-rc.d
        chmod +x /usr/sbin/policy-rc.d
        POLICY_RC_CREATED=1
    fi
    export DEBIAN_FRONTEND=noninteractive
    apt-get update -qq
    apt-get install -y -qq "${pkgs[@]}" >/dev/null
    remove_policy_rc
    pkgs=()
    mapfile -t pkgs < <(missing_packages)
    ((${#pkgs[@]} == 0)) || die "still missing after apt-get: ${pkgs[*]}"
}

remove_policy_rc() {
    [[ -n $POLICY_RC_CREATED ]] || return 0
    rm -f /usr/sbin/policy-rc.d
    POLICY_RC_CREATED=""
}

# ---------------------------------------------------------------- servers

# A port is free when nothing accepts a connection on 127.0.0.1 (this also catches
# servers listening on 0.0.0.0). Prints the first free port from $1 on.
free_port() {
    local port
    for ((port = $1; port < $1 + 200; port++)); do
        if ! (exec 3<>"/dev/tcp/127.0.0.1/$port") 2>/dev/null; then
            echo "$port"
            return 0
        fi
    done
    die "no free port in $1..$(($1 + 199))"
}

# initdb/pg_ctl refuse to run as root, hence runuser; cd / because the postgres user
# may not be allowed into the caller's directory.
as_postgres() { (cd / && runuser -u postgres -- "$@"); }
pg_ctl_as_postgres() { as_postgres "$PGBIN/pg_ctl" "$@"; }

start_postgres() {
    local dir="$WORK_DIR/pg" port attempt
    mkdir "$dir"
    chown postgres:postgres "$dir"
    # --no-sync here and fsync=off below: the data is thrown away after the run.
    as_postgres "$PGBIN/initdb" -D "$dir/data" -U postgres -A trust -E UTF8 --locale=C.UTF-8 \
        --no-sync >"$dir/initdb.log" 2>&1 \
        || { cat "$dir/initdb.log" >&2; die "initdb failed"; }
    PG_DATA="$dir/data"
    # Retry on the next port if another process grabbed ours between the check and the start.
    port=$PG_FIRST_PORT
    for attempt in 1 2 3 4 5; do
        port=$(free_port "$port")
        if pg_ctl_as_postgres -D "$PG_DATA" -l "$dir/server.log" -w -t 60 \
            -o "-p $port -k $dir -c listen_addresses=127.0.0.1 -c fsync=off" start >/dev/null; then
            PG_PORT=$port
            "$PGBIN/pg_isready" -q -h 127.0.0.1 -p "$PG_PORT" -t 10 || die "PostgreSQL does not answer"
            log "PostgreSQL 15 on 127.0.0.1:$PG_PORT (data in $PG_DATA)"
            return 0
        fi
        port=$((port + 1))
    done
    cat "$dir/server.log" >&2
    die "PostgreSQL did not start"
}

stop_postgres() {
    [[ -n $PG_DATA && -f $PG_DATA/postmaster.pid ]] || return 0
    # Fast stop disconnects clients; immediate is the fallback if that hangs.
    pg_ctl_as_postgres -D "$PG_DATA" -m fast -w -t 30 stop >/dev/null 2>&1 \
        || pg_ctl_as_postgres -D "$PG_DATA" -m immediate -w stop >/dev/null 2>&1 \
        || true
}

start_redis() {
    local port attempt pid
    REDIS_DIR="$WORK_DIR/redis"
    mkdir "$REDIS_DIR"
    port=$REDIS_FIRST_PORT
    for attempt in 1 2 3 4 5; do
        port=$(free_port "$port")
        rm -f "$REDIS_DIR/redis.pid"
        redis-server --port "$port" --bind 127.0.0.1 --save '' --appendonly no \
            --daemonize yes --dir "$REDIS_DIR" --logfile "$REDIS_DIR/redis.log" \
            --pidfile "$REDIS_DIR/redis.pid" >/dev/null
        # --daemonize returns before the server listens: wait for our pid to answer on the port.
        # Comparing process_id guards against another redis having taken the port meanwhile.
        for _ in $(seq 50); do
            pid=$(cat "$REDIS_DIR/redis.pid" 2>/dev/null || true)
            if [[ -n $pid ]] && redis-cli -p "$port" info server 2>/dev/null \
                | tr -d '\r' | grep -qx "process_id:$pid"; then
                REDIS_PORT=$port REDIS_PID=$pid
                log "Redis on 127.0.0.1:$REDIS_PORT (pid $REDIS_PID)"
                return 0
            fi
            [[ -n $pid ]] && ! kill -0 "$pid" 2>/dev/null && break   # it died (port taken?)
            sleep 0.1
        done
        [[ -n $pid ]] && kill "$pid" 2>/dev/null || true
        port=$((port + 1))
    done
    cat "$REDIS_DIR/redis.log" >&2 || true
    die "Redis did not start"
}

stop_redis() {
    [[ -n $REDIS_PID ]] || return 0
    redis-cli -p "$REDIS_PORT" shutdown nosave >/dev/null 2>&1 || true
    for _ in $(seq 50); do
        kill -0 "$REDIS_PID" 2>/dev/null || { REDIS_PID=""; return 0; }
        sleep 0.1
    done
    kill -9 "$REDIS_PID" 2>/dev/null || true
    REDIS_PID=""
}

# Idempotent and silent, so the EXIT trap can call it again after main already did.
cleanup() {
    if [[ -n $CHILD_PID ]]; then
        kill -TERM "$CHILD_PID" 2>/dev/null || true
        wait "$CHILD_PID" 2>/dev/null || true
        CHILD_PID=""
    fi
    stop_postgres
    PG_DATA=""
    stop_redis
    remove_policy_rc
    if [[ -n $WORK_DIR ]]; then
        rm -rf "$WORK_DIR"
        WORK_DIR=""
    fi
}

# Any exit that did not reach the summary (die, set -e, Ctrl-C) still ends with the
# "N passed, N failed" line and a non-zero status.
on_exit() {
    local rc=$?
    trap - EXIT INT TERM HUP
    cleanup
    if [[ -z $SUMMARY_PRINTED ]]; then
        echo "test.sh: aborted (status $rc) before all tests ran" >&2
        echo "$TOTAL_PASSED passed, $((TOTAL_FAILED + 1)) failed"
        ((rc != 0)) || rc=1
    fi
    exit "$rc"
}

# ---------------------------------------------------------------- tests

# Prints the numeric value of attribute $1 in the XML element text $2 (nothing if absent).
# The leading space keeps "passed" from matching "passedButRunAborted".
xml_attr() { sed -n "s/.* $1=\"\([0-9]*\)\".*/\1/p" <<<"$2"; }

# Prints "passed failed" from the <Counters .../> element of a TRX file;
# errors and timeouts count as failures.
trx_counts() {
    local counters
    counters=$(tr -d '\r\n' <"$1" | grep -o '<Counters [^>]*>' | head -n 1) || return 1
    local passed failed error timeout
    passed=$(xml_attr passed "$counters") failed=$(xml_attr failed "$counters")
    error=$(xml_attr error "$counters") timeout=$(xml_attr timeout "$counters")
    echo "${passed:-0} $((${failed:-0} + ${error:-0} + ${timeout:-0}))"
}

# `timeout` runs in its own process group, which the terminal's Ctrl-C does not reach;
# running it in the background and waiting lets the INT trap stop it (and its group).
run_guarded() {
    timeout -k 30 "$TEST_TIMEOUT_SECONDS" "$@" </dev/null &
    CHILD_PID=$!
    local rc=0
    wait "$CHILD_PID" || rc=$?
    CHILD_PID=""
    return "$rc"
}

# Runs one test project and adds its results to the totals; never fails the script.
run_test_project() {
    local project=$1 results=$2 name rc=0 counts passed failed
    name=$(basename "$project" .csproj)
    log "running $project"
    run_guarded dotnet test "$project" -c Release --no-build \
        --logger "trx;LogFileName=$name.trx" --results-directory "$results" || rc=$?
    if [[ -f $results/$name.trx ]] && counts=$(trx_counts "$results/$name.trx"); then
        read -r passed failed <<<"$counts"
        if ((rc != 0 && failed == 0)); then
            log "$name: dotnet test exited with $rc but reported no failure; counting 1 failure"
            failed=1
        fi
    else
        ((rc != 124)) || log "$name: timed out after $TEST_TIMEOUT_SECONDS s"
        log "$name: no test results (dotnet test exited with $rc); counting 1 failure"
        passed=0 failed=1
    fi
    SUMMARY_LINES+=("  $name: $passed passed, $failed failed")
    TOTAL_PASSED=$((TOTAL_PASSED + passed))
    TOTAL_FAILED=$((TOTAL_FAILED + failed))
}

main() {
    trap on_exit EXIT
    trap 'exit 130' INT
    trap 'exit 143' TERM
    trap 'exit 129' HUP

    [[ $(id -u) == 0 ]] || die "run as root (apt-get, runuser)"
    command -v dotnet >/dev/null || die "dotnet not found on PATH: install the .NET 10 SDK first"
    install_missing_packages

    WORK_DIR=$(mktemp -d -t inward-test.XXXXXX)
    chmod 711 "$WORK_DIR"   # the postgres user must traverse it to reach its data dir
    mkdir "$WORK_DIR/results"

    start_postgres
    start_redis
    export INWARD_TEST_POSTGRES="Host=127.0.0.1;Port=$PG_PORT;Username=postgres"
    export INWARD_TEST_REDIS="127.0.0.1:$REDIS_PORT"

    local -a projects
    shopt -s nullglob
    projects=(tests/*/*.csproj)
    shopt -u nullglob

    log "building $SOLUTION"
    if dotnet build "$SOLUTION" -c Release; then
        local project
        for project in "${projects[@]}"; do
            run_test_project "$project" "$WORK_DIR/results"
        done
    else
        # Nothing can run without a build: each project counts as one failure (at least one).
        local n=${#projects[@]}
        ((n > 0)) || n=1
        SUMMARY_LINES+=("  build failed: counting $n failure(s)")
        TOTAL_FAILED=$((TOTAL_FAILED + n))
    fi

    log "stopping PostgreSQL and Redis"
    cleanup
    echo "test.sh: results"
    ((${#SUMMARY_LINES[@]} == 0)) || printf '%s\n' "${SUMMARY_LINES[@]}"
    SUMMARY_PRINTED=1
    echo "$TOTAL_PASSED passed, $TOTAL_FAILED failed"
    ((TOTAL_FAILED == 0 && TOTAL_PASSED > 0))
}

main "$@"
