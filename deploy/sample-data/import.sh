#!/usr/bin/env bash
# Loads the SAMPLE data set into the database named by PASSENGERGATE_DB (deploy/run.sh sets it).
# Safe to run on every start: each import is idempotent, the sample rules are set only when no rules
# were ever set (an operator's own rules are never overwritten), and a selection seed is made only
# when none is in force today.
#
#   deploy/sample-data/import.sh [pgate command...]    (default: dotnet src/PassengerGate.Cli/bin/Debug/net10.0/pgate.dll)
set -euo pipefail
HERE=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
ROOT=$(cd "$HERE/../.." && pwd)
if [ $# -gt 0 ]; then PGATE=("$@"); else PGATE=(dotnet "$ROOT/src/PassengerGate.Cli/bin/Debug/net10.0/pgate.dll"); fi
: "${PASSENGERGATE_DB:?PASSENGERGATE_DB must name the database}"

"${PGATE[@]}" rates import "$HERE/rates.csv" >/dev/null
# The service refuses a currency without this week's rate (docs/decisions/0017), so a demo run on any day needs
# rates for the weeks around it: each currency's last sample rate, carried to this week and the next three where the
# file does not reach them (customs weeks run Sunday to Saturday, in the airport's time zone). Same values every time: idempotent.
carried="$(mktemp)"
trap 'rm -f "$carried"' EXIT
head -1 "$HERE/rates.csv" >"$carried"
sunday=$(TZ=Asia/Tokyo date -d "today -$(TZ=Asia/Tokyo date +%w) days" +%F)
for week in 0 1 2 3; do
  from=$(date -d "$sunday +$((week * 7)) days" +%F); to=$(date -d "$sunday +$((week * 7 + 6)) days" +%F)
  tail -n +2 "$HERE/rates.csv" | awk -F, -v from="$from" -v to="$to" \
    '{ last[$1] = $4; until[$1] = $3 } END { for (c in last) if (from > until[c]) printf "%s,%s,%s,%s,SAMPLE data for local runs (last sample rate carried forward) - not a published customs rate\n", c, from, to, last[c] }' >>"$carried"
done
if [ "$(wc -l <"$carried")" -gt 1 ]; then "${PGATE[@]}" rates import "$carried" >/dev/null; fi
"${PGATE[@]}" risk watchlist import "$HERE/watchlist.csv" >/dev/null
for manifest in "$HERE"/apis-*.csv; do
  "${PGATE[@]}" apis import "$manifest" >/dev/null
done
if ! "${PGATE[@]}" risk rules show | grep -q '"version":[0-9]'; then
  "${PGATE[@]}" risk rules set "$HERE/rules.json" >/dev/null
fi
if ! "${PGATE[@]}" risk seed show | grep -q '"seedId":"'; then
  "${PGATE[@]}" risk seed rotate >/dev/null
fi
echo "sample data imported (SAMPLE rates, rules, watchlist and APIS manifests; not real data)"
