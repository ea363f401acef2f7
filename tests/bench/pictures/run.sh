#!/usr/bin/env bash
# Pictures benchmark: N camera-sized photos (3 to 16 megapixels, from Debian's mate-backgrounds) through NewsSite's
# pictures stage and through Hugo's image processing, each making the widths 480, 800, 1200 and 1600 in WebP.
# NewsSite also writes the JPEG copies and the cleaned full-size original it publishes; Hugo only the WebP copies.
#
#   tests/bench/pictures/run.sh 200
#
# Needs: the .NET 10 SDK, GNU time, hugo (extended, for WebP) and dpkg-deb: apt-get install -y time hugo.
# Prints wall time and peak memory (max RSS) of a cold build of each tool, then NewsSite's warm rebuild (an
# article edited, no picture changed), which must process no picture. WORK (/tmp/newssite-pictures-bench) keeps
# the photos between runs.
set -euo pipefail
count=${1:-200}
REPO=$(cd "$(dirname "${BASH_SOURCE[0]}")/../../.." && pwd)
WORK=${WORK:-/tmp/newssite-pictures-bench}
mkdir -p "$WORK"
command -v /usr/bin/time >/dev/null || { echo "need GNU time: apt-get install -y time" >&2; exit 2; }
command -v hugo >/dev/null || { echo "need hugo: apt-get install -y hugo" >&2; exit 2; }

if [ ! -d "$WORK/debian/usr/share/backgrounds/mate" ]; then
  (cd "$WORK" && apt-get download mate-backgrounds >/dev/null && dpkg-deb -x mate-backgrounds_*.deb debian)
fi
mkdir -p "$WORK/sources"
cp "$WORK"/debian/usr/share/backgrounds/mate/nature/*.jpg "$WORK"/debian/usr/share/backgrounds/mate/abstract/Elephants_5640x3172.jpg "$WORK/sources/"
dotnet run -c Release --project "$REPO/tests/bench/pictures/make-photos" -- "$WORK/sources" "$WORK/photos-$count" "$count"

dotnet build -c Release "$REPO/src/NewsSite.Cli" -o "$WORK/cli" >/dev/null
newssite="$WORK/cli/newssite"

# NewsSite: every picture under content/ is processed; one article so the site has a page.
site="$WORK/newssite-$count"
rm -rf "$site" "$WORK/out-$count" "$WORK/.out-$count.newssite"
mkdir -p "$site/content/media" "$site/content/world"
printf 'title: Bench\nbase_url: https://bench.example/\n' > "$site/site.yaml"
printf -- '---\nheadline: One\ndate: 2025-01-01\n---\nBody.\n' > "$site/content/world/one.md"
cp "$WORK/photos-$count"/*.jpg "$site/content/media/"

# Hugo: a home template that resizes every photo to the same widths in WebP.
hugo_site="$WORK/hugo-$count"
rm -rf "$hugo_site"
mkdir -p "$hugo_site/assets/photos" "$hugo_site/layouts" "$hugo_site/content"
printf 'baseURL = "https://bench.example/"\ndisableKinds = ["taxonomy", "term", "RSS", "sitemap", "robotsTXT", "404"]\n[imaging]\nquality = 80\n' > "$hugo_site/config.toml"
cat > "$hugo_site/layouts/index.html" <<'HTML'
{{ range resources.Match "photos/*.jpg" }}{{ $photo := . }}{{ range slice 480 800 1200 1600 }}<img src="{{ ($photo.Resize (printf "%dx webp" .)).RelPermalink }}">
{{ end }}{{ end }}
HTML
cp "$WORK/photos-$count"/*.jpg "$hugo_site/assets/photos/"

measure() { # label, command...: prints "label: wall s, max RSS MB"
  local label=$1; shift
  /usr/bin/time -f "%e %M" -o "$WORK/time" "$@" >"$WORK/last.log" 2>&1 || { cat "$WORK/last.log"; exit 1; }
  read -r wall rss < "$WORK/time"
  printf '%-40s %8.2f s %8.0f MB\n' "$label" "$wall" "$((rss / 1024))"
}

echo "$count photos ($(du -sh "$WORK/photos-$count" | cut -f1)), $(nproc) cores"
measure "NewsSite cold" "$newssite" build --source "$site" --output "$WORK/out-$count" --clean --verbose
grep -o 'pictures processed: [0-9]*' "$WORK/last.log"
measure "Hugo cold" hugo --source "$hugo_site" --destination "$WORK/hugo-public-$count" --cacheDir "$WORK/hugo-cache-$count" --ignoreCache --quiet
printf -- '---\nheadline: One, edited\ndate: 2025-01-01\n---\nBody.\n' > "$site/content/world/one.md"
measure "NewsSite warm (article edited)" "$newssite" build --source "$site" --output "$WORK/out-$count" --verbose
grep -o 'pictures processed: [0-9]*' "$WORK/last.log"
echo "NewsSite output: $(find "$WORK/out-$count/media" -type f | wc -l) files, $(du -sh "$WORK/out-$count/media" | cut -f1); Hugo output: $(find "$WORK/hugo-public-$count" -name '*.webp' | wc -l) files, $(du -sh "$WORK/hugo-public-$count" | cut -f1)"
