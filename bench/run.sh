#!/usr/bin/env bash
# Starts Inward (Release build) on generated data and measures it. Prints a Markdown report; see RESULTS.md.
# Measures: seeding 10,000 employees, importing a 10,000-row CSV roster, and HTTP throughput/latency of the
# people API, directory page and current plan (live KPIs) against a plain "hello" endpoint measured in the same run.
#
#   bench/run.sh          everything (about 5 minutes on 2 cores)
#   bench/run.sh feed     only the issue 5 feed target: seed 10,000 employees and 100,000 posts, then /hello and
#                         /api/v1/feed at 50 concurrent users, BENCH_REPEAT times each (default 2), printing the table rows
# BENCH_DURATION (seconds per wrk run, default 10), BENCH_POSTS (default 100000); BENCH_DATA=DIR keeps the seeded data
# in DIR and reuses it on the next run (seeding is skipped when DIR/inward.db exists).
set -euo pipefail
mode=${1:-all}
case "$mode" in all|feed) ;; *) echo "usage: bench/run.sh [feed]" >&2; exit 2 ;; esac
cd "$(dirname "$0")/.."
for tool in wrk bc sqlite3; do
  command -v "$tool" >/dev/null || DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "$tool" >/dev/null
done
out=bench/out; mkdir -p "$out"
work=$(mktemp -d)
# Stop the app (and wait for it: its mail jobs write into $work) before removing the work folder.
cleanup() { local pid; pid=$(cat "$work/pid" 2>/dev/null || true); if [ -n "$pid" ] && kill "$pid" 2>/dev/null; then while kill -0 "$pid" 2>/dev/null; do sleep 0.2; done; fi; rm -rf "$work" || true; }
trap cleanup EXIT
port=5099; duration=${BENCH_DURATION:-10}

dotnet build src/Inward -c Release -v q -nologo >/dev/null
app=src/Inward/bin/Release/net10.0/Inward.dll
inward() { (cd src/Inward && dotnet "../../$app" "$@"); }
shown() { case $1 in *[0-9]) printf '%.2f s' "$1" ;; *) echo "$1" ;; esac; } # seconds, or a word such as "reused"
secs() { local s; s=$(date +%s.%N); "$@" >/dev/null || { echo "failed: $*" >&2; return 1; }; echo "$(date +%s.%N) - $s" | bc; }

# 1. Seed: demo company (accounts) + 10,000 generated employees.
data=${BENCH_DATA:-"$work/data"}
posts=${BENCH_POSTS:-100000}
if [ -f "$data/inward.db" ]; then
  seed_s="(reused)"; posts_s="(reused)"
else
  inward migrate "--Inward:DataDirectory=$data" >/dev/null
  seed_s=$(secs inward seed --employees 10000 --seed 42 "--Inward:DataDirectory=$data")
  # Issue 5: 100,000 published posts with varied audiences (a quarter for everyone, the rest per department/location/role).
  posts_s=$(secs inward seed-posts --count "$posts" --seed 7 "--Inward:DataDirectory=$data")
fi
if [ "$mode" = all ]; then

# 2. Roster import of 10,000 new rows into a fresh company (structure only), three runs.
python3 bench/gen-roster.py 10000 "$work/roster.csv"
import_runs=()
for i in 1 2 3; do
  d="$work/import$i"
  inward seed --employees 11 --seed 1 "--Inward:DataDirectory=$d" >/dev/null
  import_runs+=("$(secs inward import-roster "$work/roster.csv" "--Inward:DataDirectory=$d")")
  n=$(sqlite3 "$d/inward.db" 'select count(*) from Employees')
  [ "$n" -eq 10011 ] || { echo "import run $i left $n employees, expected 10011" >&2; exit 1; }
done
fi

# 3. HTTP: the app on the 10,000-employee data with the demo accounts.
(cd src/Inward && exec dotnet "../../$app" --demo "--Inward:DataDirectory=$data" --urls "http://127.0.0.1:$port" --Jobs:PollSeconds=1 \
  --RateLimits:ApiPerMinute=1000000000 --Logging:LogLevel:Default=Warning > "$work/app.log" 2>&1 & echo $! > "$work/pid")
for _ in $(seq 1 100); do curl -sf "http://127.0.0.1:$port/health/ready" >/dev/null && break; sleep 0.3; done
if [ "$mode" = all ]; then
  token=$(inward token create --user admin@demo.example --name bench "--Inward:DataDirectory=$data" | grep -o 'inw_[A-Za-z0-9_-]*' | head -1)
  [ -n "$token" ] || { echo "could not create a token"; exit 1; }

  measure() { # name path [header]
    local name=$1 path=$2; shift 2
    curl -sf -o /dev/null "$@" "http://127.0.0.1:$port$path" || { echo "GET $path failed" >&2; exit 1; }
    wrk -t2 -c64 -d"${duration}s" --latency "$@" "http://127.0.0.1:$port$path" > "$work/$name.wrk"
    local rps p50 p99
    rps=$(awk '/Requests\/sec/ {print $2}' "$work/$name.wrk")
    p50=$(awk '$1=="50%" {print $2}' "$work/$name.wrk")
    p99=$(awk '$1=="99%" {print $2}' "$work/$name.wrk")
    echo "$name|$path|$rps|$p50|$p99"
  }
  auth=(-H "Authorization: Bearer $token")
  rows=()
  rows+=("$(measure hello /hello)")
  rows+=("$(measure people-page1 '/api/v1/people?page=1&pageSize=25' "${auth[@]}")")
  rows+=("$(measure people-search '/api/v1/people?search=nowak&pageSize=25' "${auth[@]}")")
  rows+=("$(measure people-dept '/api/v1/people?departmentId=3&page=5&pageSize=50' "${auth[@]}")")
  rows+=("$(measure departments '/api/v1/departments' "${auth[@]}")")
  # Issue 4: the current plan with its KPIs evaluated live over the whole company (metric registry).
  rows+=("$(measure plan '/api/v1/plan' "${auth[@]}")")
  hello_rps=$(echo "${rows[0]}" | cut -d'|' -f3)
fi

# Issue 5: the home feed for 50 concurrent users (the five internal demo accounts in turn, each in a different
# department with its own audience keys), p95 from wrk's Lua summary, beside /hello at the same concurrency.
tokens=""
for who in employee manager comms hr admin; do
  tokens+="$(inward token create --user "$who@demo.example" --name "bench-$who" "--Inward:DataDirectory=$data" | grep -o 'inw_[A-Za-z0-9_-]*' | head -1) "
done
users() { # name path
  curl -sf -o /dev/null -H "Authorization: Bearer ${tokens%% *}" "http://127.0.0.1:$port$2" || { echo "GET $2 failed" >&2; exit 1; }
  TOKENS="$tokens" wrk -t2 -c50 -d"${duration}s" -s bench/users.lua "http://127.0.0.1:$port$2" | awk -v n="$1" -v p="$2" '/^SUMMARY/ {print n "|" p "|" $2 "|" $3 "|" $4 "|" $5 "|" $6}'
}
# Each feed row is measured right after a hello row and compared with it (the machine's load may drift between pairs).
feed_rows=()
for _ in $(seq 1 "${BENCH_REPEAT:-$([ "$mode" = feed ] && echo 2 || echo 1)}"); do
  feed_rows+=("$(users hello /hello)" "$(users feed /api/v1/feed)")
done

if [ "$mode" = all ]; then
  # Issue 5: publishing a must-read to everyone. The HTTP publish saves the post and queues one job per channel; the
  # in-app channel writes a notification per employee, the mail channel queues e-mail batches of 200. Measured from the
  # publish request until every channel job has succeeded (the worker polls every second: --Jobs:PollSeconds=1).
  db="$data/inward.db"
  comms_token=$(echo "$tokens" | cut -d' ' -f3)
  api() { curl -sf -H "Authorization: Bearer $comms_token" -H 'Content-Type: application/json' "$@"; }
  post_id=$(api -d '{"type":"Announcement","title":"Bench must-read","body":"Please read **this**.","audience":{"version":1,"include":[{"everyone":true}],"exclude":[]},"mustRead":true}' \
    "http://127.0.0.1:$port/api/v1/posts" | python3 -c 'import sys, json; print(json.load(sys.stdin)["id"])')
  batches_before=$(sqlite3 "$db" "select count(*) from BackgroundJobs where Kind = 'email.batch'")
  t0=$(date +%s.%N)
  publish_http=$(api -o /dev/null -w '%{time_total}' -d '{}' "http://127.0.0.1:$port/api/v1/posts/$post_id/publish")
  channel_sql="from BackgroundJobs where Kind like 'posts.published.%' and Payload like '%\"PostId\":$post_id,%'"
  for _ in $(seq 1 1200); do
    n=$(sqlite3 "$db" "select count(*) $channel_sql"); open=$(sqlite3 "$db" "select count(*) $channel_sql and Status <> 'Succeeded'")
    [ "$n" -gt 0 ] && [ "$open" -eq 0 ] && break
    sleep 0.05
  done
  publish_s=$(echo "$(date +%s.%N) - $t0" | bc)
  notified=$(sqlite3 "$db" "select count(*) from Notifications where Url = '/news/$post_id'")
  employees=$(sqlite3 "$db" "select count(*) from Employees where IsActive")
  batches=$(( $(sqlite3 "$db" "select count(*) from BackgroundJobs where Kind = 'email.batch'") - batches_before ))
  channel_runs=$(sqlite3 "$db" "select replace(Kind, 'posts.published.', '') $channel_sql" | paste -sd, - | sed 's/,/, /g')
fi

{
  echo "### Run $(date -u +%Y-%m-%dT%H:%MZ) — $(nproc) cores, $(awk '/MemTotal/ {printf "%.0f GiB", $2/1048576}' /proc/meminfo), $(dotnet --version) SDK, $([ "$mode" = feed ] && echo "feed only (bench/run.sh feed), wrk" || echo "wrk -t2 -c64 -d${duration}s") on the same machine"
  echo
  echo "| measurement | result |"
  echo "|---|---|"
  echo "| seed 10,000 employees (CLI, SQLite) | $(shown "$seed_s") |"
  if [ "$mode" = all ]; then
    echo "| import 10,000-row CSV roster (CLI, SQLite, 3 runs) | $(printf '%.2f s, ' "${import_runs[@]}" | sed 's/, $//') |"
  fi
  echo "| seed $posts posts with audience index (CLI, SQLite) | $(shown "$posts_s") |"
  if [ "$mode" = all ]; then
    echo "| publish a must-read to everyone: HTTP publish / until every channel job succeeded | ${publish_http} s / ${publish_s%???????} s ($notified of $employees active employees notified in the app, $batches e-mail batches queued; channel jobs: $channel_runs; includes the worker's poll wait) |"
    echo
    echo "| endpoint | path | req/s | p50 | p99 | ratio to hello |"
    echo "|---|---|---|---|---|---|"
    for r in "${rows[@]}"; do
      IFS='|' read -r name path rps p50 p99 <<< "$r"
      echo "| $name | \`$path\` | $rps | $p50 | $p99 | $(echo "scale=3; $rps / $hello_rps" | bc) |"
    done
  fi
  echo
  echo "Feed with $posts posts, 50 concurrent users (wrk -t2 -c50 -d${duration}s, five users' tokens in turn; ms):"
  echo
  echo "| endpoint | path | req/s | p50 | p95 | p99 | errors | ratio to hello |"
  echo "|---|---|---|---|---|---|---|---|"
  for r in "${feed_rows[@]}"; do
    IFS='|' read -r name path rps p50 p95 p99 errors <<< "$r"
    [ "$name" = hello ] && feed_hello=$rps
    echo "| $name | \`$path\` | $rps | $p50 | $p95 | $p99 | $errors | $(echo "scale=3; $rps / $feed_hello" | bc) |"
  done
} | tee "$out/latest.md"
