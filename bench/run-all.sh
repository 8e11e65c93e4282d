#!/usr/bin/env bash
# Reruns every benchmark in bench/ and leaves the reports in BenchmarkDotNet.Artifacts/results.
# Needs redis-server on PATH and chromium at /usr/bin/chromium (the storage benchmark and the load run's Redis mode start their own on free
# loopback ports). Pass "--job short" for a quicker, noisier BenchmarkDotNet run; with no arguments
# BenchmarkDotNet picks its defaults. SOAK=1 adds the load tool's 10-minute soak at half the target rate, in
# Redis mode: in memory mode the messages themselves are kept in the server, so its memory grows by design.
# The machine should be otherwise idle: the load run's figures move with everything else running on it.
set -euo pipefail
cd "$(dirname "$0")/.."
command -v redis-server >/dev/null || { echo "redis-server is needed: apt-get install -y redis-server" >&2; exit 1; }
results=BenchmarkDotNet.Artifacts/results
echo "machine: $(nproc) cores, $(free -g | awk '/^Mem:/{print $2}') GiB, commit $(git rev-parse --short HEAD 2>/dev/null || echo unknown), $(date -u +%Y-%m-%d), load average $(cut -d' ' -f1-3 /proc/loadavg)"
dotnet build -c Release bench/PeerLink.Benchmarks >/dev/null
dotnet build -c Release bench/PeerLink.Load >/dev/null
dotnet build -c Release bench/PeerLink.PageLoad >/dev/null
dotnet run -c Release --no-build --project bench/PeerLink.Benchmarks -- decisions
dotnet run -c Release --no-build --project bench/PeerLink.Benchmarks -- --filter '*' --exporters github "$@"

# The seeker page's time to interactive in headless chromium (apt-get install -y chromium), against a bare page.
mkdir -p "$results"
page_status=0
dotnet run -c Release --no-build --project bench/PeerLink.PageLoad -- --json "$results/page-load.json" || page_status=$?

# Load: 5,000 people over real WebSockets, memory and Redis side by side, against the bare echo hub.
# It exits 1 when the run had errors; the other figures are still written, so carry on to the soak.
load_status=0
dotnet run -c Release --no-build --project bench/PeerLink.Load -- --json "$results/load.json" || load_status=$?
if [ "${SOAK:-0}" = 1 ]; then
  dotnet run -c Release --no-build --project bench/PeerLink.Load -- \
    --storage redis --rate 1000 --duration 600 --no-baseline --sample-every 60 --json "$results/load-soak.json" || load_status=$?
fi
if [ "$load_status" -ne 0 ]; then exit "$load_status"; fi
exit "$page_status"
