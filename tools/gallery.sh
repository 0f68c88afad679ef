#!/usr/bin/env bash
# The gallery of docs/gallery/: a few views' first screens at three sizes, through tools/screenshot.mjs
# (the page served as `make serve` serves it, after `make build`). `tools/gallery.sh before` in a checkout
# of an earlier commit, with that commit's build, makes the "before" pictures the same way.
set -euo pipefail
cd "$(dirname "$0")/.."
stage=${1:-after}
out=${2:-docs/gallery}
mkdir -p "$out"
for view in "default:" "trend:?view=trend&component=dhs&metric=arrests" "pipeline-es:?view=pipeline&lang=es"; do
  name=${view%%:*}; query=${view#*:}
  for size in 320x640 390x844 1280x900; do
    node tools/screenshot.mjs "$query" "$out/$stage-$name-$size.png" "${size%x*}" "${size#*x}" 1 light screen >/dev/null
  done
done
ls "$out" | grep -c "^$stage-"
