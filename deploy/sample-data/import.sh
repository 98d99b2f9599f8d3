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
