#!/bin/bash
# The "integration tests" CiProfilesTest learns around: starts the image given as $1, waits for its health check,
# drives its benign endpoints for a while, and removes it. Only its benign endpoints: never POST /debug.
set -euo pipefail
image=$1
name=$2
id=$(docker run -d --name "$name" "$image")
trap 'docker rm -f "$id" > /dev/null' EXIT
for _ in $(seq 60); do
  [ "$(docker inspect -f '{{.State.Health.Status}}' "$id")" = healthy ] && break
  sleep 1
done
ip=$(docker inspect -f '{{range .NetworkSettings.Networks}}{{.IPAddress}}{{end}}' "$id")
for _ in $(seq 25); do
  curl -fsS -o /dev/null "http://$ip:8000/"
  curl -fsS -o /dev/null "http://$ip:8000/api/time"
  curl -fsS -o /dev/null "http://$ip:8000/api/status"
  curl -fsS -o /dev/null "http://$ip:8000/health"
  sleep 0.4
done
echo "integration tests passed against $image"
