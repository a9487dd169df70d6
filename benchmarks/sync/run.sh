#!/usr/bin/env bash
# Syncs 1,000 secrets across 50 Heroku apps against moto, DynamoDB Local and the Heroku stand-in,
# through the real sync handler, and compares with a naive per-secret/per-var baseline in the same
# process. Usage: benchmarks/sync/run.sh [secrets] [apps]   (defaults 1000 50)
# Needs JDK 25 and moto_server on PATH; no Docker, no network.
set -euo pipefail

ROOT=$(cd "$(dirname "$0")/../.." && pwd)
export JAVA_HOME=${JAVA_HOME:-/usr/lib/jvm/temurin-25-jdk-amd64}
cd "$ROOT"

CLASSPATH_FILE=target/sync-bench.classpath
./mvnw -B -q -pl functions/sync -am test-compile dependency:build-classpath \
  -Dmdep.outputFile="$CLASSPATH_FILE" -Dmdep.includeScope=test -Dspotless.check.skip=true

MODULE=functions/sync
CP="$MODULE/target/test-classes:$MODULE/target/classes:$(cat "$MODULE/$CLASSPATH_FILE")"
exec "$JAVA_HOME/bin/java" --enable-native-access=ALL-UNNAMED -Xmx1g -cp "$CP" \
  dev.keyturn.sync.bench.SyncLoadBenchmark "$@" 2>&1 | tee "$ROOT/benchmarks/sync/last-run.txt"
