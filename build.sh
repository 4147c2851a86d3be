#!/usr/bin/env bash
# Roundabout's one entry point: setup | build | serve | test
#   ./build.sh serve   installs what is missing, builds the static site into dist/, serves it on 127.0.0.1:8080
#   ./build.sh test    installs what is missing, builds, runs every test
#   ./build.sh bench   builds, then benchmarks against DuckDB-wasm and Arquero in Chromium (bench/RESULTS.md)
set -euo pipefail
cd "$(dirname "$0")"

CRATE=roundabout
TARGET=wasm32-unknown-unknown
OUT=dist
PORT="${PORT:-8080}"
export PATH="$HOME/.cargo/bin:$PATH"

say() { printf '\033[1m==> %s\033[0m\n' "$*"; }
die() { printf 'build.sh: %s\n' "$*" >&2; exit 1; }
have() { command -v "$1" >/dev/null 2>&1; }

apt_install() {
  if [ "$(id -u)" -ne 0 ]; then
    die "missing $*: install the Debian packages ($*) and run again"
  fi
  say "installing Debian packages: $*"
  if [ -z "${APT_UPDATED:-}" ]; then apt-get update -qq; APT_UPDATED=1; fi
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "$@" >/dev/null
}

lock_version() { # version of a crate in Cargo.lock
  awk -v name="$1" '$0 == "name = \"" name "\"" { getline; gsub(/version = |"/, ""); print; exit }' Cargo.lock
}

setup() {
  have cargo || die "Rust is missing: install rustup (https://rustup.rs is not needed here if your distribution ships it) and run again"
  if ! rustup target list --installed 2>/dev/null | grep -qx "$TARGET"; then
    say "adding the $TARGET target"; rustup target add "$TARGET"
  fi
  [ -f Cargo.lock ] || cargo generate-lockfile
  local want; want=$(lock_version wasm-bindgen)
  if [ "$(wasm-bindgen --version 2>/dev/null | awk '{print $2}')" != "$want" ]; then
    say "installing wasm-bindgen-cli $want (about 2 minutes, once)"
    cargo install --locked --no-default-features wasm-bindgen-cli --version "$want" \
      || cargo install --force --no-default-features wasm-bindgen-cli --version "$want"
  fi
  have node && have npm || apt_install nodejs npm
  if [ ! -d node_modules ] || [ package-lock.json -nt node_modules/.package-lock.json ]; then
    say "installing npm packages from package-lock.json"; npm ci --no-audit --no-fund --loglevel=error
  fi
  if ! have chromium || ! have chromedriver; then apt_install chromium chromium-driver; fi
}

build() {
  say "building the wasm core"
  cargo build --release --lib --target "$TARGET"
  rm -rf "$OUT" && mkdir -p "$OUT/pkg" "$OUT/data"
  wasm-bindgen --target web --no-typescript --out-dir "$OUT/pkg" "target/$TARGET/release/$CRATE.wasm"
  node_modules/.bin/wasm-opt -Oz --enable-reference-types --enable-bulk-memory --enable-nontrapping-float-to-int \
    --enable-sign-ext --enable-mutable-globals --enable-multivalue \
    "$OUT/pkg/${CRATE}_bg.wasm" -o "$OUT/pkg/${CRATE}_bg.wasm"
  cp www/*.html www/*.js www/*.css www/*.svg www/*.png "$OUT/"
  # Social cards need an absolute image URL; the page itself stays relative-URL only.
  if [ -n "${ROUNDABOUT_URL:-}" ]; then
    sed -i "s|content=\"card.png\"|content=\"${ROUNDABOUT_URL%/}/card.png\"|g" "$OUT/index.html"
  fi
  cp www/data/* "$OUT/data/"
  cp node_modules/world-atlas/countries-110m.json node_modules/world-atlas/countries-50m.json "$OUT/data/"
  for lang in uk ru; do cp "node_modules/i18n-iso-countries/langs/$lang.json" "$OUT/data/names-$lang.json"; done
  report_size
}

report_size() {
  local wasm="$OUT/pkg/${CRATE}_bg.wasm" code=0 data=0 f
  for f in "$wasm" "$OUT"/pkg/*.js "$OUT"/*.js "$OUT"/*.css "$OUT"/*.html; do
    [ "$f" = "$OUT/roundabout-embed.js" ] && continue # loaded by host pages, not by ours
    code=$((code + $(gzip -9c "$f" | wc -c)))
  done
  for f in "$OUT"/data/*; do
    case "$f" in */countries-50m.json | */names-*.json | */i18n-*.json | */hs.json) continue ;; esac # on zoom, in uk/ru, or with products
    data=$((data + $(gzip -9c "$f" | wc -c)))
  done
  printf 'wasm: %s bytes raw, %s gzipped\n' "$(wc -c <"$wasm")" "$(gzip -9c "$wasm" | wc -c)"
  printf 'page (wasm + JS + CSS + HTML): %s bytes gzipped; default data: %s bytes gzipped' "$code" "$data"
  printf '; finer shapes, fetched on zoom: %s bytes gzipped\n' "$(gzip -9c "$OUT/data/countries-50m.json" | wc -c)"
}

bench_pkg() { # the wasm with its benchmark handles, for bench/*.mjs; the page's build leaves them out
  cargo build --release --lib --target "$TARGET" --features bench
  wasm-bindgen --target web --no-typescript --out-dir target/bench-pkg "target/$TARGET/release/$CRATE.wasm"
  node_modules/.bin/wasm-opt -Oz --enable-reference-types --enable-bulk-memory --enable-nontrapping-float-to-int \
    --enable-sign-ext --enable-mutable-globals --enable-multivalue \
    "target/bench-pkg/${CRATE}_bg.wasm" -o "target/bench-pkg/${CRATE}_bg.wasm"
  # The same wasm with its function names, unoptimised by wasm-opt, for bench/profile.mjs.
  wasm-bindgen --target web --no-typescript --out-dir target/profile-pkg "target/$TARGET/release/$CRATE.wasm"
  cargo build --release --bin "$CRATE"
}

serve() {
  say "serving $OUT on http://127.0.0.1:$PORT/"
  exec node scripts/serve.mjs "$OUT" "$PORT"
}

run_tests() {
  local gz budget; gz=$(gzip -9c "$OUT/pkg/${CRATE}_bg.wasm" | wc -c); budget=$(cat budget/wasm-gzip-bytes)
  [ "$gz" -le "$budget" ] || die "wasm is $gz bytes gzipped, over budget/wasm-gzip-bytes ($budget): shrink it, or raise the budget with a reason in CHANGES.md"
  say "host tests"
  cargo test --all-targets
  say "clippy (host and wasm32)"
  cargo clippy --all-targets -- -D warnings
  cargo clippy --lib --test wasm_canvas --target "$TARGET" -- -D warnings
  cargo clippy --lib --target "$TARGET" --features bench -- -D warnings
  say "wasm tests in headless Chromium"
  CARGO_TARGET_WASM32_UNKNOWN_UNKNOWN_RUNNER=wasm-bindgen-test-runner CHROMEDRIVER=/usr/bin/chromedriver \
    cargo test --target "$TARGET" --test wasm_canvas
  say "end-to-end tests in headless Chromium"
  ROUNDABOUT_SITE="$OUT" node --test tests/e2e/
}

case "${1:-}" in
  setup) setup ;;
  build) setup; build ;;
  serve) setup; build; serve ;;
  test) setup; build; run_tests ;;
  bench) setup; build; bench_pkg; node bench/frame.mjs; node bench/browser.mjs; node bench/profile.mjs ;;
  *) echo "usage: ./build.sh setup|build|serve|test|bench" >&2; exit 2 ;;
esac
