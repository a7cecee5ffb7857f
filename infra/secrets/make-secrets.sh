#!/bin/sh
# Creates the secret files compose.yaml reads, with random values, if they are not there yet. Never commit them.
#   sh infra/secrets/make-secrets.sh
set -eu
cd "$(dirname "$0")"
umask 077
for name in postgres-superuser-password wfx-owner-password wfx-app-password wfx-benchmark-password; do
  [ -s "$name" ] || head -c 24 /dev/urandom | base64 | tr -d '/+=\n' > "$name"
done
[ -s pseudonym-keys.properties ] || printf '1=%s\n' "$(head -c 32 /dev/urandom | base64 | tr -d '\n')" > pseudonym-keys.properties
echo "Secrets are in $(pwd). Keep pseudonym-keys.properties apart from database backups, and keep every version."
