#!/usr/bin/env bash
# Builds an N-article corpus with our CLI, indexes the same output with Pagefind, and measures both in headless
# Chromium: index size against the site's HTML, bytes fetched and time to results for two-word queries.
# Usage: tests/bench/search/run.sh [N]   (N defaults to 10000). See README.md beside this file.
set -euo pipefail

N="${1:-10000}"
HERE="$(cd "$(dirname "$0")" && pwd)"
REPO="$(cd "$HERE/../../.." && pwd)"
WORK="${WORK:-/tmp/newssite-search-bench/n$N}"
SHARED="${SHARED:-$REPO/../shared}"
CHROMIUM="${CHROMIUM:-/usr/bin/chromium}"

command -v node >/dev/null || { echo "node is needed" >&2; exit 2; }
[ -x "$CHROMIUM" ] || { echo "$CHROMIUM is missing: apt-get install -y chromium" >&2; exit 2; }
mkdir -p "$WORK"

echo "== tools (npm, in $WORK/tools)"
mkdir -p "$WORK/tools"
cp "$HERE/package.json" "$WORK/tools/"
(cd "$WORK/tools" && npm install --no-audit --no-fund --silent)

echo "== corpus: $N articles"
if [ ! -f "$WORK/corpus/site.yaml" ]; then
  python3 "$SHARED/bench/gen_corpus.py" --count "$N" --flavor newssite --out "$WORK/corpus"
fi

echo "== newssite build (Release)"
dotnet build -c Release "$REPO/src/NewsSite.Cli" --nologo -v q >/dev/null
rm -rf "$WORK/site"
/usr/bin/time -f "newssite: %e s wall, %M KB max RSS" \
  dotnet "$REPO/src/NewsSite.Cli/bin/Release/net10.0/newssite.dll" build --quiet --source "$WORK/corpus" --output "$WORK/site"

echo "== pagefind (all pages, its default)"
rm -rf "$WORK/site/pagefind" "$WORK/site/pagefind-articles"
/usr/bin/time -f "pagefind: %e s wall, %M KB max RSS" \
  "$WORK/tools/node_modules/.bin/pagefind" --site "$WORK/site" --output-subdir pagefind >"$WORK/pagefind.log" 2>&1 || { cat "$WORK/pagefind.log"; exit 1; }
tail -n 4 "$WORK/pagefind.log"

echo "== pagefind (article pages only, as our index)"
/usr/bin/time -f "pagefind (articles): %e s wall, %M KB max RSS" \
  "$WORK/tools/node_modules/.bin/pagefind" --site "$WORK/site" --output-subdir pagefind-articles \
  --glob "*/[0-9][0-9][0-9][0-9]/[0-9][0-9]/[0-9][0-9]/*/index.html" >"$WORK/pagefind-articles.log" 2>&1 || { cat "$WORK/pagefind-articles.log"; exit 1; }
tail -n 4 "$WORK/pagefind-articles.log"

echo "== measure in headless Chromium"
cp "$HERE/pagefind-bench.html" "$WORK/site/pagefind-bench.html"
NODE_PATH="$WORK/tools/node_modules" node "$HERE/measure.mjs" --site "$WORK/site" --chromium "$CHROMIUM" --tools "$WORK/tools" | tee "$WORK/results.md"
rm -f "$WORK/site/pagefind-bench.html"
