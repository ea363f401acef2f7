#!/usr/bin/env bash
# What `newssite deploy` sends after a one-article edit, against a local S3 server (s3rver, tests/s3).
#   tests/bench/deploy.sh WORK_DIR NEWSSITE [COUNT]    (COUNT articles, default 10000; NEWSSITE: the built CLI)
# Generates the shared synthetic corpus (/work/shared/bench/gen_corpus.py, or $GEN), builds it, deploys it once,
# edits one article, rebuilds, and deploys again; prints files and bytes sent and the wall time of each deploy.
# Needs: node, and `npm ci --ignore-scripts` in tests/s3.
set -euo pipefail
WORK=${1:?usage: deploy.sh WORK_DIR NEWSSITE [COUNT]}
NEWSSITE=${2:?usage: deploy.sh WORK_DIR NEWSSITE [COUNT]}
COUNT=${3:-10000}
GEN=${GEN:-/work/shared/bench/gen_corpus.py}
HERE=$(cd "$(dirname "$0")/.." && pwd)
S3RVER="$HERE/s3/node_modules/s3rver/bin/s3rver.js"
[ -f "$S3RVER" ] || { echo "s3rver is not installed: (cd tests/s3 && npm ci --ignore-scripts)" >&2; exit 1; }

SITE=$WORK/site
mkdir -p "$WORK"
if [ ! -f "$SITE/site.yaml" ]; then
  python3 "$GEN" --count "$COUNT" --seed 42 --flavor newssite --out "$SITE" >/dev/null
fi
if [ ! -d "$SITE/_site" ]; then
  /usr/bin/time -f "cold build: %e s" "$NEWSSITE" build -q --source "$SITE" --output "$SITE/_site"
fi

rm -rf "$WORK/s3" && mkdir -p "$WORK/s3"
# --openssl-legacy-provider: s3rver makes ListObjectsV2 continuation tokens with DES, which OpenSSL 3 keeps there.
node --openssl-legacy-provider "$S3RVER" --silent -d "$WORK/s3" -a 127.0.0.1 -p 0 --configure-bucket site >"$WORK/s3rver.log" 2>&1 &
server=$!
trap 'kill $server 2>/dev/null || true' EXIT
for _ in $(seq 1 100); do grep -q listening "$WORK/s3rver.log" && break; sleep 0.2; done
port=$(grep -o 'listening on 127.0.0.1:[0-9]*' "$WORK/s3rver.log" | grep -o '[0-9]*$')

# The deploy target, appended once (the corpus's site.yaml has none).
grep -q '^deploy:' "$SITE/site.yaml" || printf '\ndeploy:\n  bucket: site\n  endpoint: http://127.0.0.1:PORT\n  compress: %s\n' "${COMPRESS:-gzip}" >> "$SITE/site.yaml"
sed -i "s#endpoint: http://127.0.0.1:[0-9A-Z]*#endpoint: http://127.0.0.1:$port#" "$SITE/site.yaml"
export AWS_ACCESS_KEY_ID=S3RVER AWS_SECRET_ACCESS_KEY=S3RVER

deploy() {
  local label=$1 start end
  start=$(date +%s.%N)
  "$NEWSSITE" deploy --source "$SITE" --output "$SITE/_site" --format json > "$WORK/deploy-$label.json"
  end=$(date +%s.%N)
  python3 - "$WORK/deploy-$label.json" "$label" "$start" "$end" <<'PY'
import json, sys
r = json.load(open(sys.argv[1])); label = sys.argv[2]; wall = float(sys.argv[4]) - float(sys.argv[3])
print(f"{label}: {len(r['uploaded'])} uploaded, {len(r['deleted'])} deleted, {r['unchanged']} unchanged of {r['files']} files; "
      f"{r['bytes_sent'] / 1e6:.2f} MB sent of {r['site_bytes'] / 1e6:.1f} MB ({r['bytes_sent'] / r['site_bytes']:.2%}); "
      f"{len(r['purge'])} URLs to purge; {wall:.2f} s wall")
PY
}

deploy first
deploy unchanged
article=$(find "$SITE/content" -name '*.md' | sort | sed -n '2p')
cp "$article" "$WORK/edited-article.bak"
printf '\nA sentence added for the deploy benchmark at %s.\n' "$(date +%s%N)" >> "$article"
/usr/bin/time -f "one-article rebuild: %e s" "$NEWSSITE" build -q --source "$SITE" --output "$SITE/_site"
deploy edited
cp "$WORK/edited-article.bak" "$article"
