#!/usr/bin/env bash
# Runs every benchmark suite of the report side by side and writes Markdown tables with the median
# and spread (min-max) of each figure and each ratio to whatsapp-sdk-benchmarks/target/report/.
#
#   whatsapp-sdk-benchmarks/run-benchmarks.sh [quick|full]
#
# quick: one repetition with short iterations (about 3 minutes on 2 cores), to check that
#        everything runs and to get provisional numbers.
# full:  REPS repetitions (default 3; 3 to 5 make sense) with longer iterations, about 45 minutes
#        on 2 cores with REPS=3. Run it on a quiet machine.
#
# It builds nothing: build the jar first with
#   mvn -q -B -DskipTests -pl whatsapp-sdk-benchmarks -am package
#
# Environment: SUITES (default "send webhook limiter redis memory pacing simulator observe") runs a
# subset,
# and "sender" (not in the default) runs SubmitLatency and QueuedMemory; "campaign" (not in the
# default either) runs CampaignCost and the 80/s campaign through the sender and the campaigns API;
# "http2" (not in the default either) runs Http2SendBenchmark's groups over TLS (HTTP/2 against
# HTTP/1.1, at the same moment) and FirstRequestTime, and writes target/report/http2.md;
# REPS overrides the number of repetitions; JAVA picks the java binary (default: java on the PATH).
set -uo pipefail

MODE=${1:-quick}
MODULE_DIR=$(cd "$(dirname "$0")" && pwd)
ROOT=$(cd "$MODULE_DIR/.." && pwd)
JAR_REL=whatsapp-sdk-benchmarks/target/benchmarks.jar
OUT_REL=whatsapp-sdk-benchmarks/target/report
JAVA=${JAVA:-java}
SUITES=${SUITES:-"send webhook limiter redis memory pacing simulator observe"}

# The send path keeps speeding up for 10 to 16 s at 8 and 64 threads on 2 busy cores (the JIT
# competes with the benchmark threads), hence its long warm-up; quick's is too short for a verdict.
# Camel's HTTP/1.1-client variant (SendBenchmark.camelHttp11) measured within 10 % of its default
# client, so the runner keeps only the default, what a Camel user gets.
case "$MODE" in
  quick)
    REPS=${REPS:-1}
    SEND_JMH="-f 1 -wi 4 -w 1s -i 2 -r 1s"
    SEND64_JMH="$SEND_JMH"
    SEND_ROUNDS="4 1 4"
    WEBHOOK_JMH="-f 1 -wi 1 -w 1s -i 2 -r 1s"
    LIMITER="InMemoryLimiterBenchmark\.(wasdkTryTake|bucket4jKeyed)$"
    LIMITER_JMH="-f 1 -wi 1 -w 500ms -i 2 -r 500ms"
    REDIS="RedisLimiterBenchmark\.(wasdkTryTake|bucket4jTryConsume)$"
    REDIS_JMH="-f 1 -wi 1 -w 1s -i 2 -r 1s"
    SENDER_MEMORY_N=100000
    PACING_RUNS=("accuracy 80 8" "campaign 3000 1000" "--server=inproc campaign 3000 1000" "naive 500 80 64")
    SIMULATOR_ARGS=("8 3 0 2" "8 3 1000 2")
    SUBMIT_ARGS="3 1000 2000"
    QUEUED_N=100000
    CAMPAIGN_N=100000
    CAMPAIGN_JDBC_N=20000
    CAMPAIGN_PACE="2000 80"
    OBSERVE_JMH="-f 1 -wi 3 -w 1s -i 3 -r 1s"
    OBSERVE_ROUNDS=5
    HTTP2_FIRST_ROUNDS=30
    ;;
  full)
    REPS=${REPS:-3}
    SEND_JMH="-f 1 -wi 8 -w 2s -i 4 -r 2s"
    # At 64 threads the JIT shares the 2 cores with 64 sending threads: in a 32 + 32 paired run the
    # sends per second still rose from 8,200 at the 12th warm-up iteration to 13,100 at the 20th
    # (2 s each), so 8 iterations measured the warm-up more than the send path.
    SEND64_JMH="-f 1 -wi 20 -w 2s -i 4 -r 2s"
    # SendRounds: wasdk and its raw peer in alternating rounds in one JVM (rounds, seconds per side,
    # warm-up seconds per thread count), the two sides sharing one JIT and the same machine load.
    SEND_ROUNDS="10 1.5 15"
    WEBHOOK_JMH="-f 1 -wi 2 -w 1s -i 3 -r 1s"
    LIMITER="InMemoryLimiterBenchmark\.(wasdkTryTake|wasdkTryTakeNanoTime|bucket4jKeyed)$"
    LIMITER_JMH="-f 1 -wi 2 -w 1s -i 2 -r 1s"
    REDIS="RedisLimiterBenchmark"
    REDIS_JMH="-f 1 -wi 2 -w 1s -i 2 -r 1s"
    SENDER_MEMORY_N=1000000
    PACING_RUNS=("accuracy 80 15" "campaign 10000 1000" "--server=inproc campaign 10000 1000" "naive 2000 80 64")
    SIMULATOR_ARGS=("8 5 0 2" "8 5 1000 2")
    SUBMIT_ARGS="7 2000 2000"
    QUEUED_N=1000000
    CAMPAIGN_N=1000000
    CAMPAIGN_JDBC_N=50000
    CAMPAIGN_PACE="10000 80"
    OBSERVE_JMH="-f 1 -wi 5 -w 1s -i 5 -r 2s"
    OBSERVE_ROUNDS=15
    HTTP2_FIRST_ROUNDS=100
    ;;
  *)
    echo "usage: $0 [quick|full]" >&2
    exit 2
    ;;
esac

cd "$ROOT" || exit 1
if [[ ! -f "$JAR_REL" ]]; then
  echo "no $JAR_REL: build it first with" >&2
  echo "  mvn -q -B -DskipTests -pl whatsapp-sdk-benchmarks -am package" >&2
  exit 1
fi

RAW="$OUT_REL/raw"
rm -rf "$OUT_REL"
mkdir -p "$RAW"
FAILED=0
T0=$(date +%s)

loadavg() { cut -d' ' -f1-3 /proc/loadavg 2>/dev/null || uptime | sed 's/.*load average[s]*: //'; }

{
  echo "mode=$MODE"
  echo "reps=$REPS"
  echo "nproc=$(nproc 2>/dev/null || getconf _NPROCESSORS_ONLN)"
  echo "cpu=$(grep -m1 'model name' /proc/cpuinfo 2>/dev/null | sed 's/.*: //' || uname -m)"
  echo "java=$("$JAVA" -version 2>&1 | head -1 | sed 's/"//g')"
  echo "jvm=$("$JAVA" -version 2>&1 | tail -1)"
  echo "os=$(uname -sr)"
  echo "started=$(date -u +%Y-%m-%dT%H:%M:%SZ)"
  echo "load.start=$(loadavg)"
} > "$RAW/env.txt"
echo "== $(sed -n 's/^java=//p' "$RAW/env.txt"), $(sed -n 's/^nproc=//p' "$RAW/env.txt") cores," \
  "load $(loadavg); mode $MODE, $REPS repetition(s); suites: $SUITES"

# run SUITE OUTPUT_FILE COMMAND...: runs one step, logs its command (without the JMH result-file
# options) for the report, keeps its output, and notes a failure without stopping the run.
run() {
  local suite=$1 out=$2
  shift 2
  local shown="" a
  for a in "$@"; do
    [[ $a =~ [^A-Za-z0-9_./=:,@%+-] ]] && a="'$a'"
    shown+="$a "
  done
  shown=$(sed -e 's/ -rf json -rff [^ ]*//' -e 's/ $//' <<< "$shown")
  printf '%s\t%s\n' "$suite" "$shown" >> "$RAW/commands.tsv"
  printf '[%4ds] %s\n' $(($(date +%s) - T0)) "$shown"
  "$@" > "$out" 2>&1
  local rc=$?
  if ((rc != 0)); then
    echo "  FAILED (exit $rc), see $out" >&2
    tail -5 "$out" >&2
    FAILED=1
  fi
}

jmh() { # jmh SUITE NAME REP ARGS...
  local suite=$1 name=$2 rep=$3
  shift 3
  run "$suite" "$RAW/$suite-$name-r$rep.log" \
    "$JAVA" -jar "$JAR_REL" "$@" -foe true -rf json -rff "$RAW/$suite-$name-r$rep.json"
}

harness() { # harness SUITE NAME REP JAVA_ARGS...
  local suite=$1 name=$2 rep=$3
  shift 3
  run "$suite" "$RAW/$suite-$name-r$rep.txt" "$JAVA" "$@"
}

for rep in $(seq 1 "$REPS"); do
  for suite in $SUITES; do
    echo "load.$suite=$(loadavg)" >> "$RAW/env.txt.r$rep"
    case "$suite" in
      send)
        for t in 1 8 64; do
          opts=$SEND_JMH
          if [[ $t == 64 ]]; then opts=$SEND64_JMH; fi
          # shellcheck disable=SC2086
          jmh send "t$t" "$rep" 'SendBenchmark\.(raw|wasdk|camel|okhttp|wasdkOkhttp)$' -t "$t" $opts
        done
        # shellcheck disable=SC2086
        harness send rounds "$rep" -Dsun.net.httpserver.nodelay=true -Xms512m -Xmx512m \
          -cp "$JAR_REL" dev.wasdk.benchmarks.send.SendRounds 1,8,64 $SEND_ROUNDS
        ;;
      webhook)
        # shellcheck disable=SC2086
        jmh webhook all "$rep" 'WebhookParseBenchmark\.(baselineHmacAndReadTree|hmacAndParse)$' \
          'SignatureVerifyBenchmark\.(verify|rawMacReused)$' $WEBHOOK_JMH
        ;;
      limiter)
        for t in 1 2; do
          # shellcheck disable=SC2086
          jmh limiter "t$t" "$rep" "$LIMITER" -t "$t" $LIMITER_JMH
        done
        ;;
      redis)
        for t in 1 2; do
          # shellcheck disable=SC2086
          jmh redis "t$t" "$rep" "$REDIS" -t "$t" $REDIS_JMH
        done
        ;;
      memory)
        harness memory sender "$rep" -Xmx3g -cp "$JAR_REL" \
          dev.wasdk.benchmarks.pacing.PacingHarness memory "$SENDER_MEMORY_N"
        harness memory dedupe "$rep" -Xmx2g -cp "$JAR_REL" \
          dev.wasdk.benchmarks.memory.DedupeMemory 100000 1000000
        ;;
      pacing)
        i=0
        for args in "${PACING_RUNS[@]}"; do
          i=$((i + 1))
          # shellcheck disable=SC2086
          harness pacing "$i" "$rep" -Dsun.net.httpserver.nodelay=true -cp "$JAR_REL" \
            dev.wasdk.benchmarks.pacing.PacingHarness $args
        done
        ;;
      simulator)
        i=0
        for args in "${SIMULATOR_ARGS[@]}"; do
          i=$((i + 1))
          # shellcheck disable=SC2086
          harness simulator "$i" "$rep" -cp "$JAR_REL" \
            dev.wasdk.benchmarks.simulator.SimulatorLoad $args
        done
        ;;
      observe)
        # meters and spans on against off, for sends and webhook deliveries
        # shellcheck disable=SC2086
        jmh observe all "$rep" 'Observed(Send|Webhook)Benchmark' $OBSERVE_JMH
        # the same in CPU time, steadier on a shared machine
        harness observe cpu "$rep" -Dsun.net.httpserver.nodelay=true -cp "$JAR_REL" \
          dev.wasdk.benchmarks.send.ObservabilityCpuTime "$OBSERVE_ROUNDS"
        ;;
      campaign)
        # the campaign engine's own cost, then the 10,000-message campaign at 80/s through the
        # campaigns API next to the bare sender's run in the same session
        harness campaign memory "$rep" -Xmx2g -cp "$JAR_REL" \
          dev.wasdk.campaigns.CampaignCost memory "$CAMPAIGN_N"
        harness campaign jdbc "$rep" -cp "$JAR_REL" \
          dev.wasdk.campaigns.CampaignCost jdbc "$CAMPAIGN_JDBC_N"
        # shellcheck disable=SC2086
        harness campaign sender "$rep" -Dsun.net.httpserver.nodelay=true -cp "$JAR_REL" \
          dev.wasdk.benchmarks.pacing.PacingHarness campaign $CAMPAIGN_PACE
        # shellcheck disable=SC2086
        harness campaign api "$rep" -Dsun.net.httpserver.nodelay=true -cp "$JAR_REL" \
          dev.wasdk.benchmarks.pacing.PacingHarness campaignApi $CAMPAIGN_PACE
        ;;
      http2)
        # HTTP/2 against HTTP/1.1 over TLS on loopback, two sides sending at the same moment
        for t in 1 8 64; do
          for g in wasdk:wasdkVersions raw:rawVersions h2pair:h2Pair; do
            # shellcheck disable=SC2086
            jmh http2 "${g%%:*}-t$t" "$rep" "Http2SendBenchmark\\.${g#*:}\$" -tg "$t,$t" $SEND_JMH
          done
        done
        harness http2 first "$rep" -cp "$JAR_REL" dev.wasdk.benchmarks.send.FirstRequestTime \
          "$HTTP2_FIRST_ROUNDS" 20
        if ((rep == REPS)); then
          "$JAVA" -cp "$JAR_REL" dev.wasdk.benchmarks.report.Http2Report "$OUT_REL" > /dev/null ||
            FAILED=1
        fi
        ;;
      sender)
        # shellcheck disable=SC2086
        harness sender submit "$rep" -cp "$JAR_REL" \
          dev.wasdk.benchmarks.pacing.SubmitLatency $SUBMIT_ARGS
        harness sender queued "$rep" -Xmx8g -cp "$JAR_REL" \
          dev.wasdk.benchmarks.pacing.QueuedMemory "$QUEUED_N"
        ;;
      *)
        echo "unknown suite $suite" >&2
        FAILED=1
        ;;
    esac
  done
done

# The load average at the start of each suite, from the first repetition (later ones in the log).
if [[ -f "$RAW/env.txt.r1" ]]; then
  for suite in $SUITES; do
    loads=$(cat "$RAW"/env.txt.r* | sed -n "s/^load\.$suite=//p" | cut -d' ' -f1 | paste -sd/ -)
    echo "load.$suite=$loads" >> "$RAW/env.txt"
  done
fi
echo "load.end=$(loadavg)" >> "$RAW/env.txt"

"$JAVA" -cp "$JAR_REL" dev.wasdk.benchmarks.report.BenchReport "$OUT_REL" || FAILED=1
printf '[%4ds] done; tables in %s/*.md\n' $(($(date +%s) - T0)) "$OUT_REL"
exit $FAILED
