#!/usr/bin/env bash
# Starts a local PeerLink cluster on this machine, all on 127.0.0.1: a redis-server with deploy/redis.conf's
# settings on a free port, and N web nodes (default 2) joined into one Orleans cluster through Redis: each co-hosting
# a silo, or, with --silos M, as Orleans clients of M dedicated PeerLink.Silo processes. Prints each process's
# address and pid; Ctrl+C (or the end of the shell) stops everything it started.
#
#   bash scripts/cluster.sh [--nodes N] [--silos M] [-- extra settings for every process, such as --PeerLink:Demo:Seed=true]
#
# Data (the AOF file, the key-protection certificate, each node's log) goes to a new folder under $TMPDIR, printed
# at start and left in place afterwards. See docs/cluster.md.
set -euo pipefail
cd "$(dirname "$0")/.."

nodes=2
silos=0
extra=()
while [ $# -gt 0 ]; do
  case "$1" in
    --nodes) nodes="$2"; shift 2 ;;
    --silos) silos="$2"; shift 2 ;;
    --) shift; extra=("$@"); break ;;
    *) echo "unknown option $1 (see the top of $0)" >&2; exit 2 ;;
  esac
done
[[ "$nodes" =~ ^[1-9][0-9]?$ ]] || { echo "--nodes takes 1 to 99" >&2; exit 2; }
[[ "$silos" =~ ^[0-9][0-9]?$ ]] || { echo "--silos takes 0 (web nodes co-host their silos) to 99" >&2; exit 2; }
command -v redis-server >/dev/null || { echo "redis-server is not installed (apt-get install -y redis-server)" >&2; exit 1; }
command -v openssl >/dev/null || { echo "openssl is not installed (apt-get install -y openssl)" >&2; exit 1; }

# A free loopback port in 20000-32000, none of those handed out already.
taken=" "
free_port() {
  local port
  while true; do
    port=$((20000 + RANDOM % 12000))
    [[ "$taken" == *" $port "* ]] && continue
    if ! (exec 3<>"/dev/tcp/127.0.0.1/$port") 2>/dev/null; then taken+="$port "; echo "$port"; return; fi
  done
}

data=$(mktemp -d "${TMPDIR:-/tmp}/peerlink-cluster.XXXXXX")
pids=()
stop() {
  trap - EXIT INT TERM
  echo "Stopping..."
  for pid in "${pids[@]}"; do kill "$pid" 2>/dev/null || true; done
  for pid in "${pids[@]}"; do wait "$pid" 2>/dev/null || true; done
  [ -f "$data/redis.pid" ] && kill "$(cat "$data/redis.pid")" 2>/dev/null || true
  echo "Stopped. Data and logs are in $data"
}
trap stop EXIT INT TERM

echo "Building PeerLink.Web (Release), and PeerLink.Silo with it..."
dotnet build src/PeerLink.Web --configuration Release --nologo --verbosity quiet
app=$(ls src/PeerLink.Web/bin/Release/net*/PeerLink.Web.dll | head -n 1)
# A program runs from its own build output, with its own dependency list.
silo_app=$(ls src/PeerLink.Silo/bin/Release/net*/PeerLink.Silo.dll | head -n 1)

redis_port=$(free_port)
redis-server deploy/redis.conf --port "$redis_port" --bind 127.0.0.1 --dir "$data" \
  --daemonize yes --pidfile "$data/redis.pid" --logfile "$data/redis.log"
for _ in $(seq 50); do [ -s "$data/redis.pid" ] && break; sleep 0.1; done
echo "redis-server  127.0.0.1:$redis_port  pid $(cat "$data/redis.pid")"

# The keys that seal sign-ins are kept in Redis, encrypted with this certificate (README, "Keys at rest").
password=$(openssl rand -hex 16)
openssl req -x509 -newkey rsa:2048 -nodes -days 30 -subj "/CN=PeerLink local cluster" \
  -keyout "$data/keys.key" -out "$data/keys.crt" 2>/dev/null
openssl pkcs12 -export -inkey "$data/keys.key" -in "$data/keys.crt" -out "$data/keys.pfx" -passout "pass:$password"
rm "$data/keys.key"

# The same Orleans settings for every process; each silo (co-hosted or dedicated) gets its own ports.
orleans=(
  --ConnectionStrings:redis="127.0.0.1:$redis_port"
  --Orleans:Clustering:ProviderType=Redis --Orleans:Clustering:ServiceKey=redis
  --Orleans:GrainStorage:Default:ProviderType=Redis --Orleans:GrainStorage:Default:ServiceKey=redis
  --Orleans:Reminders:ProviderType=Redis --Orleans:Reminders:ServiceKey=redis
  --Orleans:Endpoints:AdvertisedIPAddress=127.0.0.1
)
silo_ports() { echo "--Orleans:Endpoints:SiloPort=$(free_port) --Orleans:Endpoints:GatewayPort=$(free_port)"; }

mode=()
if [ "$silos" -gt 0 ]; then
  mode=(--PeerLink:Web:SiloMode=Client)
  for n in $(seq "$silos"); do
    # shellcheck disable=SC2046
    DOTNET_ENVIRONMENT=Production dotnet "$silo_app" "${orleans[@]}" $(silo_ports) "${extra[@]}" > "$data/silo-$n.log" 2>&1 &
    pid=$!
    pids+=("$pid")
    for _ in $(seq 600); do
      grep -qs "Application started" "$data/silo-$n.log" && break
      kill -0 "$pid" 2>/dev/null || { echo "silo $n exited; its log:" >&2; tail -n 40 "$data/silo-$n.log" >&2; exit 1; }
      sleep 0.1
    done
    echo "silo $n        pid $pid  log $data/silo-$n.log"
  done
fi

urls=()
web_pids=()
for n in $(seq "$nodes"); do
  url="http://127.0.0.1:$(free_port)"
  ports=()
  [ "$silos" -gt 0 ] || read -r -a ports <<<"$(silo_ports)"
  ASPNETCORE_ENVIRONMENT=Production dotnet "$app" --urls="$url" "${orleans[@]}" "${ports[@]}" "${mode[@]}" \
    --PeerLink:DataProtection:CertificatePath="$data/keys.pfx" --PeerLink:DataProtection:CertificatePassword="$password" \
    "${extra[@]}" > "$data/web-$n.log" 2>&1 &
  pids+=($!)
  web_pids+=($!)
  urls+=("$url")
done

for i in "${!urls[@]}"; do
  n=$((i + 1))
  for _ in $(seq 600); do
    curl -fsS "${urls[$i]}/healthz" >/dev/null 2>&1 && break
    kill -0 "${web_pids[$i]}" 2>/dev/null || { echo "web node $n exited; its log:" >&2; tail -n 40 "$data/web-$n.log" >&2; exit 1; }
    sleep 0.1
  done
  echo "web node $n    ${urls[$i]}  pid ${web_pids[$i]}  log $data/web-$n.log"
done
echo "Cluster ready: $(curl -fsS "${urls[0]}/healthz")"
echo "Press Ctrl+C to stop everything."
wait
