#!/usr/bin/env bash
# Reruns every benchmark in bench/ and leaves the reports in BenchmarkDotNet.Artifacts/results.
# Needs redis-server on PATH (the storage benchmark starts its own on a free loopback port).
# Pass "--job short" for a quicker, noisier run; with no arguments BenchmarkDotNet picks its defaults.
set -euo pipefail
cd "$(dirname "$0")/.."
command -v redis-server >/dev/null || { echo "redis-server is needed: apt-get install -y redis-server" >&2; exit 1; }
echo "machine: $(nproc) cores, $(free -g | awk '/^Mem:/{print $2}') GiB, commit $(git rev-parse --short HEAD 2>/dev/null || echo unknown), $(date -u +%Y-%m-%d)"
dotnet build -c Release bench/PeerLink.Benchmarks >/dev/null
dotnet run -c Release --no-build --project bench/PeerLink.Benchmarks -- decisions
dotnet run -c Release --no-build --project bench/PeerLink.Benchmarks -- --filter '*' --exporters github "$@"
