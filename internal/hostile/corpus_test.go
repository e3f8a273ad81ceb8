package hostile

import (
	"bufio"
	"bytes"
	"encoding/json"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"runtime"
	"sort"
	"strconv"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/jsvm-dev/jsvm/node/builtins"
	"github.com/jsvm-dev/jsvm/node/host"
)

// TestMain lets the test binary act as the jsvm command for the corpus
// batches: with JSVM_HOSTILE_CHILD=1 it runs os.Args[1] as the main module
// (with --experimental-vm-modules) and the rest as process.argv.
func TestMain(m *testing.M) {
	if os.Getenv("JSVM_HOSTILE_CHILD") == "1" && len(os.Args) >= 2 {
		main, _ := filepath.Abs(os.Args[1])
		h, err := host.New(host.Options{
			Registry: builtins.DefaultRegistry(), Stdout: os.Stdout, Stderr: os.Stderr,
			ExperimentalVMModules: true, NoWarnings: true,
			Argv: append([]string{os.Args[0], main}, os.Args[2:]...),
		})
		if err != nil {
			fmt.Fprintln(os.Stderr, err)
			os.Exit(1)
		}
		os.Exit(h.RunMain(main))
	}
	os.Exit(m.Run())
}

// outcome is one case's line as corpus.js prints it, or what the runner
// saw when the process died ("crash") or stopped answering ("hang").
type outcome struct {
	I    int    `json:"i"`
	N    string `json:"n"`
	K    string `json:"k"`
	V    string `json:"v,omitempty"`
	C    string `json:"c,omitempty"`
	Code string `json:"code,omitempty"`
	M    string `json:"m,omitempty"`
	T    string `json:"t,omitempty"`

	took time.Duration // how long the case took (jsvm runs)
}

func (o outcome) String() string {
	switch o.K {
	case "ok", "resolve", "pending":
		s := o.K + " " + o.V
		if o.T != "" {
			s += " trace=[" + o.T + "]"
		}
		return s
	}
	s := fmt.Sprintf("%s %s", o.K, o.V)
	if o.C != "" || o.Code != "" || o.M != "" {
		s = fmt.Sprintf("%s %s %s %q", o.K, o.C, o.Code, o.M)
	}
	if o.T != "" {
		s += " trace=[" + o.T + "]"
	}
	return s
}

// perCase bounds one case: a case that prints nothing for this long is a
// hang (node answers every case within milliseconds; the slowest ones wait
// for a 20 ms timeout or a few timer turns). Known hangs get knownHang.
const (
	perCase   = 5 * time.Second
	knownHang = time.Second
)

// runCorpus runs cases [0, n) in batches, each batch a process made by
// command(from, to). A process that dies or hangs costs the case it was
// running (recorded as "crash" with the reason, or "hang"); the batch goes
// on in a new process from the next case, so one bad case cannot hide the
// others.
func runCorpus(t *testing.T, n int, command func(from, to int) *exec.Cmd, bound func(i int) time.Duration) []outcome {
	out := make([]outcome, n)
	const batch = 400
	type span struct{ from, to int }
	spans := make(chan span)
	var wg sync.WaitGroup
	for w := 0; w < runtime.GOMAXPROCS(0); w++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for s := range spans {
				for next := s.from; next < s.to; {
					next = runBatch(t, out, next, s.to, command, bound)
				}
			}
		}()
	}
	for from := 0; from < n; from += batch {
		spans <- span{from, min(from+batch, n)}
	}
	close(spans)
	wg.Wait()
	return out
}

// runBatch runs cases [from, to) in one process and returns where the next
// process must start.
func runBatch(t *testing.T, out []outcome, from, to int, command func(from, to int) *exec.Cmd, bound func(i int) time.Duration) int {
	cmd := command(from, to)
	var stderr bytes.Buffer
	cmd.Stderr = &stderr
	stdout, err := cmd.StdoutPipe()
	if err != nil {
		t.Fatal(err)
	}
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	lines := make(chan string)
	go func() {
		sc := bufio.NewScanner(stdout)
		sc.Buffer(make([]byte, 1<<20), 1<<24)
		for sc.Scan() {
			lines <- sc.Text()
		}
		close(lines)
	}()
	next := from
	start := time.Now()
	timer := time.NewTimer(bound(next))
	defer timer.Stop()
	for {
		select {
		case line, ok := <-lines:
			if !ok {
				err := cmd.Wait()
				if next < to {
					out[next] = outcome{I: next, K: "crash", M: crashReason(err, stderr.String())}
					return next + 1
				}
				return to
			}
			var o outcome
			if !strings.HasPrefix(line, `{"i":`) || json.Unmarshal([]byte(line), &o) != nil || o.I != next {
				continue // something a case printed
			}
			o.took = time.Since(start)
			start = time.Now()
			out[next] = o
			next++
			if next < to {
				timer.Reset(bound(next))
			}
		case <-timer.C:
			_ = cmd.Process.Kill()
			for range lines {
			}
			_ = cmd.Wait()
			out[next] = outcome{I: next, K: "hang", M: lastLines(stderr.String(), 3)}
			return next + 1
		}
	}
}

var goFault = regexp.MustCompile(`(?m)^(panic: .*|fatal error: .*|runtime: .*|SIGSEGV.*|unexpected signal.*)$`)

// crashReason names what ended a process early: the Go panic or fatal
// error it printed, else its exit status and last words.
func crashReason(err error, stderr string) string {
	if m := goFault.FindString(stderr); m != "" {
		return m
	}
	if err == nil {
		return "the process exited (status 0) before answering: " + lastLines(stderr, 3)
	}
	return fmt.Sprintf("%v: %s", err, lastLines(stderr, 3))
}

func lastLines(s string, n int) string {
	l := strings.Split(strings.TrimRight(s, "\n"), "\n")
	if len(l) > n {
		l = l[len(l)-n:]
	}
	return strings.Join(l, " | ")
}

func readGolden(t *testing.T) []outcome {
	b, err := os.ReadFile("testdata/corpus.golden")
	if err != nil {
		t.Fatal(err)
	}
	var out []outcome
	for _, line := range strings.Split(strings.TrimSpace(string(b)), "\n") {
		var o outcome
		if err := json.Unmarshal([]byte(line), &o); err != nil {
			t.Fatalf("corpus.golden: %v: %s", err, line)
		}
		out = append(out, o)
	}
	return out
}

// caseNames asks the corpus for its size and names, under jsvm, in this
// process's child mode.
func caseNames(t *testing.T, bin []string) []string {
	cmd := exec.Command(bin[0], append(bin[1:], "testdata/corpus.js", "names")...)
	cmd.Env = append(os.Environ(), "JSVM_HOSTILE_CHILD=1")
	b, err := cmd.Output()
	if err != nil {
		t.Fatalf("listing the corpus: %v", err)
	}
	return strings.Split(strings.TrimRight(string(b), "\n"), "\n")
}

func nodeCommand(from, to int) *exec.Cmd {
	return exec.Command("node", "--experimental-vm-modules", "--no-warnings", "testdata/corpus.js", strconv.Itoa(from), strconv.Itoa(to))
}

func jsvmCommand(from, to int) *exec.Cmd {
	cmd := exec.Command(os.Args[0], "testdata/corpus.js", strconv.Itoa(from), strconv.Itoa(to))
	cmd.Env = append(os.Environ(), "JSVM_HOSTILE_CHILD=1")
	return cmd
}

// recordNode re-records corpus.golden with node (UPDATE_SNAPSHOTS=1).
// node's own crashes are recorded as such: jsvm must answer those cases
// cleanly, whatever it answers.
func recordNode(t *testing.T, names []string) {
	outs := runCorpus(t, len(names), nodeCommand, func(int) time.Duration { return perCase })
	var b bytes.Buffer
	for i, o := range outs {
		o.I, o.N = i, names[i]
		line, _ := json.Marshal(o)
		b.Write(line)
		b.WriteByte('\n')
	}
	if err := os.WriteFile("testdata/corpus.golden", b.Bytes(), 0o644); err != nil {
		t.Fatal(err)
	}
}

// TestHostileCorpus runs every case of testdata/corpus.js under jsvm and
// compares with node's recorded outcome. It fails on any crash (Go panic,
// fatal error), hang, Go fault text leaking into a JS error, and any
// difference of outcome kind, returned value, error class, error code,
// Node's coded messages (ERR_*) or the order of traced property reads —
// except the known differences below. Message differences of uncoded
// (engine) errors are counted and logged; JSVM_CORPUS_DIFFS=file writes
// every difference there.
func TestHostileCorpus(t *testing.T) {
	if testing.Short() {
		t.Skip("runs the corpus in subprocesses")
	}
	names := caseNames(t, []string{os.Args[0]})
	if os.Getenv("UPDATE_SNAPSHOTS") != "" {
		recordNode(t, names)
	}
	want := readGolden(t)
	if len(want) != len(names) {
		t.Fatalf("corpus.js has %d cases, corpus.golden %d: re-record with UPDATE_SNAPSHOTS=1", len(names), len(want))
	}
	seen := map[string]bool{}
	for i, w := range want {
		if w.N != names[i] {
			t.Fatalf("case %d is %q in corpus.js, %q in corpus.golden: re-record with UPDATE_SNAPSHOTS=1", i, names[i], w.N)
		}
		if seen[w.N] {
			t.Fatalf("case name %q used twice", w.N)
		}
		seen[w.N] = true
	}
	only := os.Getenv("JSVM_CORPUS_ONLY") // a regexp of case names, to re-run a few by hand
	got := runCorpus(t, len(names), jsvmCommand, func(i int) time.Duration {
		if k := knownFor(names[i], outcome{K: "hang"}); k >= 0 && knownDifferences[k].hangs {
			return knownHang
		}
		return perCase
	})

	var failures, known, msgDiffs, nodeFaults []string
	knownUsed := make([]int, len(knownDifferences))
	for i, w := range want {
		g := got[i]
		if only != "" && !regexp.MustCompile(only).MatchString(w.N) {
			continue
		}
		if w.K == "crash" || w.K == "hang" {
			nodeFaults = append(nodeFaults, fmt.Sprintf("%s: node %s (%s); jsvm: %s", w.N, w.K, w.M, g))
		}
		kind, diff := compare(w, g)
		if diff == "" {
			continue
		}
		line := fmt.Sprintf("%s\n\tnode: %s\n\tjsvm: %s", w.N, w, g)
		if kind == "message" {
			msgDiffs = append(msgDiffs, line)
			continue
		}
		if k := knownFor(w.N, g); k >= 0 {
			knownUsed[k]++
			known = append(known, line+"\n\tknown: "+knownDifferences[k].reason)
			continue
		}
		failures = append(failures, line+"\n\t("+diff+")")
	}
	for _, f := range failures {
		t.Error(f)
	}
	for k, n := range knownUsed {
		if n == 0 && only == "" {
			t.Errorf("known difference %q matches no differing case any more: drop it (%s)", knownDifferences[k].cases, knownDifferences[k].reason)
		}
	}
	t.Logf("corpus: %d cases; %d match node, %d known differences (%d entries), %d message-only differences, %d failures; node itself crashed or hung on %d",
		len(want), len(want)-len(failures)-len(known)-len(msgDiffs), len(known), len(knownDifferences), len(msgDiffs), len(failures), len(nodeFaults))
	if p := os.Getenv("JSVM_CORPUS_DIFFS"); p != "" {
		var b strings.Builder
		for _, sect := range []struct {
			title string
			lines []string
		}{{"failures", failures}, {"known differences", known}, {"message-only differences", msgDiffs}, {"node faults", nodeFaults}} {
			fmt.Fprintf(&b, "## %s (%d)\n", sect.title, len(sect.lines))
			for _, l := range sect.lines {
				b.WriteString(l + "\n")
			}
		}
		_ = os.WriteFile(p, []byte(b.String()), 0o644)
	}
	summarizeMessages(t, msgDiffs)
	slow := append([]outcome(nil), got...)
	sort.Slice(slow, func(i, j int) bool { return slow[i].took > slow[j].took })
	for _, o := range slow[:5] {
		t.Logf("slow case: %v %s", o.took.Round(time.Millisecond), names[o.I])
	}
}

// compare says how jsvm's outcome g differs from node's w: "" (it does
// not), "message" (only the message of an uncoded error), or "behaviour".
func compare(w, g outcome) (kind, diff string) {
	if g.K == "crash" || g.K == "hang" {
		return "behaviour", "jsvm " + g.K
	}
	if strings.Contains(g.M, "runtime error") || strings.Contains(g.M, "goroutine ") || strings.Contains(g.M, "nil pointer") {
		return "behaviour", "a Go fault reached JavaScript"
	}
	if w.K == "crash" || w.K == "hang" {
		return "", "" // node's own fault: any clean answer will do
	}
	switch {
	case w.K != g.K:
		return "behaviour", "outcome kind"
	case w.V != g.V:
		return "behaviour", "value"
	case w.C != g.C:
		return "behaviour", "error class"
	case w.Code != g.Code:
		return "behaviour", "error code"
	case w.T != g.T:
		return "behaviour", "traced operations"
	case w.M != g.M && strings.HasPrefix(w.Code, "ERR_"):
		return "behaviour", "Node's message"
	case w.M != g.M:
		return "message", "engine message"
	}
	return "", ""
}

// summarizeMessages logs how often each (node, jsvm) message pair differs.
func summarizeMessages(t *testing.T, diffs []string) {
	count := map[string]int{}
	for _, d := range diffs {
		l := strings.Split(d, "\n")
		count[strings.TrimSpace(l[1])+" <> "+strings.TrimSpace(l[2])]++
	}
	keys := make([]string, 0, len(count))
	for k := range count {
		keys = append(keys, k)
	}
	sort.Slice(keys, func(i, j int) bool { return count[keys[i]] > count[keys[j]] })
	for i, k := range keys {
		if i == 15 {
			t.Logf("... %d more message pairs", len(keys)-15)
			break
		}
		t.Logf("message difference x%d: %s", count[k], k)
	}
}

// knownFor returns the index of the known difference covering case name
// with jsvm's outcome g, or -1.
func knownFor(name string, g outcome) int {
	for i, k := range knownDifferences {
		if k.re == nil {
			k.re = regexp.MustCompile(k.cases)
			knownDifferences[i].re = k.re
		}
		if k.re.MatchString(name) && (k.jsvm == "" || strings.Contains(g.String(), k.jsvm)) {
			return i
		}
	}
	return -1
}

// knownDifference covers the cases whose names match the regexp cases
// (and, if jsvm is set, whose jsvm outcome contains it) with a reason. Each
// is a bug; an entry that matches no differing case fails the test.
type knownDifference struct {
	cases, jsvm, reason string
	hangs               bool // jsvm hangs on these: they get a shorter bound
	re                  *regexp.Regexp
}

var knownDifferences = []knownDifference{
	// limits (#9): stack, sizes, offsets, reads after the watchdog
	{cases: ` / recursive-toString$`, jsvm: "hang", hangs: true,
		reason: "limits #9: a toString that recurses through a template literal has no frame budget; the Go stack grows until a fatal error (findings.md)"},
	{cases: `^sandbox with accessor that runs the context$`, jsvm: "hang", hangs: true,
		reason: "limits #9: a getter recursing through vm.runInContext reaches the RangeError after 2-6 s of ever deeper stacks (node: milliseconds), past the corpus's bound (findings.md)"},
	// fidelity (#13): realms, brand checks, the context global's shape
	// node/util (no owner): util.inspect, used for Node's messages
	{cases: `(microtaskMode|measureMemory options\.(mode|execution)) / (revoked-proxy|revoked-function-proxy|throwing-proxy|tracing-proxy)$`,
		reason: "node/util: util.inspect runs a Proxy's traps and fails on a revoked one (Node inspects the target without traps; <Revoked Proxy>) (findings.md)"},
	// differences where Node is wrong or jsvm is stricter on purpose
	{cases: `^timeout module evaluate runaway then status$`,
		reason: "node quirk: after a timeout Node's module.error is null (V8's termination exception); jsvm keeps the ERR_SCRIPT_EXECUTION_TIMEOUT error"},
	{cases: `^Module subclass constructed$`,
		reason: "node bug: Node fails an internal assertion (ERR_INTERNAL_ASSERTION); jsvm throws a TypeError"},
	{cases: `^compileFunction (param "(yield|eval|arguments|let|class|this)"|duplicate params strict$|(65535|100000) params$)`,
		reason: "node bug: V8's CompileFunction declares parameter names without parsing them (accepts class, this, strict reserved words, strict duplicates; length overflows past 32767); jsvm parses the list and refuses them"},
	{cases: `^cachedData Script real (with flipped byte|plus trailing bytes|doubled)$`,
		reason: "on purpose: jsvm's cache format checks the whole payload and its length; V8 release builds accept a damaged payload or trailing bytes"},
	// sobek (engine): see the pure-sobek reproducers in internal/core
	{cases: `^for-in tracing Proxy on the chain$`, jsvm: "gopd b, gopd a, getPrototypeOf",
		reason: "sobek: for-in filters each key of a Proxy on the chain as it reaches it, before the walk's getPrototypeOf of that Proxy; V8 collects first (engine/forinproxy.go)"},
	{cases: `^compileFunction body "#!shebang"$`,
		reason: "V8 takes a hashbang at the start of a compileFunction body; jsvm parses the body inside a wrapper"},
}
