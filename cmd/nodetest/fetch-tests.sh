#!/bin/sh
# fetch-tests.sh GITDIR DEST [REF]
#
# Extracts Node's vm tests (test-vm-*.js/.mjs) and the fixtures they name
# from a bare git copy of Node's test/ directory (github:denoland/node_test)
# into DEST (e.g. /work/nodetests/v18.12.1/test). Files are taken one by one
# with `git show`, because the snapshot lacks files of 4 MiB and more, so
# `git archive` would fail. REF defaults to v18.12.1. The tests are Node's:
# extract them for local runs only, never commit them.
set -eu
gitdir=${1:?usage: fetch-tests.sh GITDIR DEST [REF]}
dest=${2:?usage: fetch-tests.sh GITDIR DEST [REF]}
ref=${3:-v18.12.1}
g() { git --git-dir="$gitdir" "$@"; }

mkdir -p "$dest/fixtures"
n=0
for f in $(g ls-tree -r --name-only "$ref" -- test | grep -E '^test/(parallel|sequential|known_issues|pummel|es-module)/test-vm-[^/]*\.m?js$'); do
	rel=${f#test/}
	mkdir -p "$dest/$(dirname "$rel")"
	g show "$ref:$f" >"$dest/$rel"
	n=$((n + 1))
done
echo "extracted $n test files from $ref into $dest"

# Fixtures: fixtures.path('a/b'), fixtures.readSync('a/b'),
# fixtures.path/fileURL('a', 'b'),
# fixtures.readKey('k') and literal '../fixtures/...' paths.
fx=$( (grep -ohE "fixtures\.(path|readSync)\(\s*'[^']+'" "$dest"/*/test-vm-* 2>/dev/null |
	sed -E "s/.*\('//; s/'$//"
	grep -ohE "fixtures\.readKey\(\s*'[^']+'" "$dest"/*/test-vm-* 2>/dev/null |
	sed -E "s/.*\('/keys\//; s/'$//"
	grep -ohE "fixtures\.(path|fileURL)\(\s*'[^']+'(\s*,\s*'[^']+')+\s*\)" "$dest"/*/test-vm-* 2>/dev/null |
	sed -E "s/^[^(]*\(\s*//; s/\s*\)$//; s/'\s*,\s*'/\//g; s/'//g"
	grep -ohE "\.\./fixtures/[^'\"\`]+" "$dest"/*/test-vm-* 2>/dev/null |
	sed -E 's#^\.\./fixtures/##') | sort -u)
for rel in $fx; do
	if g cat-file -e "$ref:test/fixtures/$rel" 2>/dev/null; then
		mkdir -p "$dest/fixtures/$(dirname "$rel")"
		g show "$ref:test/fixtures/$rel" >"$dest/fixtures/$rel"
		echo "fixture $rel"
	else
		echo "fixture $rel: not in $ref (or absent from the snapshot)" >&2
	fi
done
