#!/usr/bin/env bash
# Starts Inward (Release build) on generated data and measures it. Prints a Markdown report; see RESULTS.md.
# Measures: seeding 10,000 employees, importing a 10,000-row CSV roster, and HTTP throughput/latency of the
# people API, directory page and current plan (live KPIs) against a plain "hello" endpoint measured in the same run.
#
#   bench/run.sh          everything (about 5 minutes on 2 cores)
#   bench/run.sh feed     only the issue 5 feed target: seed 10,000 employees and 100,000 posts, then /hello and
#                         /api/v1/feed at 50 concurrent users, BENCH_REPEAT times each (default 2), printing the table rows
#   bench/run.sh learning only the issue 6 target: seed 10,000 employees and their training (seed-learning: 20 courses),
#                         make the scale company's Customer Service (about 1,400 people) report to manager@demo.example,
#                         then the HR report page, the manager's team page (cookie sign-in) and their API equivalents:
#                         single-request latency (median of 5 curl requests) and wrk at 10 connections, after /hello,
#                         BENCH_REPEAT times (default 2)
#   bench/run.sh surveys  only the issue 7 target: seed 10,000 employees and a closed survey they all answered (seed-survey:
#                         30 items, 50 departments), then single renders of the results page (HR cookie), the results API
#                         (company and one department) and the XLSX export: median of 5 curl requests after a warm-up, and
#                         /hello with wrk at 10 connections in the same run, BENCH_REPEAT times (default 3)
# BENCH_APP_ARGS: extra app settings for the measured run (e.g. --Surveys:ResultsCacheMinutes=0 for uncached survey results);
# BENCH_DURATION (seconds per wrk run, default 10), BENCH_POSTS (default 100000); BENCH_DATA=DIR keeps the seeded data
# in DIR and reuses it on the next run (seeding is skipped when DIR/inward.db exists).
set -euo pipefail
mode=${1:-all}
case "$mode" in all|feed|learning|surveys) ;; *) echo "usage: bench/run.sh [feed|learning|surveys]" >&2; exit 2 ;; esac
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
posts_s="(not seeded)"; learning_s="(not seeded)"; survey_s="(not seeded)"
if [ -f "$data/inward.db" ]; then
  seed_s="(reused)"; posts_s="(reused)"
else
  inward migrate "--Inward:DataDirectory=$data" >/dev/null
  seed_s=$(secs inward seed --employees 10000 --seed 42 "--Inward:DataDirectory=$data")
  if [ "$mode" != learning ] && [ "$mode" != surveys ]; then
    # Issue 5: 100,000 published posts with varied audiences (a quarter for everyone, the rest per department/location/role).
    posts_s=$(secs inward seed-posts --count "$posts" --seed 7 "--Inward:DataDirectory=$data")
  fi
fi
if [ "$mode" = learning ]; then
  # Issue 6: 20 published courses with rules and the assignments they give every employee (about 60 % completed with a
  # certificate, 10 % overdue). The demo company (accounts, demo courses) comes with the app's --demo start below.
  if [ "$(sqlite3 "$data/inward.db" "select count(*) from Courses where OwnerUserId = 'seed'")" -gt 0 ]; then
    learning_s="(reused)"
  else
    learning_s=$(secs inward seed-learning --seed 11 "--Inward:DataDirectory=$data")
  fi
fi
if [ "$mode" = surveys ]; then
  # Issue 7: one closed anonymous survey, 30 items, answered by every employee, over 50 departments.
  if [ "$(sqlite3 "$data/inward.db" "select count(*) from Surveys where Title = 'Generated engagement survey'")" -gt 0 ]; then
    survey_s="(reused)"
  else
    survey_s=$(secs inward seed-survey --departments 50 --items 30 --seed 13 "--Inward:DataDirectory=$data")
  fi
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
  --RateLimits:ApiPerMinute=1000000000 --Logging:LogLevel:Default=Warning ${BENCH_APP_ARGS:-} > "$work/app.log" 2>&1 & echo $! > "$work/pid")
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
if [ "$mode" != learning ] && [ "$mode" != surveys ]; then
  for _ in $(seq 1 "${BENCH_REPEAT:-$([ "$mode" = feed ] && echo 2 || echo 1)}"); do
    feed_rows+=("$(users hello /hello)" "$(users feed /api/v1/feed)")
  done
fi

# Pages sit behind a cookie sign-in: sign in like a browser (antiforgery token from the form) and send the cookie.
cookie_of() { # email -> "name=value; ..." of the signed-in session
  local jar="$work/$1.jar" form token
  form=$(curl -sf -c "$jar" "http://127.0.0.1:$port/account/sign-in")
  token=$(echo "$form" | grep -o 'name="__RequestVerificationToken" type="hidden" value="[^"]*"' | head -1 | sed 's/.*value="//; s/"$//')
  curl -sf -o /dev/null -b "$jar" -c "$jar" --data-urlencode "Input.Email=$1" --data-urlencode "Input.Password=demo" \
    --data-urlencode "__RequestVerificationToken=$token" "http://127.0.0.1:$port/account/sign-in" || { echo "sign-in as $1 failed" >&2; exit 1; }
  awk -F'\t' 'NF == 7 && $6 ~ /^inward\./ {printf "%s%s=%s", sep, $6, $7; sep="; "}' "$jar"
}
# Single requests one after another: the median of 5 (after one warm-up), in ms.
single() { # path curl-args...
  local path=$1; shift
  curl -sf -o /dev/null "$@" "http://127.0.0.1:$port$path" || { echo "GET $path failed" >&2; exit 1; }
  for _ in 1 2 3 4 5; do curl -sf -o /dev/null -w '%{time_total}\n' "$@" "http://127.0.0.1:$port$path"; done | sort -n | sed -n 3p | awk '{printf "%.1f", $1 * 1000}'
}
# A page must be the page itself, not the sign-in form it redirects to without a valid cookie.
check_page() { # path cookie text
  local page; page=$(curl -sf -H "Cookie: $2" "http://127.0.0.1:$port$1") || { echo "GET $1 failed" >&2; exit 1; }
  grep -q "$3" <<< "$page" || { echo "GET $1 did not show \"$3\"" >&2; exit 1; }
}

if [ "$mode" = learning ]; then
  # Issue 6: the dashboards are Razor pages behind a cookie sign-in, so sign in like a browser (antiforgery token from
  # the form) and send the cookie; the API equivalents take the bearer tokens. HR (ManageLearning) reads the report,
  # the demo manager their team: the scale company's Customer Service head (S00007) now reports to them.
  db="$data/inward.db"
  sqlite3 "$db" "update Employees set ManagerId = (select Id from Employees where NormalizedEmail = 'MANAGER@DEMO.EXAMPLE') where EmployeeNumber = 'S00007'"
  team_size=$(sqlite3 "$db" "with recursive t(id) as (select Id from Employees where NormalizedEmail = 'MANAGER@DEMO.EXAMPLE'
    union select e.Id from Employees e join t on e.ManagerId = t.id where e.IsActive) select count(*) - 1 from t")
  team_assignments=$(sqlite3 "$db" "with recursive t(id) as (select Id from Employees where NormalizedEmail = 'MANAGER@DEMO.EXAMPLE'
    union select e.Id from Employees e join t on e.ManagerId = t.id where e.IsActive)
    select count(*) from LearningAssignments a join t on a.EmployeeId = t.id where a.Status <> 'Cancelled'")
  learning_counts=$(sqlite3 "$db" "select (select count(*) from Courses where Status = 'Published') || ' published courses, ' ||
    (select count(*) from LearningAssignments) || ' assignments, ' || (select count(*) from CourseCompletions) || ' completions, ' ||
    (select count(*) from Certificates) || ' certificates, ' ||
    (select count(*) from LearningAssignments where Status = 'Open' and DueDate < date('now')) || ' overdue'")
  hr_cookie=$(cookie_of hr@demo.example); manager_cookie=$(cookie_of manager@demo.example)
  hr_token=$(echo "$tokens" | cut -d' ' -f4); manager_token=$(echo "$tokens" | cut -d' ' -f2)
  check_page /learning/report "$hr_cookie" 'Generated course 01'
  check_page /learning/team "$manager_cookie" "$team_size people"
  learning() { # name path wrk-headers... -> name|path|single ms|req/s|p50|p95|p99|errors
    local name=$1 path=$2; shift 2
    local one; one=$(single "$path" "$@")
    TOKENS="" wrk -t2 -c10 -d"${duration}s" -s bench/users.lua "$@" "http://127.0.0.1:$port$path" |
      awk -v n="$name" -v p="$path" -v one="$one" '/^SUMMARY/ {print n "|" p "|" one "|" $2 "|" $3 "|" $4 "|" $5 "|" $6}'
  }
  learning_rows=()
  for _ in $(seq 1 "${BENCH_REPEAT:-2}"); do
    learning_rows+=("$(learning hello /hello)")
    learning_rows+=("$(learning report-page /learning/report -H "Cookie: $hr_cookie")")
    learning_rows+=("$(learning report-page-course "/learning/report?course=$(sqlite3 "$db" "select min(Id) from Courses where OwnerUserId = 'seed'")" -H "Cookie: $hr_cookie")")
    learning_rows+=("$(learning team-page /learning/team -H "Cookie: $manager_cookie")")
    learning_rows+=("$(learning team-api '/api/v1/learning/assignments?team=true' -H "Authorization: Bearer $manager_token")")
    learning_rows+=("$(learning all-overdue-dept '/api/v1/learning/assignments?all=true&state=overdue&departmentId=3' -H "Authorization: Bearer $hr_token")")
  done
fi

if [ "$mode" = surveys ]; then
  db="$data/inward.db"
  survey_id=$(sqlite3 "$db" "select Id from Surveys where Title = 'Generated engagement survey'")
  survey_counts=$(sqlite3 "$db" "select (select count(*) from SurveyResponses where SurveyId = $survey_id) || ' respondents, ' ||
    (select count(*) from SurveyQuestions where SurveyId = $survey_id) || ' items, ' ||
    (select count(*) from SurveyAnswers a join SurveyResponses r on r.Id = a.ResponseId where r.SurveyId = $survey_id) || ' answers, ' ||
    (select count(distinct DepartmentId) from SurveyResponses where SurveyId = $survey_id) || ' departments with respondents'")
  survey_department=$(sqlite3 "$db" "select DepartmentId from SurveyResponses where SurveyId = $survey_id group by DepartmentId order by count(*) desc limit 1")
  hr_cookie=$(cookie_of hr@demo.example); hr_token=$(echo "$tokens" | cut -d' ' -f4)
  check_page "/surveys/$survey_id/results" "$hr_cookie" 'Generated engagement survey'
  survey_rows=()
  for _ in $(seq 1 "${BENCH_REPEAT:-3}"); do
    hello=$(TOKENS="" wrk -t2 -c10 -d"${duration}s" -s bench/users.lua "http://127.0.0.1:$port/hello" | awk '/^SUMMARY/ {print $2 "|" $3 "|" $5}')
    survey_rows+=("hello|/hello|$(single /hello)|$hello")
    survey_rows+=("results-page|/surveys/$survey_id/results|$(single "/surveys/$survey_id/results" -H "Cookie: $hr_cookie")|||")
    survey_rows+=("results-api|/api/v1/surveys/$survey_id/results|$(single "/api/v1/surveys/$survey_id/results" -H "Authorization: Bearer $hr_token")|||")
    survey_rows+=("results-api-department|/api/v1/surveys/$survey_id/results?department=$survey_department|$(single "/api/v1/surveys/$survey_id/results?department=$survey_department" -H "Authorization: Bearer $hr_token")|||")
    # A filtered view: the whole company's filter decision (FilterGuard, ADR 0016), cached for a closed survey after the warm-up.
    survey_rows+=("results-api-filtered|/api/v1/surveys/$survey_id/results?tenure=FiveYearsOrMore|$(single "/api/v1/surveys/$survey_id/results?tenure=FiveYearsOrMore" -H "Authorization: Bearer $hr_token")|||")
    survey_rows+=("export-xlsx|/surveys/$survey_id/export?handler=Xlsx|$(single "/surveys/$survey_id/export?handler=Xlsx" -H "Cookie: $hr_cookie")|||")
  done
fi

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
  echo "### Run $(date -u +%Y-%m-%dT%H:%MZ) — $(nproc) cores, $(awk '/MemTotal/ {printf "%.0f GiB", $2/1048576}' /proc/meminfo), $(dotnet --version) SDK, $(case $mode in feed) echo "feed only (bench/run.sh feed), wrk" ;; learning) echo "learning only (bench/run.sh learning), wrk" ;; surveys) echo "surveys only (bench/run.sh surveys), curl and wrk" ;; *) echo "wrk -t2 -c64 -d${duration}s" ;; esac)${BENCH_APP_ARGS:+, app started with $BENCH_APP_ARGS} on the same machine"
  echo
  echo "| measurement | result |"
  echo "|---|---|"
  echo "| seed 10,000 employees (CLI, SQLite) | $(shown "$seed_s") |"
  if [ "$mode" = all ]; then
    echo "| import 10,000-row CSV roster (CLI, SQLite, 3 runs) | $(printf '%.2f s, ' "${import_runs[@]}" | sed 's/, $//') |"
  fi
  if [ "$mode" != learning ] && [ "$mode" != surveys ]; then
    echo "| seed $posts posts with audience index (CLI, SQLite) | $(shown "$posts_s") |"
  fi
  if [ "$mode" = learning ]; then
    echo "| seed-learning: 20 courses with rules, assignments, completions, certificates (CLI, SQLite) | $(shown "$learning_s") ($learning_counts) |"
    echo "| manager@demo.example's team (direct and indirect reports) | $team_size people, $team_assignments assignments |"
  fi
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
  if [ "$mode" = learning ]; then
    echo
    echo "Learning dashboards, 10 connections (wrk -t2 -c10 -d${duration}s; single = median of 5 sequential curl requests; ms):"
    echo
    echo "| endpoint | path | single | req/s | p50 | p95 | p99 | errors | ratio to hello |"
    echo "|---|---|---|---|---|---|---|---|---|"
    for r in "${learning_rows[@]}"; do
      IFS='|' read -r name path one rps p50 p95 p99 errors <<< "$r"
      [ "$name" = hello ] && learning_hello=$rps
      echo "| $name | \`$path\` | $one | $rps | $p50 | $p95 | $p99 | $errors | $(echo "scale=3; $rps / $learning_hello" | bc) |"
    done
  fi
  if [ "$mode" = surveys ]; then
    echo "| seed-survey: a closed survey answered by every employee (CLI, SQLite) | $(shown "$survey_s") ($survey_counts) |"
    echo
    echo "Survey results, single renders one after another (median of 5 curl requests after a warm-up; ms), with /hello at 10 connections (wrk -t2 -c10 -d${duration}s):"
    echo
    echo "| endpoint | path | single | hello req/s | hello p50 | hello p99 |"
    echo "|---|---|---|---|---|---|"
    for r in "${survey_rows[@]}"; do
      IFS='|' read -r name path one rps p50 p99 <<< "$r"
      echo "| $name | \`$path\` | $one | $rps | $p50 | $p99 |"
    done
  fi
  [ "$mode" = learning ] || [ "$mode" = surveys ] || {
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
  }
} | tee "$out/latest.md"
