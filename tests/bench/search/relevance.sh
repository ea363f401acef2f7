#!/usr/bin/env bash
# Relevance of our search against Pagefind 1.6.0 on the same built pages, at each N given (default: 300 10000).
# Usage: tests/bench/search/relevance.sh [N...]   Knobs: PER_KIND (40 queries per kind), SEED (7: which queries),
# WORK, SHARED, CHROMIUM.
# The corpus and Pagefind's index are made once per N and kept (they do not depend on our code); our site is
# rebuilt every run (REBUILD=0 keeps it). See README.md beside this file.
set -euo pipefail

HERE="$(cd "$(dirname "$0")" && pwd)"
REPO="$(cd "$HERE/../../.." && pwd)"
WORK="${WORK:-/tmp/newssite-search-bench}"
SHARED="${SHARED:-$REPO/../shared}"
CHROMIUM="${CHROMIUM:-/usr/bin/chromium}"
PER_KIND="${PER_KIND:-40}"
SEED="${SEED:-7}"
SIZES=("$@")
[ ${#SIZES[@]} -gt 0 ] || SIZES=(300 10000)

command -v node >/dev/null || { echo "node is needed" >&2; exit 2; }
[ -x "$CHROMIUM" ] || { echo "$CHROMIUM is missing: apt-get install -y chromium" >&2; exit 2; }

mkdir -p "$WORK/tools"
cp "$HERE/package.json" "$WORK/tools/"
(cd "$WORK/tools" && npm install --no-audit --no-fund --silent)
dotnet build -c Release "$REPO/src/NewsSite.Cli" --nologo -v q >/dev/null
NEWSSITE="$REPO/src/NewsSite.Cli/bin/Release/net10.0/newssite.dll"

for N in "${SIZES[@]}"; do
  DIR="$WORK/relevance-n$N"
  mkdir -p "$DIR"
  if [ ! -f "$DIR/corpus/site.yaml" ]; then
    python3 "$SHARED/bench/gen_corpus.py" --count "$N" --flavor newssite --out "$DIR/corpus"
  fi
  if [ "${REBUILD:-1}" = 1 ] || [ ! -d "$DIR/site" ]; then
    rm -rf "$DIR/site"
    /usr/bin/time -f "newssite build, $N articles: %e s wall, %M KB max RSS" dotnet "$NEWSSITE" build --quiet --source "$DIR/corpus" --output "$DIR/site"
  fi
  if [ ! -f "$DIR/pagefind/pagefind.js" ]; then
    # Article pages only (what our index covers), written outside the site so our rebuilds leave it alone.
    "$WORK/tools/node_modules/.bin/pagefind" --site "$DIR/site" --output-path "$DIR/pagefind" \
      --glob "*/[0-9][0-9][0-9][0-9]/[0-9][0-9]/[0-9][0-9]/*/index.html" >"$DIR/pagefind.log" 2>&1 || { cat "$DIR/pagefind.log"; exit 1; }
  fi
  NODE_PATH="$WORK/tools/node_modules" node "$HERE/relevance.mjs" --corpus "$DIR/corpus" --site "$DIR/site" \
    --pagefind "$DIR/pagefind" --tools "$WORK/tools" --chromium "$CHROMIUM" --per-kind "$PER_KIND" --seed "$SEED" | tee "$DIR/relevance.md"
done
