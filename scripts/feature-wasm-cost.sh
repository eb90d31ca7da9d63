#!/bin/bash
# What the timeline, downloads and the contexts view each cost in the app's
# gzipped wasm: builds HEAD's app whole and with each feature's component
# left out, the way Trunk builds it (cargo release build for wasm32,
# wasm-bindgen, wasm-opt -Oz), with the seeds' bundle (`cargo xtask bundle`
# writes it into target/orrery, as a build's first step does). Builds in its
# own copy and target folder. About two minutes a build after the first.
#
#   bash scripts/feature-wasm-cost.sh
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
work=${TMPDIR:-/tmp}/orrery-feature-cost
target=$root/target/feature-cost
bundle=$work/bundle
rm -rf "$work"; mkdir -p "$work/src" "$bundle"
(cd "$root" && env -u ORRERY_EMBED_LIMIT CORPUS_DIR=seeds cargo xtask bundle > /dev/null)
cp "$root/target/orrery/bundle.bin" "$bundle/"
git -C "$root" archive HEAD | tar -x -C "$work/src"
cd "$work/src"
measure() {
  CARGO_TARGET_DIR=$target ORRERY_BUNDLE_DIR=$bundle cargo build --quiet --release --target wasm32-unknown-unknown -p orrery --bin orrery
  rm -rf "$work/out"
  wasm-bindgen --target web --out-dir "$work/out" "$target/wasm32-unknown-unknown/release/orrery.wasm"
  "$root/e2e/node_modules/.bin/wasm-opt" -Oz "$work/out/orrery_bg.wasm" -o "$work/out/opt.wasm"
  printf '%-28s %8d bytes gzipped\n' "$1" "$(gzip -9 < "$work/out/opt.wasm" | wc -c)"
}
keep() { git -C "$root" archive HEAD src | tar -x -C "$work/src"; }
measure whole
sed -i '/<Timeline results=results \/>/d' src/components/articles.rs src/components/quotes.rs
measure "without the timeline"
keep
sed -i '/<Download kind=Kind::/d' src/components/articles.rs src/components/quotes.rs
measure "without downloads"
keep
sed -i 's|View::Contexts => view! { <Contexts results=results /> }.into_any(),|View::Contexts => ().into_any(),|' src/app.rs
measure "without the contexts view"
sed -i '/<Timeline results=results \/>/d' src/components/articles.rs src/components/quotes.rs
sed -i '/<Download kind=Kind::/d' src/components/articles.rs src/components/quotes.rs
measure "without all three"
