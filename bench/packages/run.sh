#!/usr/bin/env bash
# Real-package workloads on node, jsvm and bare sobek, side by side.
# Installs package.json's pinned versions into a temp dir (never into the
# repo), runs workloads.js on each engine and prints ms and ratios.
# Usage: bench/packages/run.sh [workload...]
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
cp "$here/package.json" "$tmp/"
(cd "$tmp" && npm install --no-audit --no-fund --ignore-scripts --silent >/dev/null)
export NODE_MODULES="$tmp/node_modules"
(cd "$here/../.." && go build -o "$tmp/jsvm" ./cmd/jsvm && go build -o "$tmp/baresobek" ./bench/packages/baresobek)
cd "$here"
n_out=$(node workloads.js "$@")
j_out=$("$tmp/jsvm" workloads.js "$@")
b_out=$("$tmp/baresobek" "$NODE_MODULES" workloads.js "$@")
printf '%-12s %10s %10s %10s %10s %12s\n' workload node_ms jsvm_ms sobek_ms jsvm/node jsvm/sobek
echo "$n_out" | while read -r name ms _; do
  j=$(echo "$j_out" | awk -v k="$name" '$1 == k { print $2 }')
  b=$(echo "$b_out" | awk -v k="$name" '$1 == k { print $2 }')
  printf '%-12s %10s %10s %10s %10.2f %12.2f\n' "$name" "$ms" "$j" "$b" "$(echo "$j/$ms" | bc -l)" "$(echo "$j/$b" | bc -l)"
done
