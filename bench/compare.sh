#!/usr/bin/env bash
# Runs the benchmarks of bench_test.go and the same measurements in node
# (node_bench.js), in one go, and prints jsvm/node ratios (< 1 means jsvm
# is faster or smaller).
set -euo pipefail
cd "$(dirname "$0")"
gobench() { go test -run '^$' -bench "$1" -benchtime "$2" -count 1 . | grep '^Benchmark'; }
go_out=$( { gobench ContextCreateAndRun 20000x; gobench RetainedPerContext 2000x; gobench GlobalLoop 3x; gobench TimeoutOverhead 100000x; gobench TwoIsolates 1x; } | tee /dev/stderr)
node_out=$(node --expose-gc node_bench.js | tee /dev/stderr)
# jsvm -e 1 start-up against node -e 1, if the command builds
bin=$(mktemp -d)/jsvm
if go build -o "$bin" ../cmd/jsvm 2>/dev/null; then
  startup() { local s e; s=$(date +%s%N); for _ in $(seq 20); do "$@" >/dev/null; done; e=$(date +%s%N); echo $(( (e - s) / 20 )); }
  js=$(startup "$bin" -e 1); nd=$(startup node -e 1)
  printf 'Startup (-e 1)              jsvm %8.1f ms   node %8.1f ms   ratio %.3f\n' "$(echo "$js/1000000" | bc -l)" "$(echo "$nd/1000000" | bc -l)" "$(echo "$js/$nd" | bc -l)"
  if [ -x /usr/bin/time ]; then
    rss() { /usr/bin/time -f %M "$@" 2>&1 >/dev/null | tail -1; }
    jr=$(rss "$bin" -e 1); nr=$(rss node -e 1)
    printf 'Peak RSS (-e 1)             jsvm %8.1f MB   node %8.1f MB   ratio %.3f\n' "$(echo "$jr/1024" | bc -l)" "$(echo "$nr/1024" | bc -l)" "$(echo "$jr/$nr" | bc -l)"
  fi
fi
# The vm builtin from JavaScript: the same file under node and jsvm
if [ -x "$bin" ]; then
  echo "--- vm from JavaScript (bench/vm_bench.js; median of rounds, ns/op unless noted)"
  js_out=$("$bin" --expose-gc vm_bench.js)
  nd_out=$(node --expose-gc vm_bench.js)
  echo "$js_out" | while read -r name val unit; do
    n=$(echo "$nd_out" | awk -v k="$name" '$1 == k { print $2 }')
    printf '%-27s jsvm %12s   node %12s   %-14s ratio %.3f\n' "$name" "$val" "$n" "$unit" "$(echo "$val/$n" | bc -l)"
  done
fi
# The host's builtins from JavaScript (path, Buffer, events, url, util,
# querystring): the same file under node and jsvm, CPU time per call
if [ -x "$bin" ]; then
  echo "--- host builtins from JavaScript (bench/host_bench.js; median of rounds, CPU ns/op)"
  js_out=$("$bin" host_bench.js | grep '\.cpu ')
  nd_out=$(node host_bench.js | grep '\.cpu ')
  echo "$js_out" | while read -r name val unit; do
    n=$(echo "$nd_out" | awk -v k="$name" '$1 == k { print $2 }')
    printf '%-27s jsvm %12s   node %12s   %-14s ratio %.1f\n' "${name%.cpu}" "$val" "$n" "$unit" "$(echo "$val/$n" | bc -l)"
  done
fi
value() { # $1 output, $2 name, $3 unit
  echo "$1" | awk -v n="$2" -v u="$3" '{ for (i = 1; i < NF; i++) if ($1 ~ "^(Benchmark)?" n "(-[0-9]+)?$" && $(i+1) == u) { print $i; exit } }'
}
for pair in "ContextCreateAndRun ns/op" "RetainedPerContext bytes/context" "GlobalLoop ns/op"; do
  set -- $pair
  j=$(value "$go_out" "$1" "$2"); n=$(value "$node_out" "$1" "$2")
  printf '%-27s jsvm %12s   node %12s   %-14s ratio %.3f\n' "$1" "$j" "$n" "$2" "$(echo "$j/$n" | bc -l)"
done
printf '%-27s two isolates on two goroutines: %s x the throughput of one, %s x the CPU per unit of work (Go API)\n' TwoIsolates "$(value "$go_out" TwoIsolates speedup)" "$(value "$go_out" TwoIsolates cpu/work)"
