#!/usr/bin/env bash
# Adds a migration with the same name to both providers: scripts/add-migration.sh NAME
set -euo pipefail
cd "$(dirname "$0")/.."
name=${1:?usage: scripts/add-migration.sh NAME}
dotnet tool restore >/dev/null
for provider in Sqlite Postgres; do
  dotnet ef migrations add "$name" --project "src/Inward.Migrations.$provider" --startup-project "src/Inward.Migrations.$provider" --output-dir Migrations
done
