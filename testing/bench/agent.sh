#!/usr/bin/env bash
# Benchmark: the runtime agent's exec -> action latency (process connector and /proc polling, p50/p99); its CPU
# and the engine's with 20 idle containers (the agent alone in a JVM of its own, in its production configuration); then what prevention costs: one exec in a container with no agent, with the sensors
# only and with the exec guard (p50/p99), the guard's exec -> decision time, and idle CPU with the guard on and off;
# then connection -> decision latency (p50/p99) for short outbound connections of a bridged container.
# Needs root and a running dockerd with the test images (testing/images/build.sh).
# Usage: testing/bench/agent.sh [TRIALS [EXECS [CONNECTIONS [IDLE_SECONDS]]]]
#        (default 200 trials per path, 2000 execs per setting, 100 connections, 60 s idle)
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/../.."
./mvnw -q -B install -DskipTests -pl agent -am
./mvnw -q -B -pl agent exec:java -Dexec.classpathScope=test -Dexec.mainClass=dev.bulwark.agent.bench.AgentLatencyBenchmark \
  -Dexec.args="${1:-200}"
./mvnw -q -B -pl agent dependency:build-classpath -Dmdep.includeScope=test -Dmdep.outputFile=target/bench.classpath
java -XX:-UsePerfData -cp "agent/target/test-classes:agent/target/classes:$(cat agent/target/bench.classpath)" \
  dev.bulwark.agent.bench.IdleCostBenchmark "${4:-60}"
./mvnw -q -B -pl agent exec:java -Dexec.classpathScope=test -Dexec.mainClass=dev.bulwark.agent.bench.ExecCostBenchmark \
  -Dexec.args="${2:-2000}"
./mvnw -q -B -pl agent exec:java -Dexec.classpathScope=test -Dexec.mainClass=dev.bulwark.agent.bench.ConnectionLatencyBenchmark \
  -Dexec.args="${3:-100}"
