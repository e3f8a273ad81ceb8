package main

import (
	"bufio"
	"bytes"
	"context"
	"embed"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"os/exec"
	"path"
	"path/filepath"
	"regexp"
	"sort"
	"strings"
	"sync"
	"syscall"
	"time"
	"unicode"
)

// commonFS holds our own stand-ins for Node's test/common helpers; the
// runner writes them to <tmp>/test/common next to the copied tests.
//
//go:embed common
var commonFS embed.FS

// Suites searched for test-vm-* files, in this order.
var Suites = []string{"parallel", "sequential", "known_issues", "pummel", "es-module"}

// Test is one test file.
type Test struct {
	Suite string // "parallel", "known_issues", ...
	Name  string // "test-vm-basic.js"
	Path  string // absolute path of the original file
}

// Rel is the test's name relative to the test directory, "suite/name".
func (t Test) Rel() string { return t.Suite + "/" + t.Name }

// ExpectFailure reports whether the test is a known issue: it passes when
// the binary fails it.
func (t Test) ExpectFailure() bool { return t.Suite == "known_issues" }

var testNameRE = regexp.MustCompile(`^test-vm-.*\.m?js$`)

// Discover lists the test-vm-* files of dir's suites that match one of the
// patterns (all when there are none), sorted by suite then name.
func Discover(dir string, patterns []string) ([]Test, error) {
	var tests []Test
	for _, suite := range Suites {
		entries, err := os.ReadDir(filepath.Join(dir, suite))
		if errors.Is(err, fs.ErrNotExist) {
			continue
		}
		if err != nil {
			return nil, err
		}
		for _, e := range entries {
			if e.IsDir() || !testNameRE.MatchString(e.Name()) {
				continue
			}
			t := Test{Suite: suite, Name: e.Name(), Path: filepath.Join(dir, suite, e.Name())}
			if matchAny(t, patterns) {
				tests = append(tests, t)
			}
		}
	}
	sort.SliceStable(tests, func(i, j int) bool {
		if tests[i].Suite != tests[j].Suite {
			return suiteIndex(tests[i].Suite) < suiteIndex(tests[j].Suite)
		}
		return tests[i].Name < tests[j].Name
	})
	return tests, nil
}

func suiteIndex(s string) int {
	for i, x := range Suites {
		if x == s {
			return i
		}
	}
	return len(Suites)
}

// matchAny: a pattern with glob characters is matched against "suite/name"
// and against the name; any other pattern is a substring of "suite/name".
func matchAny(t Test, patterns []string) bool {
	if len(patterns) == 0 {
		return true
	}
	for _, p := range patterns {
		if strings.ContainsAny(p, "*?[") {
			if ok, _ := path.Match(p, t.Rel()); ok {
				return true
			}
			if ok, _ := path.Match(p, t.Name); ok {
				return true
			}
		} else if strings.Contains(t.Rel(), p) {
			return true
		}
	}
	return false
}

var flagsRE = regexp.MustCompile(`(?m)^\s*//\s*Flags:(.*)$`)

// ParseFlags returns the command-line flags named by the `// Flags:` lines
// of a test's source, in order.
func ParseFlags(src []byte) []string {
	var flags []string
	for _, m := range flagsRE.FindAllSubmatch(src, -1) {
		flags = append(flags, strings.Fields(string(m[1]))...)
	}
	return flags
}

// SkipList maps "suite/name" to the reason the test is skipped.
type SkipList map[string]string

// ParseSkipList reads a skip file: one test per line, "suite/name reason
// ...", blank lines and lines starting with # ignored. Every entry needs a
// reason.
func ParseSkipList(r io.Reader) (SkipList, error) {
	list := SkipList{}
	sc := bufio.NewScanner(r)
	n := 0
	for sc.Scan() {
		n++
		line := strings.TrimSpace(sc.Text())
		if line == "" || strings.HasPrefix(line, "#") {
			continue
		}
		name, reason := line, ""
		if i := strings.IndexFunc(line, unicode.IsSpace); i >= 0 {
			name, reason = line[:i], strings.TrimSpace(line[i:])
		}
		if reason == "" {
			return nil, fmt.Errorf("line %d: %s: a skipped test needs a reason", n, name)
		}
		if _, dup := list[name]; dup {
			return nil, fmt.Errorf("line %d: %s listed twice", n, name)
		}
		list[name] = reason
	}
	return list, sc.Err()
}

// LoadNewerList reads the newer-API list for the tests of one Node
// version (the name of the directory above test/: "main", "v18.12.1"):
// entries under a "[version]" line apply to that version only, entries
// before any such line to all.
func LoadNewerList(name, version string) (SkipList, error) {
	if name == "" {
		return SkipList{}, nil
	}
	data, err := os.ReadFile(name)
	if err != nil {
		return nil, err
	}
	var kept []string
	in := true
	for _, line := range strings.Split(string(data), "\n") {
		t := strings.TrimSpace(line)
		if strings.HasPrefix(t, "[") && strings.HasSuffix(t, "]") {
			in = t[1:len(t)-1] == version
			continue
		}
		if in {
			kept = append(kept, line)
		}
	}
	list, err := ParseSkipList(strings.NewReader(strings.Join(kept, "\n")))
	if err != nil {
		return nil, fmt.Errorf("%s: %v", name, err)
	}
	return list, nil
}

// LoadSkipList reads a skip file for the tests of one Node version, with
// "[version]" sections as LoadNewerList; an empty name means no skips.
func LoadSkipList(name, version string) (SkipList, error) {
	return LoadNewerList(name, version)
}

// Status of a test run.
type Status int

const (
	Pass Status = iota
	Fail
	Skip
	// Fixed is a known_issues test that the binary passes: a Node bug it
	// does not have. Not a failure.
	Fixed
)

func (s Status) String() string {
	return [...]string{"PASS", "FAIL", "SKIP", "FIXED"}[s]
}

// Result of one test.
type Result struct {
	Test     Test
	Status   Status
	Detail   string // "(exit 1)", "(timeout)", skip reason, ...
	Elapsed  time.Duration
	Stdout   []byte
	Stderr   []byte
	ExitCode int
	TimedOut bool
	// Newer is set for the files that test API newer than Node v20 (the
	// newer-API list); they are counted apart.
	Newer bool
}

// Line is the one-line report of a result.
func (r Result) Line() string {
	if r.Newer {
		r.Newer = false
		return r.Line() + " [newer API]"
	}
	switch r.Status {
	case Fixed:
		return fmt.Sprintf("FIXED %s %.2fs %s", r.Test.Rel(), r.Elapsed.Seconds(), r.Detail)
	case Skip:
		return fmt.Sprintf("SKIP %s (%s)", r.Test.Rel(), r.Detail)
	case Fail:
		return fmt.Sprintf("FAIL %s %.2fs %s", r.Test.Rel(), r.Elapsed.Seconds(), r.Detail)
	}
	if r.Detail != "" {
		return fmt.Sprintf("PASS %s %.2fs %s", r.Test.Rel(), r.Elapsed.Seconds(), r.Detail)
	}
	return fmt.Sprintf("PASS %s %.2fs", r.Test.Rel(), r.Elapsed.Seconds())
}

var skippedRE = regexp.MustCompile(`(?m)^1\.\.0 # Skipped:\s*(.*)$`)

// Judge turns a finished process into a status. A test that exits 0 after
// printing "1..0 # Skipped: ..." is skipped. A known issue passes when it
// fails (a non-zero exit, not a timeout) and fails when it passes.
func Judge(t Test, exitCode int, timedOut bool, stdout []byte) (Status, string) {
	if timedOut {
		return Fail, "(timeout)"
	}
	if exitCode == 0 {
		if m := skippedRE.FindSubmatch(stdout); m != nil {
			return Skip, strings.TrimSpace(string(m[1]))
		}
	}
	if t.ExpectFailure() {
		if exitCode != 0 {
			return Pass, fmt.Sprintf("(known issue, exit %d)", exitCode)
		}
		return Fixed, "(jsvm fixed: passes the test of a known Node bug)"
	}
	if exitCode != 0 {
		return Fail, fmt.Sprintf("(exit %d)", exitCode)
	}
	return Pass, ""
}

// Summary is the last line of a run.
// Files of the newer-API list are counted apart, after a semicolon.
func Summary(results []Result) string {
	var n [2][4]int
	for _, r := range results {
		i := 0
		if r.Newer {
			i = 1
		}
		n[i][r.Status]++
	}
	line := func(c [4]int) string {
		s := fmt.Sprintf("%d passed, %d failed, %d skipped", c[Pass], c[Fail], c[Skip])
		if c[Fixed] > 0 {
			s += fmt.Sprintf(", %d jsvm fixed", c[Fixed])
		}
		return s
	}
	out := line(n[0])
	if n[1] != [4]int{} {
		out += "; newer API: " + line(n[1])
	}
	return out
}

// Tree is a temporary copy of the test directory layout:
// <root>/test/common/* (our stand-ins), <root>/test/fixtures -> the real
// fixtures, and each test copied to <root>/test/<suite>/<name>.
type Tree struct {
	Root    string
	TestDir string
}

// NewTree makes the temporary tree for the tests of dir.
func NewTree(dir string) (*Tree, error) {
	root, err := os.MkdirTemp("", "nodetest-")
	if err != nil {
		return nil, err
	}
	t := &Tree{Root: root, TestDir: filepath.Join(root, "test")}
	if err := os.MkdirAll(filepath.Join(t.TestDir, "common"), 0o755); err != nil {
		return nil, err
	}
	err = fs.WalkDir(commonFS, "common", func(p string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		data, err := commonFS.ReadFile(p)
		if err != nil {
			return err
		}
		return os.WriteFile(filepath.Join(t.TestDir, filepath.FromSlash(p)), data, 0o644)
	})
	if err != nil {
		return nil, err
	}
	fixtures, err := filepath.Abs(filepath.Join(dir, "fixtures"))
	if err != nil {
		return nil, err
	}
	if _, err := os.Stat(fixtures); err == nil {
		if err := os.Symlink(fixtures, filepath.Join(t.TestDir, "fixtures")); err != nil {
			return nil, err
		}
	} else if err := os.MkdirAll(filepath.Join(t.TestDir, "fixtures"), 0o755); err != nil {
		return nil, err
	}
	return t, nil
}

// Place copies a test into the tree and returns the copy's path.
func (tr *Tree) Place(t Test) (string, error) {
	src, err := os.ReadFile(t.Path)
	if err != nil {
		return "", err
	}
	dst := filepath.Join(tr.TestDir, t.Suite, t.Name)
	if err := os.MkdirAll(filepath.Dir(dst), 0o755); err != nil {
		return "", err
	}
	return dst, os.WriteFile(dst, src, 0o644)
}

// Remove deletes the tree.
func (tr *Tree) Remove() error { return os.RemoveAll(tr.Root) }

// Runner runs tests with one binary.
type Runner struct {
	Bin     string
	Timeout time.Duration
	Tree    *Tree
	Skips   SkipList
	// Args go before a test's own flags (jsvm's --vm-api for the suite's
	// Node version).
	Args []string
	// Newer names the files testing API newer than Node v20 (same format
	// as the skip list).
	Newer SkipList
}

// Run runs one test (or reports it skipped by the skip list).
func (r *Runner) Run(t Test) Result {
	res := r.run(t)
	_, res.Newer = r.Newer[t.Rel()]
	return res
}

func (r *Runner) run(t Test) Result {
	if reason, ok := r.Skips[t.Rel()]; ok {
		return Result{Test: t, Status: Skip, Detail: reason}
	}
	file, err := r.Tree.Place(t)
	if err != nil {
		return Result{Test: t, Status: Fail, Detail: "(" + err.Error() + ")"}
	}
	src, _ := os.ReadFile(file)
	args := append(append(append([]string(nil), r.Args...), ParseFlags(src)...), file)

	ctx, cancel := context.WithTimeout(context.Background(), r.Timeout)
	defer cancel()
	cmd := exec.Command(r.Bin, args...)
	cmd.Dir = r.Tree.TestDir
	cmd.Env = append(os.Environ(), "NODE_TEST_DIR="+r.Tree.TestDir)
	var stdout, stderr bytes.Buffer
	cmd.Stdout, cmd.Stderr = &stdout, &stderr
	// A process group of its own, so a timeout kills the children the test
	// spawned too.
	cmd.SysProcAttr = &syscall.SysProcAttr{Setpgid: true}
	start := time.Now()
	if err := cmd.Start(); err != nil {
		return Result{Test: t, Status: Fail, Detail: "(" + err.Error() + ")"}
	}
	done := make(chan error, 1)
	go func() { done <- cmd.Wait() }()
	timedOut := false
	select {
	case err = <-done:
	case <-ctx.Done():
		timedOut = true
		_ = syscall.Kill(-cmd.Process.Pid, syscall.SIGKILL)
		err = <-done
	}
	elapsed := time.Since(start)
	code := 0
	if err != nil {
		var ee *exec.ExitError
		if errors.As(err, &ee) {
			code = ee.ExitCode()
			if code < 0 { // killed by a signal
				code = 128
				if ws, ok := ee.Sys().(syscall.WaitStatus); ok && ws.Signaled() {
					code += int(ws.Signal())
				}
			}
		} else {
			code = -1
		}
	}
	status, detail := Judge(t, code, timedOut, stdout.Bytes())
	return Result{Test: t, Status: status, Detail: detail, Elapsed: elapsed,
		Stdout: stdout.Bytes(), Stderr: stderr.Bytes(), ExitCode: code, TimedOut: timedOut}
}

// RunAll runs tests with up to jobs at once and calls report with each
// result in the order of tests.
func (r *Runner) RunAll(tests []Test, jobs int, report func(Result)) []Result {
	if jobs < 1 {
		jobs = 1
	}
	results := make([]Result, len(tests))
	ready := make([]chan struct{}, len(tests))
	for i := range ready {
		ready[i] = make(chan struct{})
	}
	next := make(chan int)
	var wg sync.WaitGroup
	for w := 0; w < jobs; w++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for i := range next {
				results[i] = r.Run(tests[i])
				close(ready[i])
			}
		}()
	}
	go func() {
		for i := range tests {
			next <- i
		}
		close(next)
	}()
	for i := range tests {
		<-ready[i]
		if report != nil {
			report(results[i])
		}
	}
	wg.Wait()
	return results
}

// FirstLines returns up to n lines of b, each indented.
func FirstLines(b []byte, n int, indent string) string {
	lines := strings.Split(strings.TrimRight(string(b), "\n"), "\n")
	if len(lines) > n {
		lines = append(lines[:n], fmt.Sprintf("... (%d more lines)", len(lines)-n))
	}
	return indent + strings.Join(lines, "\n"+indent)
}
