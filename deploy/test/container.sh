#!/usr/bin/env bash
# The container image and docker-compose.yml tested for real with podman (no Docker engine
# and no registry needed): builds the real Dockerfile on a base image made from the host's
# node, runs it read-only as non-root in in-cluster mode against a simulator that enforces
# the shipped RBAC, then brings up `docker-compose --profile demo` through podman's Docker
# API. Run by .ci/run after `pnpm test`; needs root, podman, buildah and docker-compose.
set -euo pipefail
cd "$(dirname "$0")/../.."
# shellcheck source=deploy/test/podman-setup.sh
source deploy/test/podman-setup.sh

BASE=localhost/kubeglance-base:node$(node -p 'process.versions.node')
IMAGE=localhost/kubeglance:test
SA_USER=system:serviceaccount:kubeglance:kubeglance
work=$(mktemp -d)
chmod 755 "$work"
sim_pid='' service_pid='' compose_up=''
auth=() # extra curl arguments (the viewer token in the first run)

cleanup() {
  set +e
  podman rm -f -t 0 kubeglance-test >/dev/null 2>&1
  if [ -n "$compose_up" ]; then docker-compose --profile demo down -v >/dev/null 2>&1; fi
  [ -n "$sim_pid" ] && kill "$sim_pid" 2>/dev/null
  [ -n "$service_pid" ] && kill "$service_pid" 2>/dev/null
  podman volume rm -f kubeglance-test-state >/dev/null 2>&1
  rm -rf "$work"
}
trap cleanup EXIT

step() { printf '\n== %s\n' "$*"; }
fail() {
  echo "FAIL: $*" >&2
  # What the container and the simulator said, so a CI failure explains itself.
  podman logs --tail 40 kubeglance-test 2>&1 | sed 's/^/  container: /' >&2 || true
  [ -n "${sim_log:-}" ] && [ -f "$sim_log" ] && tail -n 20 "$sim_log" | sed 's/^/  sim: /' >&2
  exit 1
}
ok() { echo "ok: $*"; }
free_port() {
  node -e "const s=require('net').createServer().listen(0,'127.0.0.1',()=>{console.log(s.address().port);s.close()})"
}
# wait_for URL PATTERN SECONDS: poll until the body matches (no fixed sleeps).
wait_for() {
  local url=$1 pattern=$2 deadline=$((SECONDS + $3)) body=''
  while [ $SECONDS -lt $deadline ]; do
    body=$(curl -fsS --max-time 3 "${auth[@]}" "$url" 2>/dev/null || true)
    if grep -qE "$pattern" <<<"$body"; then return 0; fi
    sleep 0.5
  done
  fail "$url did not match /$pattern/ within $3 s; last body: ${body:0:300}"
}
expect_body() { # URL PATTERN WHAT
  curl -fsS --max-time 5 "${auth[@]}" "$1" | grep -qE "$2" || fail "$3: $1 does not match /$2/"
  ok "$3"
}

step "podman configuration and a base image without a registry"
configure_podman
make_base_image "$BASE"
ok "base image $BASE"

step "build the Dockerfile (build stage fetches packages from the npm registry)"
start=$SECONDS
# --format docker keeps HEALTHCHECK (the OCI format has no field for it).
podman build --quiet --format docker --network host \
  --build-arg NODE_IMAGE="$BASE" --build-arg VERSION=0.1.0-test -t "$IMAGE" . >/dev/null
size=$(podman image inspect "$IMAGE" --format '{{.Size}}')
echo "built in $((SECONDS - start)) s; image size $((size / 1000000)) MB ($size bytes) on base $BASE"
podman image inspect "$IMAGE" --format '{{.Config.User}}' | grep -qx '1000:1000' || fail "image user is not 1000:1000"
podman image inspect "$IMAGE" --format '{{index .Config.Labels "org.opencontainers.image.version"}}' |
  grep -qx '0.1.0-test' || fail "OCI version label missing"
for label in source licenses; do
  podman image inspect "$IMAGE" --format "{{index .Config.Labels \"org.opencontainers.image.$label\"}}" |
    grep -q . || fail "OCI $label label missing"
done
podman image inspect "$IMAGE" --format '{{json .Config.Healthcheck.Test}}' | grep -q healthz ||
  fail "HEALTHCHECK on /healthz missing"
podman run --rm --health-interval disable --entrypoint sh "$IMAGE" -c 'test ! -e /app/node_modules && test ! -e /app/server/src' ||
  fail "runtime stage carries node_modules or TypeScript sources"
ok "non-root user, OCI labels, HEALTHCHECK, no node_modules or sources in the runtime stage"

step "run as the Deployment does: read-only, non-root, in-cluster, --auth token, --state-dir volume"
sim_log=$work/sim.log
(cd sim && exec node --import tsx src/cli.ts --port 0 --nodes 4 --pods 30 --resolution 1s \
  --kubeconfig "$work/sim.kubeconfig" --user "$SA_USER" \
  --rbac ../deploy/kubernetes/rbac.yaml --rbac ../deploy/kubernetes/diagnostics/role.yaml) >"$sim_log" 2>&1 &
sim_pid=$!
for _ in $(seq 1 120); do grep -q 'ready at' "$sim_log" && break; sleep 0.25; done
sim_port=$(grep -o 'ready at https://127.0.0.1:[0-9]*' "$sim_log" | grep -o '[0-9]*$') ||
  fail "simulator did not start: $(cat "$sim_log")"
# The pod's service-account files, as the kubelet mounts them.
mkdir -p "$work/sa"
kc() { kubectl --kubeconfig "$work/sim.kubeconfig" config view --raw -o jsonpath="$1"; }
kc '{.users[0].user.token}' >"$work/sa/token"
kc '{.clusters[0].cluster.certificate-authority-data}' | base64 -d >"$work/sa/ca.crt"
printf kubeglance >"$work/sa/namespace"
chmod 755 "$work/sa" && chmod 644 "$work"/sa/*
mkdir -p "$work/tokens"
token=$(node -p "require('crypto').randomBytes(24).toString('hex')")
printf 'ci:%s\n' "$token" >"$work/tokens/tokens"
chmod 755 "$work/tokens" && chmod 644 "$work/tokens/tokens"
port=$(free_port)
# --read-only-tmpfs=false: no tmpfs at all, the root filesystem is entirely read-only.
# No healthcheck timer (it needs systemd); the check is run by hand below.
podman run -d --name kubeglance-test --network host --health-interval disable \
  --read-only --read-only-tmpfs=false --cap-drop ALL --security-opt no-new-privileges \
  -e KUBERNETES_SERVICE_HOST=127.0.0.1 -e KUBERNETES_SERVICE_PORT="$sim_port" \
  -v "$work/sa:/var/run/secrets/kubernetes.io/serviceaccount:ro" \
  -v "$work/tokens:/etc/kubeglance/tokens:ro" \
  -v kubeglance-test-state:/var/lib/kubeglance \
  -e PORT="$port" "$IMAGE" --host 127.0.0.1 --auth token \
  --auth-token-file /etc/kubeglance/tokens/tokens --state-dir /var/lib/kubeglance >/dev/null
url=http://127.0.0.1:$port
wait_for "$url/readyz" '"status":"ready"' 60
ok "/readyz ready (no token needed)"
status=$(curl -s -o /dev/null -w '%{http_code}' "$url/api/v1/clusters")
[ "$status" = 401 ] || fail "API without a token answered $status, not 401"
ok "API without a token: 401"
auth=(-H "Authorization: Bearer $token")
[ "$(podman inspect kubeglance-test --format '{{.Config.User}}')" = "1000:1000" ] || fail "container not running as 1000"
wait_for "$url/api/v1/clusters" '"name":"in-cluster".*"state":"ok".*"problems":\[\]' 30
ok "API: in-cluster cluster ok, no problems under the shipped RBAC"
expect_body "$url/api/v1/clusters/in-cluster/nodes" '"metricsAvailable":true' "API: node rows with metrics"
expect_body "$url/" '<div id="root">' "page: the web app"
podman healthcheck run kubeglance-test >/dev/null || fail "HEALTHCHECK failed"
ok "HEALTHCHECK passes"
if podman exec kubeglance-test node -e "require('fs').writeFileSync('/app/x', '')" 2>/dev/null; then
  fail "root filesystem is writable"
fi
ok "root filesystem is read-only"
start_ns=$(date +%s%N)
podman stop -t 10 kubeglance-test >/dev/null
stop_ms=$((($(date +%s%N) - start_ns) / 1000000))
code=$(podman inspect kubeglance-test --format '{{.State.ExitCode}}')
[ "$code" = 0 ] || fail "exit code $code after SIGTERM"
[ "$stop_ms" -lt 5000 ] || fail "SIGTERM took $stop_ms ms (killed after the grace period?)"
ok "SIGTERM: exit 0 after $stop_ms ms"
podman logs kubeglance-test 2>&1 | grep -q '"signal":"SIGTERM"' || fail "no shutdown log line"
saved=$(podman run --rm --health-interval disable -v kubeglance-test-state:/state --entrypoint node "$IMAGE" \
  -e "console.log(require('fs').readdirSync('/state').join(' '))")
[ -n "$saved" ] || fail "--state-dir volume is empty after shutdown"
ok "history saved to the --state-dir volume by the non-root user: $saved"
auth=()

step "docker-compose.yml"
docker-compose config -q
docker-compose --profile demo config -q
docker-compose --profile k3s config -q
ok "docker-compose config (default, demo, k3s; their structure: server/test/deploy.test.ts)"

step "docker-compose --profile demo up, through podman's Docker API"
sock=$work/podman.sock
podman system service --time=0 "unix://$sock" >"$work/service.log" 2>&1 &
service_pid=$!
for _ in $(seq 1 40); do [ -S "$sock" ] && break; sleep 0.25; done
export DOCKER_HOST=unix://$sock
export KUBEGLANCE_IMAGE=$IMAGE KUBEGLANCE_PORT
KUBEGLANCE_PORT=$(free_port)
compose_up=1
docker-compose --profile demo up -d --no-build kubeglance-demo
demo=http://127.0.0.1:$KUBEGLANCE_PORT
wait_for "$demo/readyz" '"status":"ready"' 90
expect_body "$demo/api/v1/clusters" '"name":"sim-prod".*"simulated":true' "compose demo: API"
expect_body "$demo/" '<div id="root">' "compose demo: page"
cid=$(docker-compose --profile demo ps -q kubeglance-demo)
podman healthcheck run "$cid" >/dev/null || fail "compose demo: healthcheck failed"
ok "compose demo: healthcheck"
[ "$(podman inspect "$cid" --format '{{.HostConfig.ReadonlyRootfs}} {{.HostConfig.Privileged}}')" = "true false" ] ||
  fail "compose demo: not read-only or privileged"
ok "compose demo: read-only root, not privileged"
docker-compose --profile demo down -v >/dev/null 2>&1
compose_up=''
ok "compose demo: down"
echo
echo "container tests passed (image $((size / 1000000)) MB)"
