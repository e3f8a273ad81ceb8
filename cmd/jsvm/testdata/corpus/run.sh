#!/usr/bin/env bash
# The package corpus: popular npm packages, pinned in package.json /
# package-lock.json, installed with `npm ci` into a temp dir (never into
# the repo), each driven by drivers/<name>.js|.mjs under node and under
# jsvm; the outputs (stdout, stderr, exit code) must be the same.
# Needs node, npm and the registry; not part of `go test`.
#   cmd/jsvm/testdata/corpus/run.sh [-v] [name...]
set -uo pipefail
here=$(cd "$(dirname "$0")" && pwd)
repo=$(cd "$here/../../../.." && pwd)
verbose=0
if [ "${1:-}" = "-v" ]; then verbose=1; shift; fi
work=${CORPUS_DIR:-$(mktemp -d /tmp/jsvm-corpus.XXXXXX)}
cp "$here/package.json" "$here/package-lock.json" "$work/"
if [ ! -d "$work/node_modules" ]; then
  (cd "$work" && npm ci --no-audit --no-fund --ignore-scripts >"$work/npm.log" 2>&1) || { cat "$work/npm.log"; exit 2; }
fi
(cd "$repo" && go build -o "$work/jsvm" ./cmd/jsvm) || exit 2
rm -rf "$work/drivers" && cp -r "$here/drivers" "$work/drivers"
pass=0; fail=0; failed=()
for f in "$work"/drivers/*; do
  name=$(basename "$f"); name=${name%.*}
  if [ $# -gt 0 ] && [[ ! " $* " == *" $name "* ]]; then continue; fi
  (cd "$work" && timeout 60 node "$f" >"$work/$name.node.out" 2>&1; echo "exit $?" >>"$work/$name.node.out")
  (cd "$work" && timeout 60 "$work/jsvm" "$f" >"$work/$name.jsvm.out" 2>&1; echo "exit $?" >>"$work/$name.jsvm.out")
  if cmp -s "$work/$name.node.out" "$work/$name.jsvm.out"; then
    pass=$((pass + 1))
  else
    fail=$((fail + 1)); failed+=("$name")
    if [ $verbose = 1 ]; then echo "--- $name"; diff "$work/$name.node.out" "$work/$name.jsvm.out" | head -15; fi
  fi
done
[ ${#failed[@]} -gt 0 ] && echo "failed: ${failed[*]}"
echo "$pass passed, $fail failed"
echo "(outputs in $work)"
[ $fail = 0 ]
