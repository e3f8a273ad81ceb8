package main

import (
	"fmt"
	"os"
	"path/filepath"
	"reflect"
	"regexp"
	"strings"
	"testing"
	"time"
)

// The test binary doubles as a fake JS interpreter: with NODETEST_FAKE=1 it
// takes `[flags] file`, prints the flags, and obeys the file's
// "// fake: ..." directive.
func TestMain(m *testing.M) {
	if os.Getenv("NODETEST_FAKE") == "1" {
		os.Exit(fakeInterpreter(os.Args[1:]))
	}
	os.Exit(m.Run())
}

var fakeRE = regexp.MustCompile(`// fake: (\w[\w-]*) ?(.*)`)

func fakeInterpreter(args []string) int {
	if len(args) == 0 {
		return 9
	}
	file := args[len(args)-1]
	fmt.Printf("flags=%s\n", strings.Join(args[:len(args)-1], ","))
	src, err := os.ReadFile(file)
	if err != nil {
		fmt.Fprintln(os.Stderr, err)
		return 8
	}
	m := fakeRE.FindSubmatch(src)
	if m == nil {
		return 7
	}
	switch string(m[1]) {
	case "exit":
		var code int
		fmt.Sscan(string(m[2]), &code)
		fmt.Fprintln(os.Stderr, "fake failure")
		return code
	case "skip":
		fmt.Printf("1..0 # Skipped: %s\n", m[2])
		return 0
	case "sleep":
		time.Sleep(time.Minute)
		return 0
	case "needs-common":
		// ../common/index.js and ../fixtures/data.txt must resolve from
		// the test's directory, and cwd must be the test directory.
		dir := filepath.Dir(file)
		for _, p := range []string{"../common/index.js", "../common/fixtures.js", "../fixtures/data.txt"} {
			if _, err := os.Stat(filepath.Join(dir, p)); err != nil {
				fmt.Fprintln(os.Stderr, err)
				return 5
			}
		}
		if _, err := os.Stat("common/measure-memory.js"); err != nil {
			fmt.Fprintln(os.Stderr, "cwd:", err)
			return 6
		}
		return 0
	}
	return 7
}

func TestParseFlags(t *testing.T) {
	src := []byte("'use strict';\n// Flags: --expose-gc  --max_old_space_size=32\nfoo();\n  // Flags: --experimental-vm-modules\n// Not flags: --x\n")
	got := ParseFlags(src)
	want := []string{"--expose-gc", "--max_old_space_size=32", "--experimental-vm-modules"}
	if !reflect.DeepEqual(got, want) {
		t.Fatalf("ParseFlags = %q, want %q", got, want)
	}
	if got := ParseFlags([]byte("no flags here")); len(got) != 0 {
		t.Fatalf("ParseFlags without a Flags line = %q", got)
	}
}

func TestParseSkipList(t *testing.T) {
	list, err := ParseSkipList(strings.NewReader("# comment\n\nparallel/test-vm-a.js  needs worker_threads\nsequential/test-vm-b.js\tspawns a child with --inspect \n"))
	if err != nil {
		t.Fatal(err)
	}
	want := SkipList{
		"parallel/test-vm-a.js":   "needs worker_threads",
		"sequential/test-vm-b.js": "spawns a child with --inspect",
	}
	if !reflect.DeepEqual(list, want) {
		t.Fatalf("got %q, want %q", list, want)
	}
	if _, err := ParseSkipList(strings.NewReader("parallel/test-vm-a.js\n")); err == nil {
		t.Fatal("an entry without a reason was accepted")
	}
	if _, err := ParseSkipList(strings.NewReader("parallel/x.js a\nparallel/x.js b\n")); err == nil {
		t.Fatal("a duplicate entry was accepted")
	}
}

func TestJudge(t *testing.T) {
	par := Test{Suite: "parallel", Name: "test-vm-x.js"}
	known := Test{Suite: "known_issues", Name: "test-vm-y.js"}
	skipOut := []byte("1..0 # Skipped: platform not supported\n")
	cases := []struct {
		t        Test
		code     int
		timedOut bool
		stdout   []byte
		status   Status
		detail   string
	}{
		{par, 0, false, nil, Pass, ""},
		{par, 1, false, nil, Fail, "(exit 1)"},
		{par, 0, true, nil, Fail, "(timeout)"},
		{par, 0, false, skipOut, Skip, "platform not supported"},
		{par, 1, false, skipOut, Fail, "(exit 1)"},
		{known, 1, false, nil, Pass, "(known issue, exit 1)"},
		{known, 0, false, nil, Fixed, "(jsvm fixed: passes the test of a known Node bug)"},
		{known, 0, true, nil, Fail, "(timeout)"},
		{known, 0, false, skipOut, Skip, "platform not supported"},
	}
	for _, c := range cases {
		s, d := Judge(c.t, c.code, c.timedOut, c.stdout)
		if s != c.status || d != c.detail {
			t.Errorf("Judge(%s, %d, %v, %q) = %v %q, want %v %q", c.t.Rel(), c.code, c.timedOut, c.stdout, s, d, c.status, c.detail)
		}
	}
}

func TestSummary(t *testing.T) {
	rs := []Result{{Status: Pass}, {Status: Fail}, {Status: Pass}, {Status: Skip}}
	if got, want := Summary(rs), "2 passed, 1 failed, 1 skipped"; got != want {
		t.Fatalf("Summary = %q, want %q", got, want)
	}
	if got, want := Summary(nil), "0 passed, 0 failed, 0 skipped"; got != want {
		t.Fatalf("Summary = %q, want %q", got, want)
	}
	rs = append(rs, Result{Status: Fixed}, Result{Status: Fail, Newer: true}, Result{Status: Pass, Newer: true})
	if got, want := Summary(rs), "2 passed, 1 failed, 1 skipped, 1 jsvm fixed; newer API: 1 passed, 1 failed, 0 skipped"; got != want {
		t.Fatalf("Summary = %q, want %q", got, want)
	}
	if got, want := (Result{Test: Test{Suite: "parallel", Name: "t.js"}, Status: Fail, Detail: "(exit 1)", Newer: true}).Line(), "FAIL parallel/t.js 0.00s (exit 1) [newer API]"; got != want {
		t.Fatalf("Line = %q, want %q", got, want)
	}
}

func rels(tests []Test) []string {
	var out []string
	for _, t := range tests {
		out = append(out, t.Rel())
	}
	return out
}

func TestDiscover(t *testing.T) {
	tests, err := Discover("testdata/tests", nil)
	if err != nil {
		t.Fatal(err)
	}
	want := []string{
		"parallel/test-vm-fail.js", "parallel/test-vm-listed.js", "parallel/test-vm-pass.js",
		"parallel/test-vm-skipme.js", "parallel/test-vm-slow.js",
		"sequential/test-vm-common.mjs",
		"known_issues/test-vm-known-fails.js", "known_issues/test-vm-known-passes.js",
	}
	if got := rels(tests); !reflect.DeepEqual(got, want) {
		t.Fatalf("Discover = %q\nwant %q", got, want)
	}
	tests, err = Discover("testdata/tests", []string{"known", "test-vm-p*.js"})
	if err != nil {
		t.Fatal(err)
	}
	want = []string{"parallel/test-vm-pass.js", "known_issues/test-vm-known-fails.js", "known_issues/test-vm-known-passes.js"}
	if got := rels(tests); !reflect.DeepEqual(got, want) {
		t.Fatalf("Discover with patterns = %q\nwant %q", got, want)
	}
}

func TestRunAll(t *testing.T) {
	self, err := os.Executable()
	if err != nil {
		t.Fatal(err)
	}
	t.Setenv("NODETEST_FAKE", "1")
	tests, err := Discover("testdata/tests", nil)
	if err != nil {
		t.Fatal(err)
	}
	skips, err := LoadSkipList("testdata/skip.txt", "")
	if err != nil {
		t.Fatal(err)
	}
	tree, err := NewTree("testdata/tests")
	if err != nil {
		t.Fatal(err)
	}
	defer tree.Remove()
	r := &Runner{Bin: self, Timeout: 2 * time.Second, Tree: tree, Skips: skips}
	var lines []string
	results := r.RunAll(tests, 3, func(res Result) { lines = append(lines, res.Line()) })

	want := map[string]string{
		"parallel/test-vm-fail.js":             "FAIL (exit 3)",
		"parallel/test-vm-listed.js":           "SKIP fails on purpose",
		"parallel/test-vm-pass.js":             "PASS ",
		"parallel/test-vm-skipme.js":           "SKIP not on this platform",
		"parallel/test-vm-slow.js":             "FAIL (timeout)",
		"sequential/test-vm-common.mjs":        "PASS ",
		"known_issues/test-vm-known-fails.js":  "PASS (known issue, exit 1)",
		"known_issues/test-vm-known-passes.js": "FIXED (jsvm fixed: passes the test of a known Node bug)",
	}
	for i, res := range results {
		if res.Test != tests[i] {
			t.Fatalf("result %d is for %s, want %s", i, res.Test.Rel(), tests[i].Rel())
		}
		if got := res.Status.String() + " " + res.Detail; got != want[res.Test.Rel()] {
			t.Errorf("%s: %s, want %s\nstdout: %s\nstderr: %s", res.Test.Rel(), got, want[res.Test.Rel()], res.Stdout, res.Stderr)
		}
	}
	if got, want := string(results[2].Stdout), "flags=--expose-gc,--experimental-vm-modules\n"; got != want {
		t.Errorf("flags passed to the binary: %q, want %q", got, want)
	}
	if got, want := Summary(results), "3 passed, 2 failed, 2 skipped, 1 jsvm fixed"; got != want {
		t.Errorf("Summary = %q, want %q", got, want)
	}
	if len(lines) != len(tests) || !strings.HasPrefix(lines[0], "FAIL parallel/test-vm-fail.js ") ||
		lines[1] != "SKIP parallel/test-vm-listed.js (fails on purpose)" {
		t.Errorf("report lines: %q", lines)
	}
}

func TestLoadNewerList(t *testing.T) {
	f := filepath.Join(t.TempDir(), "newer.txt")
	if err := os.WriteFile(f, []byte("# c\nparallel/a.js  everywhere\n[main]\nparallel/b.js  main only\n[v18]\nparallel/c.js  v18 only\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	l, err := LoadNewerList(f, "main")
	if err != nil || len(l) != 2 || l["parallel/b.js"] != "main only" || l["parallel/a.js"] == "" {
		t.Fatal(l, err)
	}
	l, _ = LoadNewerList(f, "other")
	if len(l) != 1 {
		t.Fatal(l)
	}
}
