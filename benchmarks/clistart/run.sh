#!/usr/bin/env bash
# CLI start: `keyturn --help`, `keyturn lint` and `keyturn status` (against a local AWS) through
# bin/keyturn, before (the launcher of BEFORE_REF, no AOT cache) and after (this bin/keyturn, with
# its AOT cache; and with KEYTURN_AOT_CACHE=off), against the baseline: BaselineCli, a bare
# `java -version` plus one AWS SDK call. Every round runs every row once, interleaved, so a busy
# moment of a shared machine falls on all rows alike; round 0 is a warm-up and not counted.
# Medians and ratios go to stdout and benchmarks/clistart/results.md. See README.md.
#
# Usage: benchmarks/clistart/run.sh [ROUNDS]     (default 5)
# Needs JDK 25 and moto_server on PATH. SKIP_BUILD=1 reuses the jars; BEFORE_REF (default 9179e42,
# main before the AOT cache) names the commit whose bin/keyturn is "before".
set -euo pipefail

ROOT=$(cd "$(dirname "$0")/../.." && pwd)
export JAVA_HOME=${JAVA_HOME:-/usr/lib/jvm/temurin-25-jdk-amd64}
ROUNDS=${1:-5}
BEFORE_REF=${BEFORE_REF:-9179e42}
WORK="$ROOT/benchmarks/target/clistart"
cd "$ROOT"

if [[ "${SKIP_BUILD:-0}" != 1 ]]; then
  ./mvnw -B -q -Pbenchmarks -pl cli,benchmarks -am package -DskipTests -Dspotless.check.skip=true
fi
jar=$(ls "$ROOT"/cli/target/keyturn-cli-*-all.jar | head -1)
mkdir -p "$WORK/before/bin"
# "before": the launcher as it was, on the same jar (its cli/ is a link, so it never rebuilds)
git show "$BEFORE_REF:bin/keyturn" > "$WORK/before/bin/keyturn"
chmod +x "$WORK/before/bin/keyturn"
ln -sfn "$ROOT/cli" "$WORK/before/cli"

# a local AWS with the example inventory applied (status reads it); its first bin/keyturn call
# trains the AOT cache when the jar is newer than it
state="$WORK/local"
eval "$(bin/keyturn local up --state-dir "$state")"
trap 'bin/keyturn local down --state-dir "$state" >/dev/null 2>&1 || true' EXIT
bin/keyturn apply examples/inventory.yaml --yes >/dev/null 2>&1 || bin/keyturn apply examples/inventory.yaml --yes
: "${KEYTURN_TABLE:?local up exports KEYTURN_TABLE}"

declare -A rows=(
  [baseline]="$JAVA_HOME/bin/java -cp $ROOT/benchmarks/target/classes:$jar dev.keyturn.benchmarks.clistart.BaselineCli"
  [help-before]="$WORK/before/bin/keyturn --help"
  [help-after]="bin/keyturn --help"
  [help-nocache]="env KEYTURN_AOT_CACHE=off bin/keyturn --help"
  [lint-before]="$WORK/before/bin/keyturn lint examples/inventory.yaml"
  [lint-after]="bin/keyturn lint examples/inventory.yaml"
  [lint-nocache]="env KEYTURN_AOT_CACHE=off bin/keyturn lint examples/inventory.yaml"
  [status-before]="$WORK/before/bin/keyturn status"
  [status-after]="bin/keyturn status"
  [status-nocache]="env KEYTURN_AOT_CACHE=off bin/keyturn status"
)
order=(baseline help-before help-after help-nocache lint-before lint-after lint-nocache
  status-before status-after status-nocache)
samples="$WORK/samples.tsv"
: > "$samples"
TIMEFORMAT='%R %U %S'
for round in $(seq 0 "$ROUNDS"); do
  for row in "${order[@]}"; do
    set +e
    t=$( { time ${rows[$row]} >/dev/null 2>"$WORK/$row.err"; echo "exit $?" >"$WORK/$row.exit"; } 2>&1 )
    set -e
    read -r real user sys <<<"$t"
    echo "round $round $row: ${real}s ($(cat "$WORK/$row.exit"))" >&2
    if ((round > 0)); then
      printf '%s\t%s\t%s\t%s\n' "$row" "$real" "$(awk -v u="$user" -v s="$sys" 'BEGIN {print u + s}')" \
        "$(cut -d' ' -f2 "$WORK/$row.exit")" >>"$samples"
    fi
  done
done

median() { sort -n | awk '{v[NR]=$1} END {print (NR%2 ? v[(NR+1)/2] : (v[NR/2]+v[NR/2+1])/2)}'; }
col() { awk -F'\t' -v r="$1" -v c="$2" '$1==r {print $c}' "$samples"; }
base_wall=$(col baseline 2 | median)
base_cpu=$(col baseline 3 | median)
{
  echo "Medians of $ROUNDS interleaved rounds, s; JDK $("$JAVA_HOME/bin/java" -version 2>&1 | head -1 | cut -d'"' -f2), $(nproc) CPUs, load average $(cut -d' ' -f1-3 /proc/loadavg) at the end."
  echo
  echo "| row | wall | (min–max) | CPU | exit | wall / baseline | CPU / baseline |"
  echo "|---|---:|---:|---:|---:|---:|---:|"
  for row in "${order[@]}"; do
    wall=$(col "$row" 2 | median)
    cpu=$(col "$row" 3 | median)
    spread="$(col "$row" 2 | sort -n | head -1)–$(col "$row" 2 | sort -n | tail -1)"
    exits=$(col "$row" 4 | sort -u | tr '\n' ' ')
    printf '| %s | %.2f | %s | %.2f | %s| %.2f× | %.2f× |\n' "$row" "$wall" "$spread" "$cpu" "$exits" \
      "$(awk -v a="$wall" -v b="$base_wall" 'BEGIN {print a / b}')" \
      "$(awk -v a="$cpu" -v b="$base_cpu" 'BEGIN {print a / b}')"
  done
} | tee "$ROOT/benchmarks/clistart/results.md"
