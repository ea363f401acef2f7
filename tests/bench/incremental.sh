#!/usr/bin/env bash
# Rebuild times on a corpus the harness generated: nothing changed, and one article edited, against a cold build.
#   tests/bench/incremental.sh WORK_DIR NEWSSITE      (RUNS, default 5; NEWSSITE: the published executable)
# The rebuilds are also set against the cold median of the side-by-side table ($WORK_DIR/results.tsv), when there is
# one. Each round's cold build writes to a folder of its own that does not exist yet, and nothing is deleted until
# the end: on ext4 without a journal a build right after a large deletion is slowed by it (see alternate.sh), and
# a cold build slowed so would flatter the shares.
set -euo pipefail
WORK=${1:?usage: incremental.sh WORK_DIR NEWSSITE}
NEWSSITE=${2:?usage: incremental.sh WORK_DIR NEWSSITE}
RUNS=${RUNS:-5}
SRC=$WORK/newssite
ROUNDS=$WORK/incremental
build() { ( cd "$SRC" && /usr/bin/time -f "%e %M" -o "$WORK/times/incremental.txt" "$NEWSSITE" build -q --source "$SRC" --output "$OUT" ); cat "$WORK/times/incremental.txt"; }
median() { sort -n | awk '{ a[NR] = $1 } END { print (NR % 2 ? a[(NR + 1) / 2] : (a[NR / 2] + a[NR / 2 + 1]) / 2) }'; }
mkdir -p "$WORK/times"

cold=(); nochange=(); edited=()
article=$(find "$SRC/content" -name '*.md' | sort | sed -n '2p')
cp "$article" "$WORK/edited-article.bak"
[ ! -e "$ROUNDS" ] || { echo "$ROUNDS exists: run.sh starts each size in an empty folder" >&2; exit 1; }
for r in $(seq 1 "$RUNS"); do
  OUT=$ROUNDS/$r/out; mkdir -p "$ROUNDS/$r"; sync
  cold+=("$(build | cut -d' ' -f1)")
  # The steady state of a newsroom: every real build leaves the previous output as a spare tree for the next one.
  # A file touched (to an hour ago, so the build trusts its time) makes the second build a real one.
  touch -d '-1 hour' "$article"
  build >/dev/null
  nochange+=("$(build | cut -d' ' -f1)")
  printf '\nA sentence added in rebuild %s.\n' "$r" >> "$article"
  edited+=("$(build | cut -d' ' -f1)")
done
cp "$WORK/edited-article.bak" "$article"

c=$(printf '%s\n' "${cold[@]}" | median); n=$(printf '%s\n' "${nochange[@]}" | median); e=$(printf '%s\n' "${edited[@]}" | median)
echo "== incremental rebuilds (median of $RUNS): cold ${c} s, nothing changed ${n} s, one article edited ${e} s"
python3 -c "print(f'nothing changed / cold = {$n / $c:.1%} (target <= 10%); one article edited / cold = {$e / $c:.1%} (target <= 15%)')"
table=$(python3 -c "import csv,sys; r=[x for x in csv.DictReader(open(sys.argv[1]), delimiter='\t') if x['tool']=='newssite']; print(r[0]['wall_s_median'] if r else '')" "$WORK/results.tsv" 2>/dev/null || true)
if [ -n "$table" ]; then
  python3 -c "print(f'against the table\'s cold median ({$table:.2f} s): nothing changed {$n / $table:.1%}, one article edited {$e / $table:.1%}')"
fi
