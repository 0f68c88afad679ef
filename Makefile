# Two commands on a fresh machine: `make serve` and `make test`. Each installs what it lacks.
SHELL := /bin/bash
PORT ?= 8000
# node_modules/.bin first: its wasm-opt (npm binaryen) is the one wasm-pack must find.
export PATH := $(CURDIR)/node_modules/.bin:$(HOME)/.cargo/bin:$(PATH)
# It also holds webdriverio's npm `geckodriver`, a downloader that fetches a driver from GitHub
# at each start (and fails offline, as CI is): name cargo's. Not exported, since the test runner
# takes any GECKODRIVER in its environment over the driver it was asked for.
GECKODRIVER := $(HOME)/.cargo/bin/geckodriver

.PHONY: help serve build tools lint test test-native test-chrome test-firefox test-webkit test-e2e e2e test-fuzz fuzz bench planted-bugs mutants new-year-check clean

## This list: each target with the "## " lines above it.
help:
	@awk '/^## /{doc = doc substr($$0, 4) " "; next} /^[a-z][a-z0-9-]*:/{if (doc) printf "  make %-13s %s\n", substr($$1, 1, length($$1) - 1), doc; doc = ""; next} {doc = ""}' $(MAKEFILE_LIST)

## Build the Wasm package (pkg/) and serve the repository root on 127.0.0.1:$(PORT), compressed as
## README.md's "Hosting" sets a host up (Brotli or gzip, the precompressed files make build writes).
serve: build
	node tools/serve.mjs --port $(PORT) --compress

# The release Wasm rebuilds the standard library for size, and makes a panic a bare trap: no panic
# message, location or formatting code is left in it (8 KB gzipped less). Both are unstable options,
# allowed on the stable compiler by RUSTC_BOOTSTRAP, as for the fuzz runs; the shell turns the trap
# into a visible message (www/chart-widget.js, `trapped`). Tests build without them, so a failing
# test still prints its panic.
# `-Zfmt-debug=none` compiles every `{:?}` to nothing: no Debug code, no Unicode escape tables and
# no debug-string glue, 3.1 KB gzipped off the first view's Wasm (72,469 → 69,351 B, measured on
# 2026-12-02). No message a reader or a developer sees uses Debug, in the page or the studio (the
# data checker quotes with ccht_data::quoted): the one serde-wasm-bindgen writes for an object is
# replaced in src/web/options.rs (`apply_options`), and tests/e2e check it. Every shipped Wasm,
# the studio's too, is built with these flags.
RELEASE_WASM := RUSTC_BOOTSTRAP=1 RUSTFLAGS="-Zunstable-options -Cpanic=immediate-abort -Zfmt-debug=none" wasm-pack build --release --target web
# optimize_for_size picks the standard library's smaller code paths (sorting, formatting): 4.3 KB
# gzipped off the first view's Wasm, measured on 2026-12-02 (78,690 → 74,366 B before short imports).
RELEASE_CARGO := -Zbuild-std=std,panic_abort -Zbuild-std-features=optimize_for_size

## wasm-pack build, size-optimised (opt-level z, LTO, wasm-opt -Oz, std rebuilt, panics as traps).
build: tools
	@# pkg/: the package for app developers, every function of the Viewer.
	$(RELEASE_WASM) . -- $(RELEASE_CARGO)
	@# The generated JS glue, minified (its types stay in pkg/ccht_chart.d.ts): 7.1 KB → 4.3 KB gzipped.
	node_modules/.bin/esbuild pkg/ccht_chart.js --minify --format=esm --allow-overwrite --outfile=pkg/ccht_chart.js --log-level=warning
	@# pkg-lean/: what the page's first view loads, without the downloads (fetched from pkg/ on use).
	$(RELEASE_WASM) --out-dir pkg-lean --no-pack . -- $(RELEASE_CARGO) --no-default-features
	@# pkg-studio/: studio.html's Wasm, the build's checker and the preview (src/web/studio.rs).
	$(RELEASE_WASM) --out-dir pkg-studio --no-pack . -- $(RELEASE_CARGO) --no-default-features --features studio
	@# dist/prerender/: every view drawn natively by the same code, for the first paint; index.html's
	@# default view; www/options.js, the option names and languages the shell takes from the Rust.
	cargo run -q --example prerender
	@# What pages load: the shell bundled with the glue and minified, in dist/ (tools/bundle.mjs).
	node tools/bundle.mjs
	@# What each data version changed, for the page's link and the archive (examples/changelog.rs).
	cargo run -q --example changelog > dist/changelog.txt
	@# "Download the data": the data files, their package, the changelog and a README in one archive (tools/data-archive.mjs).
	node tools/data-archive.mjs
	@for f in pkg-lean/ccht_chart_bg.wasm pkg/ccht_chart_bg.wasm pkg/ccht_chart.js dist/studio/ccht_chart_bg.wasm; do printf '%-26s %s bytes, %s gzipped\n' $$f $$(wc -c < $$f) $$(gzip -9c $$f | wc -c); done

tools:
	@tools/ensure-tools build

# Seconds per fuzz target: a short run in `make test`, a longer campaign in `make fuzz`.
FUZZ_SECONDS ?= 300
TEST_FUZZ_SECONDS ?= 20

## Every test, after the formatting and lint checks: native (data fidelity, layout, SVG,
## properties), Wasm in Chrome, Firefox and WebKit, end to end in all three (with the soak test),
## and a short fuzzing run of each parser. Two at a time where two cores allow (about 10 minutes).
# `$(call timed,what,command)`: runs the command, and says how long it took (the phases of make test).
timed = s=$$(date +%s); $(2) || exit $$?; echo "make test: $(1) took $$(( $$(date +%s) - s )) s"

test:
	@# Everything installed first, one after another (apt takes one install at a time).
	@$(call timed,installing what was missing,tools/ensure-tools lint build browsers webkit node fuzz python)
	@$(call timed,lint,$(MAKE) --no-print-directory lint)
	@# The release build alone: it has both cores while it compiles, and its prerender compiles the
	@# native test build's crates (target/debug) before the tests need them.
	@$(call timed,build,$(MAKE) --no-print-directory build)
	@# Then two at a time, each one's output shown when it ends: the native tests and the short
	@# fuzzing (its own build directory, fuzz/target/; one core while it runs), then the three
	@# browsers' Wasm tests as cores free up (they share target/wasm32-unknown-unknown/debug: the
	@# first compiles, the others find it built). Side by side with the build, these took longer
	@# than one after another (cargo builds waiting on each other's locks, 2026-12-07).
	@$(call timed,native + fuzzing + Wasm tests in three browsers,$(MAKE) --no-print-directory -j2 --output-sync=target test-native test-fuzz test-chrome test-firefox test-webkit)
	@$(call timed,end to end,$(MAKE) --no-print-directory e2e)

# Each check says which command fixes what it found.
comma := ,
FIX_FMT := echo "make: the code is not formatted as rustfmt.toml says; run  cargo fmt --all && (cd fuzz && cargo fmt)"; exit 1
FIX_CLIPPY = echo "make: clippy found the problems above; fix them (cargo clippy --fix $(1) applies its suggestions), then run make lint"; exit 1

## rustfmt and clippy (native, and wasm32 with every feature set that ships or is benchmarked),
## warnings as errors; first in `make test`, a minute or two before anything slow.
lint:
	@tools/ensure-tools lint
	@# Every file a comment, a config or a Markdown file names exists (no stale names), no new cycle
	@# between modules, and every planted bug's text is still in its file (make planted-bugs).
	node tools/check-paths.mjs
	node tools/check-cycles.mjs
	node tools/planted-bugs.mjs --check
	@# index.html's inline script is www/first.js's current build (make build writes it; commit it).
	@if [ -d node_modules/esbuild ]; then echo "node tools/first-script.mjs --check"; node tools/first-script.mjs --check; \
	else echo "make lint: index.html's inline script is checked once node_modules/ is installed (make test installs it first)"; fi
	@# The shell's types, against the declarations wasm-pack writes (make test checks them after its build).
	@if [ -f pkg/ccht_chart.d.ts ] && [ -f pkg-studio/ccht_chart.d.ts ]; then echo "tsc -p www/tsconfig.json"; node_modules/.bin/tsc -p www/tsconfig.json; \
	else echo "make lint: www/ is type-checked once make build has written pkg/ and pkg-studio/ (make test does, in tests/e2e/types.test.mjs)"; fi
	cargo fmt --all --check || { $(FIX_FMT); }
	cd fuzz && cargo fmt --check || { $(FIX_FMT); }
	cargo clippy -q --workspace --all-targets -- -D warnings || { $(call FIX_CLIPPY,--workspace --all-targets); }
	cargo clippy -q --workspace --all-targets --no-default-features -- -D warnings || { $(call FIX_CLIPPY,--workspace --all-targets --no-default-features); }
	cargo clippy -q --target wasm32-unknown-unknown --all-targets -- -D warnings || { $(call FIX_CLIPPY,--target wasm32-unknown-unknown --all-targets); }
	cargo clippy -q --target wasm32-unknown-unknown --no-default-features --features bench-dom-measure,studio -- -D warnings || { $(call FIX_CLIPPY,--target wasm32-unknown-unknown --no-default-features --features bench-dom-measure$(comma)studio); }

## Native tests: every crate's own, the golden snapshots, properties, and index.html's prerender current.
test-native: tools
	cargo test --workspace --all-targets
	@# The lean build's features, as the first view's Wasm has them: English only, no downloads. The
	@# property tests' generated cases are feature-blind but for the language: a fifth of them here.
	PROPTEST_CASES=300 cargo test --no-default-features
	cargo run -q --example prerender -- --check

## The Wasm's browser tests (wasm-pack test) in headless Chrome; test-firefox and test-webkit likewise.
test-chrome: tools
	@tools/ensure-tools browsers
	wasm-pack test --headless --chrome

test-firefox: tools
	@tools/ensure-tools browsers
	wasm-pack test --headless --firefox --geckodriver $(GECKODRIVER)

test-webkit: tools
	@tools/ensure-tools webkit
	tools/test-webkit

## End to end: tests/e2e/*.test.mjs. Those on ./webdriver.mjs run in Chromium, Firefox and WebKit
## (`make test-e2e ENGINE=firefox` runs them in one); the others drive Chromium through Playwright.
test-e2e: build e2e

# The end-to-end tests on the build there is; two test files at a time (each runs its engines one
# after another), which two cores carry: 7 minutes one at a time, 5 two at a time (2026-12-07).
e2e:
	@tools/ensure-tools browsers webkit node python
	ENGINE=$(ENGINE) GECKODRIVER=$(GECKODRIVER) node --test --test-concurrency=2 tests/e2e/

## Benchmark: ours against a Chart.js peer, DOM-span text measurement, growth with data size.
## Prints a table and writes bench/results.json; about 5 minutes on 2 cores.
bench: build
	@tools/ensure-tools chromium node
	$(RELEASE_WASM) --out-dir bench/pkg-dom --no-pack . -- $(RELEASE_CARGO) --no-default-features --features bench-dom-measure
	node tools/bundle.mjs bench/dist-dom bench/pkg-dom
	$(RELEASE_WASM) --out-dir bench/pkg-data --no-pack . -- $(RELEASE_CARGO) --no-default-features --features runtime-data
	node tools/bench.mjs

## Plants each bug in tools/planted-bugs.mjs, rebuilds, and fails unless the end-to-end tests catch it.
planted-bugs: build
	@tools/ensure-tools browsers node
	node tools/planted-bugs.mjs

MUTANTS_ARGS ?=
MUTANTS_JOBS ?= 2
## Mutation testing, not part of `make test` (hours for the whole crate): cargo-mutants with the
## native tests (.cargo/mutants.toml), then the browser-only modules with the Wasm browser tests in
## Chrome. Reports: mutants.out/ and mutants-browser/mutants.out/. MUTANTS_ARGS narrows a run,
## e.g. MUTANTS_ARGS="--file src/layout/scale.rs" or "--shard 1/4".
## cargo-mutants exits 2 when a mutant was missed, 3 when some only timed out (an endless loop,
## caught by the time limit): a pass succeeds on 0 or 3.
mutants: tools
	@tools/ensure-tools mutants browsers
	PROPTEST_CASES=64 cargo mutants --workspace --no-shuffle -j $(MUTANTS_JOBS) $(MUTANTS_ARGS); native=$$?; \
	CARGO_TARGET_WASM32_UNKNOWN_UNKNOWN_RUNNER=wasm-bindgen-test-runner CHROMEDRIVER=$$(command -v chromedriver) \
	  cargo mutants --no-shuffle -j $(MUTANTS_JOBS) --config .cargo/mutants-browser.toml -o mutants-browser $(MUTANTS_ARGS); browser=$$?; \
	[ $$native = 0 -o $$native = 3 ] && [ $$browser = 0 -o $$browser = 3 ]

## A short fuzzing run of each parser, TEST_FUZZ_SECONDS per target (default 20), as in `make test`.
test-fuzz: tools
	@tools/ensure-tools fuzz
	tools/fuzz --one-build $(TEST_FUZZ_SECONDS)

## A longer fuzzing campaign: FUZZ_SECONDS per target (default 300); the corpus grows in fuzz/corpus/.
fuzz: tools
	@tools/ensure-tools fuzz
	tools/fuzz $(FUZZ_SECONDS)

## Next year's data needs no test changed: a FY 2025 source and record added in a scratch copy,
## then the native tests (tools/new-year-check; not in `make test`, a few minutes).
new-year-check: tools
	tools/new-year-check

## Removes everything the build, the tests and the bench write (not bench/before/, a copy made by hand).
clean:
	cargo clean
	rm -rf pkg pkg-lean pkg-studio dist node_modules fuzz/target mutants.out mutants-browser \
	  bench/pkg-dom bench/dist-dom bench/pkg-data bench/data bench/results.json bench/peer/data.json bench/peer/peer.min.js
