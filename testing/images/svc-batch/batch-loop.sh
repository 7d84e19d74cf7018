#!/bin/bash
# The batch job: every $BATCH_INTERVAL seconds, list /data, back it up, mirror it, prune old backups.
# It runs until the container is stopped (TERM ends it between or during jobs).
set -uo pipefail
log=/var/log/batch.log
backups=/var/backups/batch
interval=${BATCH_INTERVAL:-5}
trap 'echo "$(date -u +%FT%TZ) stopping" >> "$log"; exit 0' TERM INT

# Seed /data on first start so that there is something to back up.
if [ -z "$(find /data -mindepth 1 -maxdepth 1 -print -quit)" ]; then
  mkdir -p /data/reports
  for i in 1 2 3; do printf 'report %s\n' "$i" > "/data/reports/report-$i.txt"; done
fi

job() {
  local ts files
  ts=$(date -u +%Y%m%dT%H%M%SZ)
  files=$(find /data -type f | wc -l)
  printf 'run %s at %s\n' "$ts" "$(date -u)" > /data/last-run.txt
  tar czf "$backups/data-$ts.tgz" -C / data
  rsync -a --delete /data/ "$backups/mirror/"
  # keep the newest 3 backups
  find "$backups" -maxdepth 1 -name 'data-*.tgz' -printf '%T@ %p\n' | sort -rn | tail -n +4 | cut -d' ' -f2- \
    | xargs -r rm -f
  echo "$(date -u +%FT%TZ) job $ts: $files files in /data, backup data-$ts.tgz, $(find "$backups" -maxdepth 1 -name 'data-*.tgz' | wc -l) backups kept"
}

echo "$(date -u +%FT%TZ) batch loop starting, every ${interval}s" >> "$log"
while true; do
  job >> "$log" 2>&1 || echo "$(date -u +%FT%TZ) job failed" >> "$log"
  sleep "$interval" &
  wait $!
done
