#!/usr/bin/env bash
# Starts `vanban serve` on 127.0.0.1 (a free port) over a benchmark index, runs
# wrk against /api/search (bench/server/search.lua rotates the query list) at
# 1, 8 and 64 connections, prints one `server ...` line per run, and stops
# the server. Usage: run_wrk.sh VANBAN DB QUERIES SECONDS LOG
set -euo pipefail
vanban=$1 db=$2 queries=$3 seconds=$4 log=$5
here=$(cd "$(dirname "$0")" && pwd)
port=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')
"$vanban" serve --db "$db" --host 127.0.0.1 --port "$port" >"$log" 2>&1 &
pid=$!
trap 'kill "$pid" 2>/dev/null || true; wait "$pid" 2>/dev/null || true' EXIT
url=http://127.0.0.1:$port
for _ in $(seq 100); do
  curl -fs -o /dev/null "$url/api/search?q=luat" && break
  kill -0 "$pid" 2>/dev/null || { echo "vanban serve exited; see $log" >&2; exit 1; }
  sleep 0.2
done
curl -fs "$url/api/search?q=khi%E1%BA%BFu%20n%E1%BA%A1i&limit=1" | head -c 300 >&2; echo >&2
# One warm-up pass over the query list.
wrk -t1 -c1 -d2s -s "$here/search.lua" "$url" -- "$queries" >/dev/null
for c in 1 8 64; do
  t=2; [[ $c == 1 ]] && t=1
  load=$(cut -d' ' -f1-3 /proc/loadavg | tr ' ' '/')
  line=$(wrk -t$t -c$c -d"${seconds}s" --timeout 10s -s "$here/search.lua" "$url" -- "$queries" | grep '^wrk ')
  echo "server connections=$c threads=$t ${line#wrk } load=$load"
done
echo "server_log requests_logged=$(grep -c . "$log")"
