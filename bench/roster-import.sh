#!/usr/bin/env bash
# Times `import-roster` on a generated roster against a fresh SQLite data directory.
#   bench/roster-import.sh [ROWS]     (default 10000)
# Prints the command's report; its last line says how long the import took.
set -euo pipefail
cd "$(dirname "$(readlink -f "${BASH_SOURCE[0]}")")/.."

rows=${1:-10000}
work=$(mktemp -d -t inward-bench.XXXXXX)
trap 'rm -rf "$work"' EXIT

python3 - "$rows" "$work/roster.csv" <<'PY'
import sys
rows, path = int(sys.argv[1]), sys.argv[2]
departments = [("Customer Service", "Lyon Office", "Service agent"), ("Frame Shop", "Gdańsk Works", "Welder"),
               ("Field Service", "Leeds Service Hub", "Field technician"), ("Assembly", "Gdańsk Works", "Assembler")]
with open(path, "w", encoding="utf-8") as f:
    f.write("name,email,employee number,department,location,job role,manager email,hire date,language,frontline,active\n")
    for i in range(rows):
        d, l, r = departments[i % len(departments)]
        manager = "" if i == 0 else f"bench{(i - 1) // 8}@bench.example"
        f.write(f"Łukasz Wiśniewski {i},bench{i}@bench.example,B{i:06d},{d},{l},{r},{manager},2024-03-{i % 28 + 1:02d},pl,yes,yes\n")
PY

dotnet build src/Inward -c Release -v q -nologo >/dev/null
run() { dotnet run --project src/Inward -c Release --no-build -- "$@" "--Inward:DataDirectory=$work/data" --Logging:LogLevel:Default=Warning; }
# A small generated company provides the departments, locations and job roles the roster refers to.
run seed --employees 20 >/dev/null
run import-roster "$work/roster.csv"
echo "Again (all rows unchanged):"
run import-roster "$work/roster.csv" | tail -2
