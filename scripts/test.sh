#!/usr/bin/env bash
# Runs every PeerLink test on a fresh Debian machine with the .NET SDK and Node.
# Installs what the tests need, and ends with a plain "N passed, N failed" line.
# Tests start and stop their own redis-server on free loopback ports; browser tests drive Debian's
# chromium headless. The build itself runs npm ci for the browser packages (SignalR client, axe-core).
set -euo pipefail
cd "$(dirname "$0")/.."

need_packages=()
command -v redis-server >/dev/null 2>&1 || need_packages+=(redis-server)
[ -x /usr/bin/chromium ] || need_packages+=(chromium)
if [ ${#need_packages[@]} -gt 0 ]; then
  echo "Installing ${need_packages[*]}..."
  if [ "$(id -u)" -ne 0 ]; then sudo=sudo; else sudo=; fi
  $sudo apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq "${need_packages[@]}" >/dev/null
fi

results=TestResults
rm -rf "$results"
status=0
# A hung test fails the run with a dump instead of holding CI until its time limit.
dotnet test PeerLink.sln --configuration Release --blame-hang-timeout 5m \
  --logger "trx" --logger "console;verbosity=normal" --results-directory "$results" || status=$?

# dotnet test's own summary is per project; CI wants one plain line for the whole run.
passed=0; failed=0
shopt -s nullglob
for trx in "$results"/*.trx; do
  counters=$(grep -o '<Counters [^>]*>' "$trx" | head -n 1)
  p=$(sed -n 's/.* passed="\([0-9]*\)".*/\1/p' <<<"$counters")
  f=$(sed -n 's/.* failed="\([0-9]*\)".*/\1/p' <<<"$counters")
  passed=$((passed + ${p:-0})); failed=$((failed + ${f:-0}))
done
if [ "$status" -ne 0 ] && [ "$failed" -eq 0 ]; then
  failed=1   # the build or a test host failed before any result was written
fi
# The console log is long and CI keeps only its end, so the failures are named again here, last.
for trx in "$results"/*.trx; do
  awk '
    /<UnitTestResult / && /outcome="Failed"/ {
      match($0, /testName="[^"]*"/); name = substr($0, RSTART + 10, RLENGTH - 11)
      print "FAILED " name; want = 1; next
    }
    want && /<Message>/ { printing = 1; lines = 0 }
    printing {
      line = $0; sub(/.*<Message>/, "", line); sub(/<\/Message>.*/, "", line)
      if (lines++ < 8) print "  " line
      if ($0 ~ /<\/Message>/) { printing = 0; want = 0 }
    }
  ' "$trx"
done
echo "$passed passed, $failed failed"
exit "$status"
