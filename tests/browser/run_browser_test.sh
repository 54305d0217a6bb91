#!/usr/bin/env bash
# ctest entry for the browser test: installs the pinned playwright-core
# (npm ci, from package-lock.json) when node_modules is missing, then runs
# browser_test.mjs. Usage: run_browser_test.sh VANBAN_BINARY SOURCE_DIR OUT_DIR
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
if ! command -v node >/dev/null 2>&1; then
  echo "browser test: node is missing (run scripts/deps)" >&2
  exit 1
fi
if [ ! -d "$here/node_modules/playwright-core" ]; then
  (cd "$here" && npm ci --no-audit --no-fund --loglevel=error)
fi
exec node "$here/browser_test.mjs" "$@"
