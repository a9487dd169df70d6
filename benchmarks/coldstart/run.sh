#!/usr/bin/env bash
# Cold starts: each function's shaded jar (keyturn's handler) against a bare handler doing the same
# AWS calls without Micronaut, a fresh JVM per run, spawn to first answer, with the JDK's default
# flags and with template.yaml's -XX:TieredStopAtLevel=1. Medians and ratios go to stdout and to
# benchmarks/coldstart/results.md. See README.md.
#
# Usage: benchmarks/coldstart/run.sh [--runs N] [--only rotate|sync|webhook]   (default 5 runs, all three)
# Needs JDK 25 and moto_server on PATH; no Docker, no network. SKIP_BUILD=1 reuses the jars.
set -euo pipefail

ROOT=$(cd "$(dirname "$0")/../.." && pwd)
export JAVA_HOME=${JAVA_HOME:-/usr/lib/jvm/temurin-25-jdk-amd64}
cd "$ROOT"

CLASSPATH_FILE=target/coldstart.classpath
if [[ "${SKIP_BUILD:-0}" != 1 ]]; then
  # package: the functions' shaded jars and the launcher jar; the class path for the harness
  ./mvnw -B -q -Pbenchmarks -pl functions/rotate,functions/sync,functions/webhook,benchmarks -am package \
    dependency:build-classpath -DskipTests -Dspotless.check.skip=true \
    -Dmdep.outputFile="$CLASSPATH_FILE" -Dmdep.includeScope=test
fi

CP="benchmarks/target/classes:$(cat "benchmarks/$CLASSPATH_FILE")"
LAUNCHER=$(ls benchmarks/target/keyturn-benchmarks-*-coldstart.jar)
exec "$JAVA_HOME/bin/java" --enable-native-access=ALL-UNNAMED -Xmx1g \
  -Dcoldstart.launcherJar="$LAUNCHER" -Dlogback.configurationFile=benchmarks/coldstart/logback-harness.xml \
  -cp "$CP" \
  dev.keyturn.benchmarks.coldstart.ColdStartHarness --report benchmarks/coldstart/results.md "$@"
