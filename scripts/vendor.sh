#!/usr/bin/env bash
# Installs the pinned front-end packages from npm in a scratch folder and copies
# their built files into static/vendor/. The running site never needs Node.
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
cp "$root/scripts/vendor-package.json" "$work/package.json"
(cd "$work" && npm install --no-audit --no-fund --ignore-scripts --silent)
nm="$work/node_modules"
dest="$root/static/vendor"
rm -rf "$dest"
mkdir -p "$dest/utrecht" "$dest/htmx" "$root/tests/e2e/vendor"
cp "$nm/@utrecht/component-library-css/dist/index.css" "$dest/utrecht/component-library.css"
# The "voorbeeld" (example) theme is EUPL; Utrecht's own tokens are its proprietary brand.
cp "$nm/@nl-design-system-unstable/voorbeeld-design-tokens/dist/theme.css" "$dest/utrecht/design-tokens.css"
cp "$nm/@utrecht/component-library-css/LICENSE.md" "$dest/utrecht/LICENSE.md" 2>/dev/null || true
cp "$nm/htmx.org/dist/htmx.min.js" "$dest/htmx/htmx.min.js"
cp "$nm/htmx.org/LICENSE" "$dest/htmx/LICENSE"
# axe-core is only for the accessibility tests; it is never served.
cp "$nm/axe-core/axe.min.js" "$root/tests/e2e/vendor/axe.min.js"
cp "$nm/axe-core/LICENSE" "$root/tests/e2e/vendor/axe-core-LICENSE"
for pkg in @utrecht/component-library-css @nl-design-system-unstable/voorbeeld-design-tokens htmx.org axe-core; do
  printf '%s %s\n' "$pkg" "$(node -p "require('$nm/$pkg/package.json').version")"
done > "$dest/VERSIONS"
cat "$dest/VERSIONS"
