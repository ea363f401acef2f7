#!/usr/bin/env bash
# Whole-build benchmark: NewsSite against Hugo on the same synthetic corpus, side by side.
#
#   tests/bench/run.sh 10000            one size
#   tests/bench/run.sh 1000 10000       several sizes, one table each
#   TOOLS="" tests/bench/run.sh 100000  NewsSite only
#
# Needs: the .NET 10 SDK, python3, GNU time and hugo (apt-get install -y time hugo), and the shared harness in
# ../shared/bench beside the repository (BENCH_DIR overrides). Environment: RUNS (5), SEED (42), TOOLS ("hugo"),
# WORK (/tmp/newssite-bench), INCREMENTAL (1: also time rebuilds), ORDER (alternate: one run of each tool at a time,
# the order flipped every round, see alternate.sh; harness: the harness's own order, every run of Hugo first).
# Prints the harness's table per size, the ratios the targets are stated in, and the incremental rebuild times.
# Every call of the harness and every cold rebuild gets a new folder, kept until the next benchmark: about 5 GB
# of disk at 10,000 articles with RUNS=5, and 6 GB at 100,000 with RUNS=1 and INCREMENTAL=0.
set -euo pipefail
[ $# -ge 1 ] || { echo "usage: $0 N [N ...]" >&2; exit 2; }

REPO=$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)
BENCH_DIR=${BENCH_DIR:-$REPO/../shared/bench}
export RUNS=${RUNS:-5} SEED=${SEED:-42} TOOLS=${TOOLS-hugo}
WORK_ROOT=${WORK:-/tmp/newssite-bench}

[ -x "$BENCH_DIR/run_anchors.sh" ] || [ -f "$BENCH_DIR/run_anchors.sh" ] || { echo "no harness at $BENCH_DIR" >&2; exit 2; }
command -v /usr/bin/time >/dev/null || { echo "need GNU time: apt-get install -y time" >&2; exit 2; }
if [[ " $TOOLS " == *" hugo "* ]] && ! command -v hugo >/dev/null; then echo "need hugo: apt-get install -y hugo" >&2; exit 2; fi

# The CLI published once, as the README recommends for build servers: the standalone profile (self-contained, the
# runtime and libraries precompiled together, tiered compilation off). Against a framework-dependent ReadyToRun
# build it takes a one-article rebuild at 10,000 articles from 2.4 s to 1.7 s; cold builds are unchanged.
case $(uname -m) in aarch64|arm64) RID=linux-arm64 ;; *) RID=linux-x64 ;; esac
PUBLISH=$WORK_ROOT/newssite-publish
echo "== publishing NewsSite (standalone profile, $RID) to $PUBLISH"
rm -rf "$PUBLISH"
dotnet publish "$REPO/src/NewsSite.Cli" -p:PublishProfile=standalone -r "$RID" -o "$PUBLISH" --nologo -v quiet >/dev/null
export NEWSSITE_CMD="$PUBLISH/newssite"

# Every size starts in an empty folder, and what an earlier benchmark left there is deleted first, all at once. On
# ext4 without a journal a new inode skips every inode freed in the last minute (five, while the inode table is not
# yet written back), which makes a build right after a large deletion slower, by seconds at 10,000 articles and the
# more the more was deleted (see alternate.sh); so after deleting, the writeback is forced and that minute waited out.
stale=()
for N in "$@"; do [ ! -e "$WORK_ROOT/n$N" ] || stale+=("$WORK_ROOT/n$N"); done
if [ ${#stale[@]} -gt 0 ]; then
  echo "== deleting the previous benchmark's folders (${stale[*]}), then waiting 65 s before timing anything"
  rm -rf "${stale[@]}"; sync; sleep 65
fi

for N in "$@"; do
  export WORK=$WORK_ROOT/n$N
  mkdir -p "$WORK"
  # Cold builds: the harness deletes the output folder; this drops our cache beside it as well.
  export NEWSSITE_CLEAN="rm -rf $WORK/.newssite-out.newssite"
  if [ "${ORDER:-alternate}" = alternate ]; then
    BENCH_DIR=$BENCH_DIR bash "$REPO/tests/bench/alternate.sh" "$N"
  else
    bash "$BENCH_DIR/run_anchors.sh" "$N"
  fi
  python3 "$REPO/tests/bench/ratios.py" "$WORK/results.tsv"
  # An if, not `[ ] &&`: with INCREMENTAL=0 the test's failure would be the script's exit status.
  if [ "${INCREMENTAL:-1}" = 1 ]; then bash "$REPO/tests/bench/incremental.sh" "$WORK" "$PUBLISH/newssite"; fi
done
