#!/bin/sh
# Creates (first run) or upgrades (later runs) Temporal's two Postgres databases.
# Runs in temporalio/admin-tools before the server starts; safe to run at every `up`.
set -eu

: "${POSTGRES_SEEDS:?}" "${TEMPORAL_DB_USER:?}" "${TEMPORAL_DB_PASSWORD:?}"
export SQL_PASSWORD="$TEMPORAL_DB_PASSWORD"
SCHEMA=/etc/temporal/schema/postgresql/v12

until nc -z "$POSTGRES_SEEDS" 5432; do
  echo "waiting for postgres at $POSTGRES_SEEDS:5432"
  sleep 1
done

for database in temporal temporal_visibility; do
  case "$database" in
    temporal) schema_dir="$SCHEMA/temporal/versioned" ;;
    *) schema_dir="$SCHEMA/visibility/versioned" ;;
  esac
  tool="temporal-sql-tool --plugin postgres12 --ep $POSTGRES_SEEDS -p 5432 -u $TEMPORAL_DB_USER --db $database"
  # `create` fails when the database exists, which is the normal case after the first run.
  $tool create || echo "database $database exists"
  # setup-schema at version 0.0 is a no-op on an existing schema; update-schema applies what is new.
  $tool setup-schema -v 0.0
  $tool update-schema -d "$schema_dir"
done
echo "temporal databases ready"
