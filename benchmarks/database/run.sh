#!/usr/bin/env bash
# Database rotation under a pooled client: queries/s of an app's pool while the shaded rotate jar
# rotates an alternating-users secret back to back, against the same pool with no rotation
# (interleaved windows, medians, ratio), and the single-user failure window per rotation. Results
# go to stdout and benchmarks/database/results.md. See README.md.
#
# Usage: benchmarks/database/run.sh [--seconds N] [--rounds N] [--single-rotations N]
#                                    [--only postgres|mariadb|redis]
# Needs JDK 25, moto_server, and the Debian packages postgresql, mariadb-server, redis-server.
# SKIP_BUILD=1 reuses the jars.
set -euo pipefail

ROOT=$(cd "$(dirname "$0")/../.." && pwd)
export JAVA_HOME=${JAVA_HOME:-/usr/lib/jvm/temurin-25-jdk-amd64}
cd "$ROOT"

CLASSPATH_FILE=target/database.classpath
if [[ "${SKIP_BUILD:-0}" != 1 ]]; then
  ./mvnw -B -q -Pbenchmarks -pl functions/rotate,benchmarks -am package \
    dependency:build-classpath -DskipTests -Dspotless.check.skip=true \
    -Dmdep.outputFile="$CLASSPATH_FILE" -Dmdep.includeScope=test
fi

CP="benchmarks/target/classes:$(cat "benchmarks/$CLASSPATH_FILE")"
exec "$JAVA_HOME/bin/java" --enable-native-access=ALL-UNNAMED -Xmx1g \
  -Dlogback.configurationFile=benchmarks/database/logback-harness.xml \
  -cp "$CP" \
  dev.keyturn.benchmarks.database.DatabaseRotationHarness "$@"
