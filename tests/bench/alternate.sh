#!/usr/bin/env bash
# The harness's cold builds, one run of each tool at a time, the order flipped every round:
#   tests/bench/alternate.sh N        (RUNS, TOOLS, NEWSSITE_CMD, WORK, BENCH_DIR as run.sh sets them)
#
# The harness times every run of one tool, then every run of the next. On a machine whose disk or processor slows
# down as a benchmark goes on (seen here: Hugo's five runs at 10,000 articles took 9.1, 12.9, 15.9, 19.5 and 22.7 s,
# and NewsSite's five after them 8.1 to 18.7 s), whichever tool goes second is timed on a slower machine. Here each
# round is one call of the harness with RUNS=1: Hugo then NewsSite in odd rounds, NewsSite then Hugo in even ones.
# The commands, the timing and the table are the harness's own.
#
# Each call of the harness gets a folder of its own that does not exist yet, so that nothing is deleted before a
# timed build. The harness deletes the corpus it regenerates and the output it is about to rebuild, and on ext4
# without a journal (the disk here) a new inode skips every inode freed in the last one to five minutes, one by one:
# creating the 30,000 files and folders of a 10,000-article site right after deleting as many costs seconds of
# system time, and more each round (our system time went 8.7, 15.2, 22.2 s over three such builds, against 3 s in a
# fresh folder). run.sh deletes what an earlier benchmark left, then waits that out once before the first build.
set -euo pipefail
N=${1:?usage: alternate.sh N}
RUNS=${RUNS:-5}
: "${BENCH_DIR:?}" "${WORK:?}" "${NEWSSITE_CMD:?}"
TOOLS=${TOOLS-hugo}
ROUNDS=$WORK/rounds
mkdir -p "$ROUNDS"

# One call of the harness in a new folder, one run of the given tools; its time reports are kept as round R's.
harness() {  # round tools newssite_cmd
  local round=$1 tools=$2 ours=$3
  local dir=$ROUNDS/$round.${2:-newssite}
  local log=$dir.log
  [ ! -e "$dir" ] || { echo "$dir exists: run.sh starts each size in an empty folder" >&2; exit 1; }
  WORK="$dir" RUNS=1 TOOLS="$tools" NEWSSITE_CMD="$ours" NEWSSITE_CLEAN="rm -rf $dir/.newssite-out.newssite" \
    bash "$BENCH_DIR/run_anchors.sh" "$N" > "$log" 2>&1 || { tail -20 "$log" >&2; exit 1; }
  for report in "$dir"/times/*.1.txt; do
    local tool; tool=$(basename "$report" .1.txt)
    cp "$report" "$ROUNDS/$tool.$round.txt"
    echo "$dir" > "$ROUNDS/$tool.last"
    echo "   round $round, $tool: $(grep -E 'Elapsed|Maximum resident' "$report" | sed -E 's/.*\): //' | paste -sd' ') (wall, KB max RSS)"
  done
}

echo "== $RUNS rounds at N=$N, each one cold run of every tool, the order flipped each round"
for round in $(seq 1 "$RUNS"); do
  if (( round % 2 == 1 )); then
    harness "$round" "$TOOLS" "$NEWSSITE_CMD"
  else
    harness "$round" "" "$NEWSSITE_CMD"
    [ -z "$TOOLS" ] || harness "$round" "$TOOLS" ""
  fi
done

# What ran where, as the harness records it (its first call ran every tool).
sed -n '1,/^corpus:/p' "$ROUNDS/1.${TOOLS:-newssite}.log" | sed "s/runs=1\$/runs=$RUNS (one per round)/"

# The table from every round's reports, as the harness makes it; each tool's last output checked as it checks them.
python3 "$BENCH_DIR/measure.py" header > "$WORK/results.tsv"
for tool in $TOOLS newssite; do
  last=$(cat "$ROUNDS/$tool.last")
  case $tool in
    hugo) out=$last/hugo/public ;;
    newssite) out=$last/newssite-out ;;
    *) echo "alternate.sh knows only hugo and newssite, not $tool" >&2; exit 2 ;;
  esac
  check=$(python3 "$BENCH_DIR/check_output.py" --manifest "$last/manifest.tsv" --output "$out" || true)
  echo "   check $tool: $check"
  python3 "$BENCH_DIR/measure.py" row "$tool" "$N" "$out" "${check%%:*}" "$ROUNDS/$tool".*.txt >> "$WORK/results.tsv"
done
# The corpus the incremental rebuilds use.
ln -sfn "$(cat "$ROUNDS/newssite.last")/newssite" "$WORK/newssite"

echo
echo "== results (N=$N, $RUNS runs each, alternating, cold caches, fresh folders; $(nproc) cores)"
python3 "$BENCH_DIR/measure.py" table "$WORK/results.tsv" | tee "$WORK/results.md"
echo "(raw results: $WORK/results.tsv; time reports and each call's folder per round: $ROUNDS)"
