#!/bin/sh
# Creates the secret files compose.yaml reads, with random values, if they are not there yet. Never commit them.
#   sh infra/secrets/make-secrets.sh
#
# Who may read them: compose bind-mounts each file into its containers as it is on the host, and the containers run
# as other users (the service as uid 10001, PostgreSQL as uid 999), so each file is readable by any user (0444) —
# inside a directory only you can enter (0700), so no other user of this machine can reach them. The containers see
# the files, not the directory. (Mode 0600 files, as this script made before, could not be read by either container.)
set -eu
cd "$(dirname "$0")"
mkdir -p generated
chmod 700 generated
cd generated
umask 077
for name in postgres-superuser-password wfx-owner-password wfx-app-password wfx-benchmark-password; do
  [ -s "$name" ] || head -c 24 /dev/urandom | base64 | tr -d '/+=\n' > "$name"
done
[ -s pseudonym-keys.properties ] || printf '1=%s\n' "$(head -c 32 /dev/urandom | base64 | tr -d '\n')" > pseudonym-keys.properties
chmod 444 postgres-superuser-password wfx-owner-password wfx-app-password wfx-benchmark-password pseudonym-keys.properties
echo "Secrets are in $(pwd) (the directory yours alone, 0700; the files readable by the containers' users, 0444)."
echo "Keep pseudonym-keys.properties apart from database backups, and keep every version."
