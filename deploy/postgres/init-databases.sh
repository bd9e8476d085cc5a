#!/bin/sh
# Runs once, when the Postgres volume is first initialised (docker-entrypoint-initdb.d):
# a role for Temporal (it creates its own databases) and a role and database for Ballast's
# store, each with its own password.
set -eu

psql -v ON_ERROR_STOP=1 --username "$POSTGRES_USER" --dbname postgres \
  --set temporal_password="$TEMPORAL_DB_PASSWORD" \
  --set ballast_password="$BALLAST_DB_PASSWORD" <<'SQL'
CREATE ROLE temporal LOGIN CREATEDB PASSWORD :'temporal_password';
CREATE ROLE ballast LOGIN PASSWORD :'ballast_password';
CREATE DATABASE ballast OWNER ballast;
SQL
