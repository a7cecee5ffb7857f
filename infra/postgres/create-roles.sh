#!/bin/sh
# PostgreSQL's image runs this once, when its data volume is new: the platform's two roles, passwords from secrets.
set -eu
psql -v ON_ERROR_STOP=1 --username postgres \
  -v owner_password="$(cat /run/secrets/wfx-owner-password)" \
  -v app_password="$(cat /run/secrets/wfx-app-password)" \
  -v benchmark_password="$(cat /run/secrets/wfx-benchmark-password)" \
  -f /opt/workforce-exchange/create-roles.sql
