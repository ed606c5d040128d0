#!/usr/bin/env bash
# Chaos run: the pipeline as separate processes (platform, producer, two workers, aggregator) on the bundled
# tiny model, with the aggregator killed (-9) three times, a worker killed (-9) twice and the platform
# restarted once, at random moments; its final metrics.json must equal, byte for byte, that of a clean
# `audiolens run` on the same input, with every sample × prompt × view counted exactly once.
#
#   tools/chaos-run.sh [OUT]          (default: chaos-output; OUT must not exist)
#
# Input: the bundled held-out set (demo/data/heldout) ROUNDS times under new file names (312 samples with
# the 104-clip set the README numbers were measured on; 600 with the 200-entry set bundled since issue 14). Environment: ROUNDS (3), PROBE_SIZE (20), SEED (random; printed, reuse it to
# replay the same schedule), KAFKA_PORT (19092), REGISTRY_PORT (18081), AGGREGATOR_PORT (18080),
# WORKER_PORTS ("18091 18092"). Needs curl and jq. Exit 0: identical; 1: not identical or incomplete;
# 2: bad setup. OUT/summary.txt holds the measured numbers, OUT/chaos/logs every process's output.
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
out="$(realpath -m "${1:-chaos-output}")"
rounds=${ROUNDS:-3}
probe=${PROBE_SIZE:-20}
seed=${SEED:-$((RANDOM * 32768 + RANDOM))}
kafka_port=${KAFKA_PORT:-19092}
registry_port=${REGISTRY_PORT:-18081}
aggregator_port=${AGGREGATOR_PORT:-18080}
read -r -a worker_ports <<< "${WORKER_PORTS:-18091 18092}"
model="$here/demo/audiolens-tiny"
heldout="$here/demo/data/heldout"
bootstrap="127.0.0.1:$kafka_port"
registry="http://127.0.0.1:$registry_port"
metrics_url="http://127.0.0.1:$aggregator_port/metrics.json"
wait_limit=${WAIT_LIMIT_SECONDS:-1800}

for tool in curl jq; do
  command -v "$tool" >/dev/null || { echo "chaos-run.sh: needs $tool on the PATH" >&2; exit 2; }
done
if [[ -e "$out" ]]; then
  echo "chaos-run.sh: $out exists; remove it (rm -rf $out) or pass another folder" >&2
  exit 2
fi
mkdir -p "$out/chaos/logs"
logs="$out/chaos/logs"
events="$out/chaos/events.log"
RANDOM=$seed
say() { echo "$(date +%T) $*" | tee -a "$events" >&2; }
between() { echo $(($1 + RANDOM % ($2 - $1 + 1))); }
now() { date +%s.%N; }
seconds_since() { awk -v a="$1" -v b="$(now)" 'BEGIN { printf "%.1f", b - a }'; }

# --- the input: the held-out clips ROUNDS times, as r1_<file>, r2_<file>, ... -----------------------
data="$out/data"
for track in Gender Language; do
  mkdir -p "$data/$track/audio"
  head -1 "$heldout/$track/metadata.csv" > "$data/$track/metadata.csv"
  for ((r = 1; r <= rounds; r++)); do
    tail -n +2 "$heldout/$track/metadata.csv" | sed "s/^/r${r}_/" >> "$data/$track/metadata.csv"
    for wav in "$heldout/$track/audio/"*.wav; do
      ln -s "$wav" "$data/$track/audio/r${r}_$(basename "$wav")"
    done
  done
done
gender=$(($(wc -l < "$data/Gender/metadata.csv") - 1))
language=$(($(wc -l < "$data/Language/metadata.csv") - 1))
samples=$((gender + language))
say "input: $samples samples ($gender gender, $language language), probe size $probe, seed $seed"

"$here/audiolens" --version >/dev/null  # builds on first use
export AUDIOLENS_JAVA_OPTS="-Xmx1g"

# Complete: 2 attributes × 3 prompts × 3 views, each group every sample of its attribute once and no
# duplicate; every enrichment entry decided, and a requested one with an outcome for every test sample.
complete() {
  jq -e --argjson g "$gender" --argjson l "$language" --argjson p "$probe" '
    def n: if .attribute == "gender" then $g else $l end;
    (.groups | length) == 18
    and all(.groups[]; .samples == n and .duplicates == 0)
    and (.enrichment | length) == 6
    and all(.enrichment[]; .duplicates == 0
        and (.notRequestedBecause != null or .testSamples == (n - $p)))' "$1" >/dev/null 2>&1
}
counted() { jq '[.groups[].samples] | add // 0' "$1" 2>/dev/null || echo 0; }

# --- the clean reference: `audiolens run`, every role in one process --------------------------------
say "clean run: audiolens run (embedded platform, one worker, the aggregator, in one process)"
clean_start=$(now)
AUDIOLENS_JAVA_OPTS="-Xmx2g" "$here/audiolens" run --dataset "$data" --dataset-name chaos --model "$model" \
  --out "$out/clean" --probe-size "$probe" --device cpu > "$logs/clean-run.log" 2>&1
clean_seconds=$(seconds_since "$clean_start")
complete "$out/clean/metrics.json" || { say "the clean run's metrics.json is incomplete; see $logs/clean-run.log"; exit 1; }
say "clean run done in ${clean_seconds} s"

# --- the chaos run: every role its own process -------------------------------------------------------
declare -A pid
declare -A starts
unplanned=0
stopping=0
start_role() {  # start_role NAME ARGS...: ./audiolens ARGS in the background, output appended to its log
  local name=$1; shift
  starts[$name]=$((${starts[$name]:-0} + 1))
  echo "--- start ${starts[$name]} at $(date +%T)" >> "$logs/$name.log"
  "$here/audiolens" "$@" >> "$logs/$name.log" 2>&1 &
  pid[$name]=$!
}
stop_all() {
  stopping=1
  for name in producer aggregator w1 w2 platform; do
    if [[ -n "${pid[$name]:-}" ]] && kill -0 "${pid[$name]}" 2>/dev/null; then
      kill -TERM "${pid[$name]}" 2>/dev/null || true
      wait "${pid[$name]}" 2>/dev/null || true
    fi
  done
}
trap stop_all EXIT

start_platform() {
  start_role platform platform --dir "$out/chaos/platform" --kafka-port "$kafka_port" --registry-port "$registry_port"
  local deadline=$((SECONDS + 180))
  until grep -q "^Ctrl-C stops" "$logs/platform.log" 2>/dev/null && \
        [[ $(grep -c "^Ctrl-C stops" "$logs/platform.log") -ge ${starts[platform]} ]]; do
    kill -0 "${pid[platform]}" 2>/dev/null || { say "the platform exited; see $logs/platform.log"; exit 1; }
    ((SECONDS < deadline)) || { say "the platform did not serve within 180 s"; exit 1; }
    sleep 0.5
  done
}
cluster=(--bootstrap-servers "$bootstrap" --registry-url "$registry")
start_aggregator() {
  start_role aggregator aggregator "${cluster[@]}" --state-dir "$out/chaos/aggregator-state" \
    --http-port "$aggregator_port" --probe-size "$probe"
}
worker_port() { if [[ $1 == w1 ]]; then echo "${worker_ports[0]}"; else echo "${worker_ports[1]}"; fi; }
start_worker() {  # start_worker w1|w2
  start_role "$1" worker "${cluster[@]}" --model "$model" --worker-id "$1" --device cpu --http-port "$(worker_port "$1")"
}
# A kill is only a test while the role works: wait until its /readyz says so (Kafka Streams RUNNING, or
# the worker consuming its partitions), then up to 2 s more.
await_ready() {  # await_ready NAME PORT
  local deadline=$((SECONDS + 300))
  until curl -sf --max-time 5 "http://127.0.0.1:$2/readyz" >/dev/null 2>&1; do
    supervise
    ((SECONDS < deadline)) || { say "$1 not ready within 300 s"; exit 1; }
    sleep 0.5
  done
  sleep "$(between 0 2)"
}
# A role that ended by itself (not killed by this script) is restarted, and counted.
supervise() {
  local name
  for name in aggregator w1 w2 platform; do
    if ! kill -0 "${pid[$name]}" 2>/dev/null; then
      local code=0
      wait "${pid[$name]}" 2>/dev/null || code=$?
      unplanned=$((unplanned + 1))
      say "UNPLANNED: $name exited by itself (code $code); restarting it"
      case $name in
        aggregator) start_aggregator ;;
        platform) start_platform ;;
        *) start_worker "$name" ;;
      esac
    fi
  done
}
progress() {  # what the aggregator has counted, if it serves
  if curl -sf --max-time 5 "$metrics_url" -o "$out/chaos/latest.json" 2>/dev/null; then
    echo "aggregator: $(($(counted "$out/chaos/latest.json") / 9)) of $samples samples counted," \
      "$(jq '[.enrichment[].testSamples] | add // 0' "$out/chaos/latest.json") enrichment outcomes"
  else
    echo "aggregator not serving yet"
  fi
}

chaos_start=$(now)
say "chaos run: platform"
start_platform
"$here/audiolens" topics --bootstrap-servers "$bootstrap" --replication-factor 1 > "$logs/topics.log" 2>&1
say "chaos run: aggregator, workers w1 and w2, producer"
start_aggregator
start_worker w1
start_worker w2
start_role producer produce --dataset "$data" --dataset-name chaos "${cluster[@]}" --probe-size "$probe" \
  --progress lines
if ! wait "${pid[producer]}"; then
  say "the producer failed; see $logs/producer.log"
  exit 1
fi
say "produced: $(grep -E ' sent, ' "$logs/producer.log" | tail -1)"

# The schedule: three aggregator kills, two worker kills and one platform restart, in random order. The
# first three come after a random 3-10 s each, while the workers turn samples into projections; the last
# three once a worker has read its first enrichment request (the probe sets are complete), after a random
# 1-5 s each, while the workers evaluate enrichment. A process is killed once it is ready (see await_ready),
# and comes back after a random 1-4 s.
schedule=(aggregator aggregator aggregator worker worker platform)
for ((i = ${#schedule[@]} - 1; i > 0; i--)); do
  j=$((RANDOM % (i + 1)))
  tmp=${schedule[i]}; schedule[i]=${schedule[j]}; schedule[j]=$tmp
done
say "schedule: ${schedule[*]}"
kills_aggregator=0; kills_worker=0; platform_restarts=0; early=0
enrichment_requested() { cat "$logs/w1.log" "$logs/w2.log" | grep -q "EnrichmentRequestWatcher - enrichment request"; }
pause() {  # pause SECONDS, watching the roles
  local t
  for ((t = 0; t < $1 * 2; t++)); do supervise; sleep 0.5; done
}
for ((e = 0; e < ${#schedule[@]}; e++)); do
  event=${schedule[e]}
  if ((e < 3)); then
    pause "$(between 3 10)"
  else
    if ((e == 3)); then
      deadline=$((SECONDS + wait_limit))
      until enrichment_requested; do
        supervise; sleep 0.5
        ((SECONDS < deadline)) || { say "no enrichment request after ${wait_limit} s"; exit 1; }
      done
      say "a worker read its first enrichment request"
    fi
    pause "$(between 1 5)"
  fi
  if curl -sf --max-time 5 "$metrics_url" -o "$out/chaos/latest.json" && complete "$out/chaos/latest.json"; then
    early=$((early + 1))
    say "the run completed before event '$event'"
  fi
  case $event in
    aggregator)
      await_ready aggregator "$aggregator_port"
      say "kill -9 aggregator ($(progress))"
      kill -KILL "${pid[aggregator]}"; wait "${pid[aggregator]}" 2>/dev/null || true
      kills_aggregator=$((kills_aggregator + 1))
      sleep "$(between 1 4)"; start_aggregator ;;
    worker)
      victim=w$(between 1 2)
      await_ready "$victim" "$(worker_port "$victim")"
      say "kill -9 worker $victim ($(progress))"
      kill -KILL "${pid[$victim]}"; wait "${pid[$victim]}" 2>/dev/null || true
      kills_worker=$((kills_worker + 1))
      sleep "$(between 1 4)"; start_worker "$victim" ;;
    platform)
      say "restart the platform: SIGTERM ($(progress))"
      down=$(now)
      kill -TERM "${pid[platform]}"; wait "${pid[platform]}" 2>/dev/null || true
      sleep "$(between 1 3)"
      start_platform
      platform_restarts=$((platform_restarts + 1))
      say "platform serving again after $(seconds_since "$down") s" ;;
  esac
done

say "chaos done; waiting for every sample, projection and enrichment outcome to be counted"
deadline=$((SECONDS + wait_limit))
until curl -sf --max-time 5 "$metrics_url" -o "$out/chaos/latest.json" && complete "$out/chaos/latest.json"; do
  supervise
  ((SECONDS < deadline)) || { say "gave up after ${wait_limit} s: $(progress)"; exit 1; }
  sleep 2
done
chaos_seconds=$(seconds_since "$chaos_start")
# anything late (a duplicate, a second count) would show now
sleep 15
curl -sf --max-time 10 "$metrics_url" -o "$out/chaos/metrics.json"
complete "$out/chaos/metrics.json" || { say "the metrics changed after completion"; exit 1; }
if cmp -s "$out/clean/metrics.json" "$out/chaos/metrics.json"; then identical=yes; else identical=no; fi
projections=$((samples * 9))
summary="samples:                  $samples ($gender gender, $language language; the bundled held-out clips × $rounds)
projections:              $projections (sample × 3 prompts × 3 views), each group counting every sample once, 0 duplicates
enrichment outcomes:      $(jq '[.enrichment[].testSamples] | add' "$out/chaos/metrics.json") (test samples over the requested prompts)
clean run (one process):  ${clean_seconds} s
chaos run (processes):    ${chaos_seconds} s from the platform's start to the last count
aggregator kill -9:       $kills_aggregator
worker kill -9:           $kills_worker
platform restarts:        $platform_restarts
unplanned restarts:       $unplanned
events after completion:  $early
seed:                     $seed
metrics.json identical:   $identical"
echo "$summary" > "$out/summary.txt"
say "summary ($out/summary.txt):"
echo "$summary"
[[ $identical == yes && $early == 0 ]]
