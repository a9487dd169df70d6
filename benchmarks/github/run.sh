#!/usr/bin/env bash
# Publishes 1,000 secrets over 20 GitHub environments through keyturn's sync service and GitHub
# adapter against the GitHub stand-in, and compares with a naive per-secret loop (public key + PUT
# per secret) in the same process. Usage: benchmarks/github/run.sh [secrets] [environments]
# (defaults 1000 20). Needs JDK 25 and libsodium23; no Docker, no network.
set -euo pipefail

ROOT=$(cd "$(dirname "$0")/../.." && pwd)
export JAVA_HOME=${JAVA_HOME:-/usr/lib/jvm/temurin-25-jdk-amd64}
cd "$ROOT"

CLASSPATH_FILE=target/github-bench.classpath
./mvnw -B -q -pl functions/sync -am test-compile dependency:build-classpath \
  -Dmdep.outputFile="$CLASSPATH_FILE" -Dmdep.includeScope=test -Dspotless.check.skip=true

MODULE=functions/sync
CP="$MODULE/target/test-classes:$MODULE/target/classes:$(cat "$MODULE/$CLASSPATH_FILE")"
exec "$JAVA_HOME/bin/java" --enable-native-access=ALL-UNNAMED -Xmx1g -cp "$CP" \
  dev.keyturn.sync.bench.GithubPublishBenchmark "$@" 2>&1 | tee "$ROOT/benchmarks/github/last-run.txt"
