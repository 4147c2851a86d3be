#!/usr/bin/env bash
# Roundabout's one entry point: setup | build | serve | test
#   ./build.sh serve   installs what is missing, builds the static site into dist/, serves it on 127.0.0.1:8080
#   ./build.sh test    installs what is missing, builds, runs every test
#   ./build.sh test-sql  the README's big-dump SQL on DuckDB and Spark SQL against roundabout prepare
#   ./build.sh bench   builds, then benchmarks against DuckDB-wasm and Arquero in Chromium (bench/RESULTS.md, GOALS.md)
set -euo pipefail
cd "$(dirname "$0")"

CRATE=roundabout
TARGET=wasm32-unknown-unknown
OUT=dist
PORT="${PORT:-8080}"
export PATH="${CARGO_HOME:-$HOME/.cargo}/bin:$PATH"

say() { printf '\033[1m==> %s\033[0m\n' "$*"; }

# Phases: each `phase NAME` ends the one before; steps run with `in_background` time themselves. The table
# of their times is printed when the script exits.
PHASE_FILE=$(mktemp) PHASE_NOW="" PHASE_AT=0 START_MS=$(date +%s%3N)
now_ms() { date +%s%3N; }
phase() {
  local now; now=$(now_ms)
  [ -z "$PHASE_NOW" ] || printf '%s\t%s\n' "$((now - PHASE_AT))" "$PHASE_NOW" >>"$PHASE_FILE"
  PHASE_NOW="$1" PHASE_AT=$now
  [ -z "$1" ] || say "$1"
}
phase_report() {
  local rc=$? ms name
  phase ""
  if [ -s "$PHASE_FILE" ]; then
    printf '\nphases (seconds):\n'
    while IFS=$'\t' read -r ms name; do printf '  %7.1f  %s\n' "$(awk "BEGIN{print $ms/1000}")" "$name"; done <"$PHASE_FILE"
    printf '  %7.1f  in all%s\n' "$(awk "BEGIN{print ($(now_ms) - $START_MS)/1000}")" "$([ "$rc" -eq 0 ] || echo ", failed (exit $rc)")"
  fi
  rm -f "$PHASE_FILE"
  return "$rc"
}
trap phase_report EXIT

# in_background NAME COMMAND…: runs a setup step beside the others (downloads beside compiling); joined waits.
BACKGROUND=()
in_background() {
  local name=$1 log; shift; log=$(mktemp)
  say "$name (in the background)"
  ( t0=$(now_ms); rc=0; "$@" >"$log" 2>&1 || rc=$?
    printf '%s\t%s\n' "$(($(now_ms) - t0))" "$name (in the background)" >>"$PHASE_FILE"; exit "$rc" ) &
  BACKGROUND+=("$!|$log|$name")
}
joined() {
  local job pid log name failed=""
  for job in "${BACKGROUND[@]}"; do
    IFS='|' read -r pid log name <<<"$job"
    wait "$pid" || { cat "$log" >&2; failed="$name"; }
    rm -f "$log"
  done
  BACKGROUND=()
  [ -z "$failed" ] || die "$failed failed (its output is above)"
}
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
  phase "setup: what is installed"
  have cargo || die "Rust is missing: install rustup (https://rustup.rs is not needed here if your distribution ships it) and run again"
  if ! rustup target list --installed 2>/dev/null | grep -qx "$TARGET"; then
    phase "toolchain: the $TARGET target"; rustup target add "$TARGET"
  fi
  [ -f Cargo.lock ] || cargo generate-lockfile
  local want; want=$(lock_version wasm-bindgen)
  have node && have npm || { phase "Debian packages: Node.js"; apt_install nodejs npm; }
  # Chromium's and npm's downloads go on while the wasm-bindgen CLI compiles.
  # The end-to-end tests drive Chromium's headless shell (tests/e2e/browser.mjs says why); the benches, chromium.
  if ! have chromium || ! have chromedriver || ! have chromium-headless-shell; then
    [ "$(id -u)" -eq 0 ] || die "missing chromium, chromium-driver or chromium-headless-shell: install these Debian packages and run again"
    [ -n "${APT_UPDATED:-}" ] || { apt-get update -qq; APT_UPDATED=1; }
    in_background "Debian packages: Chromium" apt_install chromium chromium-driver chromium-headless-shell
  fi
  if [ ! -d node_modules ] || [ package-lock.json -nt node_modules/.package-lock.json ]; then
    in_background "npm packages from package-lock.json" npm ci --no-audit --no-fund --loglevel=error
  fi
  if [ "$(wasm-bindgen --version 2>/dev/null | awk '{print $2}')" != "$want" ]; then
    phase "toolchain: wasm-bindgen-cli $want, built from crates.io (once)"
    # Unoptimised: its compile takes 190 CPU-seconds instead of 463 (measured), and it then runs in 1.4 s a
    # module instead of 0.3 s.
    local install=(cargo install --no-default-features wasm-bindgen-cli --version "$want")
    CARGO_PROFILE_RELEASE_OPT_LEVEL=0 "${install[@]}" --locked || CARGO_PROFILE_RELEASE_OPT_LEVEL=0 "${install[@]}" --force
  fi
  [ "${#BACKGROUND[@]}" -eq 0 ] || { phase "setup: waiting for the downloads"; joined; }
}

# wasm-opt's features: those every browser we support has had since 2021.
# The producers and target-features sections are read by no browser: stripped, 200 bytes gzipped a module.
WASM_OPT_FEATURES=(--enable-reference-types --enable-bulk-memory --enable-nontrapping-float-to-int
  --enable-sign-ext --enable-mutable-globals --enable-multivalue --strip-producers --strip-target-features)

# wasm_module FEATURE PROFILE NAME [WASM_OPT…]: builds one of the two modules (src/wasm.rs) into $OUT/pkg/NAME.js +
# NAME_bg.wasm, passing WASM_OPT… to wasm-opt besides -Oz.
# wasm-opt takes some 10 s a module: its output is kept in target/opt/NAME and reused while cargo's wasm and
# wasm-opt's options are the same.
# Its compiler warnings fail the build: clippy checks the modules' code together (features bench), and this is
# where code that only one module leaves unused shows.
# CARGO_TARGET_DIR, when set, is where cargo builds it; GLUE, when set, names the glue (and the wasm's imports)
# after another module with the same exports, and only the wasm is copied.
wasm_module() {
  local log="target/build-$3.log"
  cargo build --profile "$2" --lib --target "$TARGET" --no-default-features --features "$1" 2>&1 | tee "$log" | sed "s/^/[$3] /"
  ! grep -q '^warning' "$log" || die "the $3 module builds with warnings (above, and in $log)"
  local wasm="${CARGO_TARGET_DIR:-target}/$TARGET/$2/$CRATE.wasm" kept="target/opt/$3" glue="${GLUE:-$3}" sum
  sum="$(sha256sum <"$wasm") $glue ${*:4} ${WASM_OPT_FEATURES[*]}"
  if [ "$(cat "$kept.sum" 2>/dev/null)" != "$sum" ]; then
    rm -rf "$kept" "$kept.sum"
    wasm-bindgen --target web --no-typescript --out-name "$glue" --out-dir "$kept" "$wasm"
    node_modules/.bin/wasm-opt -Oz "${@:4}" "${WASM_OPT_FEATURES[@]}" "$kept/${glue}_bg.wasm" -o "$kept/${glue}_bg.wasm"
    echo "$sum" >"$kept.sum"
  fi
  cp "$kept/${glue}_bg.wasm" "$OUT/pkg/${3}_bg.wasm"
  [ -n "${GLUE:-}" ] || cp "$kept/$3.js" "$OUT/pkg/"
}

# linted COMMAND…: cargo with clippy's driver as the compiler of this crate (rustc plus clippy's lints, as
# `cargo clippy` runs it, but building the binaries too) and warnings as errors: the test build gives the lints
# that a separate clippy pass would check the code again for (65 s on a clean clone). The tests' builds go
# through it, so that they share one build of the library; by hand, `cargo clippy` says the same.
linted() {
  RUSTC_WORKSPACE_WRAPPER="$(command -v clippy-driver)" CLIPPY_ARGS="-D__CLIPPY_HACKERY__warnings__CLIPPY_HACKERY__" "$@"
}
# The wasm32 tests build with the benchmark handles (features bench), so the lints cover that code too.
WASM_TEST=(--target "$TARGET" --features bench --test wasm_canvas)

# The command-line tool; with BUILD_TESTS set, the host and wasm32 test binaries too (cargo builds the tool
# for the host tests, sharing their build of the library: Cargo.toml).
host_build() {
  # Serving needs no lints: a newer toolchain's new lint must not stop a reader's `serve`.
  if [ -z "${BUILD_TESTS:-}" ]; then cargo build --bin "$CRATE"; return; fi
  have clippy-driver || die "clippy is missing: rustup component add clippy"
  linted cargo test --all-targets --no-run
  linted cargo test "${WASM_TEST[@]}" --no-run
}

build() {
  rm -rf "$OUT" && mkdir -p "$OUT/pkg" "$OUT/data"
  # The page's module is built for size (the map's work is small); the worker's, which reads whole trade
  # files, for speed.
  # Both at once: each build ends in a long single-threaded step (link-time optimisation into one codegen
  # unit), which would leave the second core idle (two builds one after the other: 194 s cold, measured).
  phase "build: the page's and the worker's wasm modules, the command-line tool${BUILD_TESTS:+ and the tests}, side by side"
  mkdir -p target
  # The page's module, fetched before the first map, is optimised until wasm-opt finds nothing more
  # (--converge: 1.6 KB gzipped less, 14 s more; on the worker's 0.2 KB for 23 s, so not there).
  wasm_module page page "$CRATE" --converge &
  local page=$!
  wasm_module worker release "${CRATE}_worker" &
  local worker=$!
  # The worker's module again with SIMD128, which the worker runs where the browser has it (line ends and
  # separators found sixteen bytes at a time: src/ingest/commas.rs, memchr). The flag changes every crate's
  # code, so it builds in a folder of its own.
  GLUE="${CRATE}_worker" CARGO_TARGET_DIR=target/simd RUSTFLAGS="-C target-feature=+simd128" wasm_module worker release "${CRATE}_worker_simd" --enable-simd &
  local simd=$!
  # The command-line tool writes the story into the site below; it compiles beside them too, and so do the
  # test binaries for ./build.sh test (the wasm modules' single-threaded last steps leave a core for them).
  host_build 2>&1 | sed "s/^/[host] /" &
  local cli=$!
  local built=yes
  wait "$page" || built=no
  wait "$worker" || built=no
  wait "$simd" || built=no
  wait "$cli" || built=no
  [ "$built" = yes ] || die "a build failed (above)"
  # The SIMD128 module has the scalar one's exports, so one glue in the worker's bundle runs either.
  cmp -s "target/opt/${CRATE}_worker_simd/${CRATE}_worker.js" "$OUT/pkg/${CRATE}_worker.js" \
    || die "the SIMD128 worker module's glue differs from the scalar module's: one worker script cannot run both"
  phase "build: the site (bundle, copy)"
  cp www/*.html www/*.svg www/*.png "$OUT/"
  # The HTML's comments are for its editors, not its readers: 0.2 KB of the page's weight.
  node -e 'const fs = require("fs"); for (const f of process.argv.slice(1)) fs.writeFileSync(f, fs.readFileSync(f, "utf8").replace(/<!--[\s\S]*?-->\s*/g, ""))' "$OUT"/*.html
  # Social cards need an absolute image URL; the page itself stays relative-URL only.
  if [ -n "${ROUNDABOUT_URL:-}" ]; then
    sed -i "s|content=\"card.png\"|content=\"${ROUNDABOUT_URL%/}/card.png\"|g" "$OUT/index.html"
  fi
  # The page's modules (with the wasm's glue) bundled into one file, and the worker's into another: one
  # request each instead of twenty, minified. What the page imports only when asked (publish.js: a file
  # saved as a story; graphics.js: framed downloads) is split into files of its own. The host pages' script and the CSS are
  # minified alone.
  local stage=target/shell # the modules beside the wasm's glue, as the page had them unbundled
  rm -rf "$stage" && mkdir -p "$stage" && cp www/*.js "$stage/" && ln -s "$PWD/$OUT/pkg" "$stage/pkg"
  node_modules/.bin/esbuild "$stage/main.js" "$stage/worker.js" --bundle --splitting --format=esm --minify --outdir="$OUT" --log-level=warning
  node_modules/.bin/esbuild www/roundabout-embed.js www/style.css --minify --outdir="$OUT" --log-level=warning
  cp www/data/* "$OUT/data/"
  # The country shapes, baked from world-atlas's TopoJSON by the command-line tool: read in a few
  # milliseconds at the page's start, where the JSON's parse took most of the core's (src/geo/baked.rs).
  for atlas in 110m 50m; do
    "target/debug/$CRATE" shapes "node_modules/world-atlas/countries-$atlas.json" --out "$OUT/data/countries-$atlas.bin"
  done
  # Country names: i18n-iso-countries' own (by alpha-2 code), with the trade areas' by their codes (S19,
  # "Other Asia, nes") from data/area-names.json.
  node -e 'const fs = require("fs"); const areas = JSON.parse(fs.readFileSync("data/area-names.json"));
    for (const lang of ["en", "uk", "ru"]) {
      const names = JSON.parse(fs.readFileSync(`node_modules/i18n-iso-countries/langs/${lang}.json`));
      names.countries = { ...names.countries, ...areas[lang] };
      fs.writeFileSync(`${process.argv[1]}/data/names-${lang}.json`, JSON.stringify(names));
    }' "$OUT"
  # The story: stories/default, or the folder ROUNDABOUT_STORY names. The command-line tool checks it and
  # writes it into the site (its data, story.json, its words into index.html), as it does for anyone
  # publishing a story without Node.
  phase "build: the story (roundabout story ${ROUNDABOUT_STORY:-stories/default})"
  "target/debug/$CRATE" story "${ROUNDABOUT_STORY:-stories/default}" --site "$OUT"
  report_size
}

gz() { gzip -9c "$1" | wc -c; }

# What the page loads before its map is drawn: the HTML, the CSS, the bundled JS and the page's wasm. The
# worker (worker.js and its wasm) comes when a reader loads a file or nears the analysis views.
# A chunk main.js imports statically (code it shares with a split module) counts as the page's too.
page_files() {
  echo "$OUT/index.html" "$OUT/style.css" "$OUT/main.js" "$OUT/pkg/${CRATE}_bg.wasm"
  grep -o 'from"\./[^"]*\.js"' "$OUT/main.js" | sed "s|^from\"\./|$OUT/|; s|\"\$||" || true
}

page_bytes() { local total=0 f; for f in $(page_files); do total=$((total + $(gz "$f"))); done; echo "$total"; }

report_size() {
  local data=0 f worker
  for f in "$OUT"/data/*; do
    case "$f" in */countries-50m.bin | */names-*.json | */i18n-*.json | */published-words-uk.json | */published-words-ru.json | */hs.json) continue ;; esac # on zoom, in uk/ru, or with products
    data=$((data + $(gz "$f")))
  done
  worker=$(( $(gz "$OUT/pkg/${CRATE}_worker_bg.wasm") + $(gz "$OUT/worker.js") ))
  printf 'wasm: page module %s bytes gzipped, worker module %s (with SIMD128: %s)\n' "$(gz "$OUT/pkg/${CRATE}_bg.wasm")" "$(gz "$OUT/pkg/${CRATE}_worker_bg.wasm")" "$(gz "$OUT/pkg/${CRATE}_worker_simd_bg.wasm")"
  printf 'page (wasm + JS + CSS + HTML): %s bytes gzipped; default data: %s bytes gzipped\n' "$(page_bytes)" "$data"
  printf 'fetched later: the worker (wasm + JS) %s bytes gzipped; finer shapes, on zoom, %s\n' "$worker" "$(gz "$OUT/data/countries-50m.bin")"
}

bench_pkg() { # the wasm with its benchmark handles, for bench/*.mjs; the page's build leaves them out
  cargo build --release --lib --target "$TARGET" --features bench
  wasm-bindgen --target web --no-typescript --out-dir target/bench-pkg "target/$TARGET/release/$CRATE.wasm"
  node_modules/.bin/wasm-opt -Oz "${WASM_OPT_FEATURES[@]}" "target/bench-pkg/${CRATE}_bg.wasm" -o "target/bench-pkg/${CRATE}_bg.wasm"
  # The same wasm with its function names, unoptimised by wasm-opt, for bench/profile.mjs.
  wasm-bindgen --target web --no-typescript --out-dir target/profile-pkg "target/$TARGET/release/$CRATE.wasm"
  # The frame benchmark runs the map's code as the page's module is built: for size.
  cargo build --profile page --lib --target "$TARGET" --features bench
  wasm-bindgen --target web --no-typescript --out-dir target/frame-pkg "target/$TARGET/page/$CRATE.wasm"
  node_modules/.bin/wasm-opt -Oz "${WASM_OPT_FEATURES[@]}" "target/frame-pkg/${CRATE}_bg.wasm" -o "target/frame-pkg/${CRATE}_bg.wasm"
  cargo build --release --bin "$CRATE"
}

serve() {
  say "serving $OUT on http://127.0.0.1:$PORT/"
  exec node scripts/serve.mjs "$OUT" "$PORT"
}

within_budget() { # WHAT BYTES FILE: fails when BYTES is over budget/FILE
  local budget; budget=$(cat "budget/$3")
  [ "$2" -le "$budget" ] || die "$1 is $2 bytes gzipped, over budget/$3 ($budget): shrink it, or raise the budget with a reason in CHANGES.md"
}

# The committed story table, headlines and HS table must be what the scripts derive from data/sources.
derived_data_current() {
  local out; out=$(mktemp -d)
  python3 scripts/derive_story.py data/sources "$out" >/dev/null
  node scripts/derive_hs.mjs data/sources "$out/hs.json" >/dev/null
  local f; for f in story.csv headlines.json hs.json; do
    cmp -s "$out/$f" "www/data/$f" || die "www/data/$f differs from what scripts/ derive from data/sources: run the scripts (README, Where the figures come from)"
  done
  rm -rf "$out"
}

run_tests() {
  phase "test: budgets and derived data"
  derived_data_current
  within_budget "the page's wasm module" "$(gz "$OUT/pkg/${CRATE}_bg.wasm")" wasm-gzip-bytes
  within_budget "the worker's wasm module" "$(gz "$OUT/pkg/${CRATE}_worker_bg.wasm")" worker-wasm-gzip-bytes
  within_budget "the worker's SIMD128 wasm module" "$(gz "$OUT/pkg/${CRATE}_worker_simd_bg.wasm")" worker-wasm-gzip-bytes
  within_budget "the page (wasm + JS + CSS + HTML)" "$(page_bytes)" page-gzip-bytes
  # Clippy's lints came with the test binaries' build (linted, above).
  phase "test: host tests"
  linted cargo test --all-targets
  linted cargo test --doc # the examples in the docs, which --all-targets leaves out; edition 2024 builds them as one
  phase "test: wasm tests in headless Chromium"
  CARGO_TARGET_WASM32_UNKNOWN_UNKNOWN_RUNNER=wasm-bindgen-test-runner CHROMEDRIVER=/usr/bin/chromedriver \
    linted cargo test "${WASM_TEST[@]}"
  phase "test: end-to-end tests in headless Chromium"
  # One file per core at a time: node's default leaves one core idle. A test that hangs (Chromium's headless
  # shell has crashed under a test, and the test waited on) fails after 3 minutes, 20 times the slowest.
  ROUNDABOUT_SITE="$OUT" node --test --test-concurrency="$(nproc)" --test-timeout=180000 tests/e2e/
}

# test-sql: the README's big-dump SQL on DuckDB and Spark SQL (tests/sql/cut.py), with what they need: Python
# packages pinned in tests/sql/requirements.txt, in .venv-sql/, and a Java runtime (Spark 4 wants 17 or later).
# Apart from ./build.sh test: a user who never cuts a dump with an engine never installs them.
test_sql() {
  phase "test-sql: Python and Java"
  have python3 || apt_install python3 python3-venv
  local major; major=$(java -version 2>&1 | awk -F'"' '/version/ { split($2, v, "."); print v[1] }')
  [ "${major:-0}" -ge 17 ] 2>/dev/null || apt_install default-jre-headless
  local venv=.venv-sql
  [ -x "$venv/bin/python" ] || python3 -m venv "$venv" || { apt_install python3-venv && python3 -m venv "$venv"; }
  if [ ! -f "$venv/installed" ] || [ tests/sql/requirements.txt -nt "$venv/installed" ]; then
    phase "test-sql: DuckDB and PySpark into $venv (tests/sql/requirements.txt)"
    "$venv/bin/pip" install -q -r tests/sql/requirements.txt
    cp tests/sql/requirements.txt "$venv/installed"
  fi
  phase "test-sql: the command-line tool"
  linted cargo build --bin "$CRATE" # the build ./build.sh test made, when it ran first
  phase "test-sql: the README's cut SQL on DuckDB and Spark SQL"
  "$venv/bin/python" tests/sql/cut.py
}

case "${1:-}" in
  setup) setup ;;
  build) setup; build ;;
  serve) setup; build; serve ;;
  test) setup; BUILD_TESTS=1 build; run_tests ;;
  test-sql) test_sql ;;
  bench) setup; build; bench_pkg; node bench/frame.mjs; node bench/memory.mjs; node bench/first-map.mjs; node bench/browser.mjs; node bench/parallel.mjs; node bench/profile.mjs; node bench/inflate.mjs 1000000; node bench/big-zip.mjs; node bench/simd.mjs; node bench/goals.mjs ;;
  *) echo "usage: ./build.sh setup|build|serve|test|test-sql|bench" >&2; exit 2 ;;
esac
