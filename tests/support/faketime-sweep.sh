#!/usr/bin/env bash
# Runs the tests under faketime on the 3rd, 15th and 31st of a month at 02:00 and 15:00 UTC
# (09:00 and 22:00 WIB), so a test that depends on the date or the time of day fails here, not in CI
# on some unlucky day (issue 21 point 1).
#
#   tests/support/faketime-sweep.sh                      # the whole suite at each of the six times
#   tests/support/faketime-sweep.sh tests/pressure.test.ts tests/app/scheduler.test.ts
#   SWEEP_TIMES='2026-01-31 15:00:00' tests/support/faketime-sweep.sh   # one time only
#
# The clock starts at each time and keeps moving (faketime's start-at form, not a frozen clock);
# monotonic time stays real (FAKETIME_DONT_FAKE_MONOTONIC=1), or Node crawls under libfaketime.
# Needs the Debian package faketime. Exits non-zero if any time failed, and prints one line per time.
set -uo pipefail
cd "$(dirname "$0")/../.."
if ! command -v faketime >/dev/null; then
  echo "faketime is not installed (apt-get install faketime)" >&2
  exit 2
fi
DEFAULT_TIMES=$'2026-03-03 02:00:00\n2026-03-03 15:00:00\n2026-02-15 02:00:00\n2026-02-15 15:00:00\n2026-01-31 02:00:00\n2026-01-31 15:00:00'
TIMES="${SWEEP_TIMES:-$DEFAULT_TIMES}"
failed=0
summary=""
while IFS= read -r t; do
  [ -z "$t" ] && continue
  echo "=== faketime '$t' UTC ==="
  if FAKETIME_DONT_FAKE_MONOTONIC=1 faketime "$t UTC" npx vitest run --testTimeout=30000 --hookTimeout=30000 "$@"; then
    summary+="pass  $t UTC"$'\n'
  else
    summary+="FAIL  $t UTC"$'\n'
    failed=1
  fi
done <<< "$TIMES"
printf '%s' "$summary"
exit $failed
