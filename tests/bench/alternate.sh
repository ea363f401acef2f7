#!/usr/bin/env bash
# The harness's cold builds, one run of each tool at a time, the order flipped every round:
#   tests/bench/alternate.sh N        (RUNS, TOOLS, NEWSSITE_CMD, NEWSSITE_CLEAN, WORK, BENCH_DIR as run.sh sets them)
#
# The harness times every run of one tool, then every run of the next. On a machine whose disk or processor slows
# down as a benchmark goes on (seen here: Hugo's five runs at 10,000 articles took 9.1, 12.9, 15.9, 19.5 and 22.7 s,
# and NewsSite's five after them 8.1 to 18.7 s), whichever tool goes second is timed on a slower machine. Here each
# round is one call of the harness with RUNS=1: Hugo then NewsSite in odd rounds, NewsSite then Hugo in even ones.
# The commands, the cleaning before each run, the timing and the table are the harness's own.
set -euo pipefail
N=${1:?usage: alternate.sh N}
RUNS=${RUNS:-5}
: "${BENCH_DIR:?}" "${WORK:?}" "${NEWSSITE_CMD:?}"
TOOLS=${TOOLS-hugo}
ROUNDS=$WORK/rounds
rm -rf "$ROUNDS" && mkdir -p "$ROUNDS"

# One call of the harness, one run of the given tools; its time reports are kept as round R's.
harness() {  # round tools newssite_cmd
  local round=$1 tools=$2 ours=$3 log=$ROUNDS/harness.$1.${2:-newssite}.log
  rm -f "$WORK"/times/*.1.txt
  RUNS=1 TOOLS="$tools" NEWSSITE_CMD="$ours" bash "$BENCH_DIR/run_anchors.sh" "$N" > "$log" 2>&1 \
    || { tail -20 "$log" >&2; exit 1; }
  for report in "$WORK"/times/*.1.txt; do
    local tool; tool=$(basename "$report" .1.txt)
    mv "$report" "$ROUNDS/$tool.$round.txt"
    echo "   round $round, $tool: $(grep -E 'Elapsed|Maximum resident' "$ROUNDS/$tool.$round.txt" | sed -E 's/.*\): //' | paste -sd' ') (wall, KB max RSS)"
  done
}

echo "== $RUNS rounds at N=$N, each one cold run of every tool, the order flipped each round"
for round in $(seq 1 "$RUNS"); do
  if (( round % 2 == 1 )); then
    harness "$round" "$TOOLS" "$NEWSSITE_CMD"
  else
    harness "$round" "" "$NEWSSITE_CMD"
    harness "$round" "$TOOLS" ""
  fi
done

# What ran where, as the harness records it (its first call ran every tool).
sed -n '1,/^corpus:/p' "$ROUNDS/harness.1.${TOOLS:-newssite}.log" | sed "s/runs=1\$/runs=$RUNS (one per round)/"

# The table from every round's reports, as the harness makes it; outputs checked as it checks them.
python3 "$BENCH_DIR/measure.py" header > "$WORK/results.tsv"
for tool in $TOOLS newssite; do
  case $tool in
    hugo) out=$WORK/hugo/public ;;
    newssite) out=$WORK/newssite-out ;;
    *) echo "alternate.sh knows only hugo and newssite, not $tool" >&2; exit 2 ;;
  esac
  check=$(python3 "$BENCH_DIR/check_output.py" --manifest "$WORK/manifest.tsv" --output "$out" || true)
  echo "   check $tool: $check"
  python3 "$BENCH_DIR/measure.py" row "$tool" "$N" "$out" "${check%%:*}" "$ROUNDS/$tool".*.txt >> "$WORK/results.tsv"
done

echo
echo "== results (N=$N, $RUNS runs each, alternating, cold caches; $(nproc) cores)"
python3 "$BENCH_DIR/measure.py" table "$WORK/results.tsv" | tee "$WORK/results.md"
echo "(raw results: $WORK/results.tsv; time reports per round: $ROUNDS)"
