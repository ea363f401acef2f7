#!/usr/bin/env bash
# Lighthouse audit of a built site: the home page, an article page, a tag page and the search page (when the
# site has one, with a query), served on 127.0.0.1.
#   tests/html-check/lighthouse.sh _site [ARTICLE_PATH] [TAG_PATH]
# Without paths it takes the first article page with a lead image and the first topic page.
# Prints performance, accessibility, best-practices and SEO per page; exits 1 if any score is below 0.95.
# Needs Debian's chromium (CHROME_PATH, default /usr/bin/chromium), python3, and `npm ci --ignore-scripts` here.
set -euo pipefail
here=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
site=$(cd "${1:?usage: lighthouse.sh SITE_FOLDER [ARTICLE_PATH] [TAG_PATH]}" && pwd)
# By default: the first article page with a lead image (the heaviest kind), else the first article page.
articles=$(cd "$site" && find . -path './*/20[0-9][0-9]/[01][0-9]/[0-3][0-9]/*/index.html' | sort)
pictured=$(cd "$site" && for f in $articles; do grep -q 'class="lead-image"' "$f" && { echo "$f"; break; }; done || true)
article=${2:-$(echo "${pictured:-$articles}" | head -1 | sed 's#^\.##; s#index.html$##')}
tag=${3:-$(cd "$site" && find ./tags -mindepth 2 -name index.html | sort | head -1 | sed 's#^\.##; s#index.html$##')}
export CHROME_PATH=${CHROME_PATH:-/usr/bin/chromium}
lighthouse="$here/node_modules/lighthouse/cli/index.js"
[ -f "$lighthouse" ] || { echo "missing $lighthouse: run 'npm ci --ignore-scripts' in $here" >&2; exit 2; }

port=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1]); s.close()')
python3 -m http.server "$port" --bind 127.0.0.1 --directory "$site" >/dev/null 2>&1 &
server=$!
work=$(mktemp -d)
trap 'kill $server 2>/dev/null || true; rm -rf "$work"' EXIT
for _ in $(seq 50); do python3 -c "import urllib.request; urllib.request.urlopen('http://127.0.0.1:$port/')" 2>/dev/null && break; sleep 0.1; done

# One Lighthouse run of a page; prints its four scores. Exit 0: all at least 0.95; 3: only performance is lower
# (a timing score, which a busy machine can pull down); 1: anything else is lower.
audit() {
  local path=$1 name
  name=$(echo "$path" | tr '/' '_')
  node "$lighthouse" "http://127.0.0.1:$port$path" --quiet --output=json --output-path="$work/$name.json" \
    --only-categories=performance,accessibility,best-practices,seo \
    --chrome-flags="--headless=new --no-sandbox --disable-gpu --disable-quic --no-first-run --disable-background-networking --disable-component-update --disable-sync" \
    >/dev/null 2>"$work/$name.log" || { echo "lighthouse failed on $path:"; tail -5 "$work/$name.log"; return 1; }
  python3 - "$work/$name.json" "$path" <<'PY'
import json, sys
report = json.load(open(sys.argv[1]))
scores = {key: report["categories"][key]["score"] for key in ("performance", "accessibility", "best-practices", "seo")}
print(f"{sys.argv[2]:<60} " + "  ".join(f"{k} {v:.2f}" for k, v in scores.items()))
low = {k: v for k, v in scores.items() if v is None or v < 0.95}
if low:
    failing = [a["id"] for a in report["audits"].values() if a.get("score") is not None and a["score"] < 1 and a.get("scoreDisplayMode") in ("binary", "numeric")]
    print("  below 0.95: " + ", ".join(low) + "; audits not passed: " + ", ".join(sorted(failing)[:20]))
    sys.exit(3 if list(low) == ["performance"] else 1)
PY
}

status=0
search=$([ -f "$site/search/index.html" ] && echo "/search/?q=india" || true)
for path in / "$article" "$tag" $search; do
  result=0
  audit "$path" || result=$?
  if [ "$result" -eq 3 ]; then
    echo "  only performance is low, a timing score: measuring $path once more"
    result=0
    audit "$path" || result=$?
  fi
  [ "$result" -eq 0 ] || status=1
done
exit $status
