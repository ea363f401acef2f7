#!/usr/bin/env bash
# Validates every HTML file of a built site with the Nu Html Checker; any error fails.
#   tests/html-check/validate.sh _site
# Needs Java and `npm ci --ignore-scripts` in this folder (vnu-jar's own postinstall would fetch a Java).
set -euo pipefail
here=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
site=${1:?usage: validate.sh SITE_FOLDER}
jar="$here/node_modules/vnu-jar/build/dist/vnu.jar"
[ -f "$jar" ] || { echo "missing $jar: run 'npm ci --ignore-scripts' in $here" >&2; exit 2; }
count=$(find "$site" -name '*.html' | wc -l)
echo "Nu Html Checker: $count HTML files in $site"
java -jar "$jar" --errors-only --skip-non-html "$site"
echo "Nu Html Checker: 0 errors"
