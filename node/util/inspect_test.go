package util

import (
	"os"
	"os/exec"
	"regexp"
	"strings"
	"testing"

	"github.com/grafana/sobek"
	"github.com/jsvm-dev/jsvm/internal/core"
)

type inspectCase struct {
	title, opts, src string
	format, vm       bool
}

var caseHead = regexp.MustCompile(`^//# (.*)$`)

// parseCases mirrors testdata/cases_parse.js.
func parseCases(src string) []*inspectCase {
	var cases []*inspectCase
	var cur *inspectCase
	for _, line := range strings.Split(src, "\n") {
		if m := caseHead.FindStringSubmatch(line); m != nil {
			title := m[1]
			c := &inspectCase{}
			if strings.Contains(title, " @vm") {
				c.vm = true
				title = strings.Replace(title, " @vm", "", 1)
			}
			if strings.Contains(title, " @format") {
				c.format = true
				title = strings.Replace(title, " @format", "", 1)
			}
			if i := strings.Index(title, " @opts "); i >= 0 {
				c.opts = title[i+len(" @opts "):]
				title = title[:i]
			}
			c.title = strings.TrimSpace(title)
			cases = append(cases, c)
			cur = c
		} else if cur != nil {
			cur.src += line + "\n"
		}
	}
	return cases
}

func readGolden(t *testing.T) map[string]string {
	if os.Getenv("UPDATE_SNAPSHOTS") != "" {
		out, err := exec.Command("node", "testdata/gen.js").Output()
		if err != nil {
			t.Fatalf("node testdata/gen.js: %v", err)
		}
		if err := os.WriteFile("testdata/inspect.golden", out, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	b, err := os.ReadFile("testdata/inspect.golden")
	if err != nil {
		t.Fatal(err)
	}
	res := make(map[string]string)
	parts := strings.Split(string(b), "━━ ")
	for _, p := range parts[1:] {
		nl := strings.IndexByte(p, '\n')
		res[p[:nl]] = strings.TrimSuffix(p[nl+1:], "\n")
	}
	return res
}

func runCase(t *testing.T, prelude string, c *inspectCase) (got string) {
	if c.vm {
		return runVMCase(t, c)
	}
	rt := sobek.New()
	defer func() {
		if r := recover(); r != nil {
			got = "PANIC " + strings.Split(sprint(r), "\n")[0]
		}
	}()
	if _, err := rt.RunString(prelude); err != nil {
		t.Fatal(err)
	}
	v, err := rt.RunString(c.src)
	if err != nil {
		return "THREW " + err.Error()
	}
	var opts InspectOptions
	if c.opts != "" {
		ov, err := rt.RunString("(" + c.opts + ")")
		if err != nil {
			t.Fatal(err)
		}
		opts = OptionsFromJS(rt, []sobek.Value{ov})
	}
	if c.format {
		arr := v.(*sobek.Object)
		n := int(arr.Get("length").ToInteger())
		args := make([]sobek.Value, n)
		for i := range args {
			args[i] = arr.Get(itoa(i))
		}
		return Format(rt, args, opts)
	}
	return Inspect(rt, v, opts)
}

// runVMCase evaluates the case in a second context of an isolate and
// inspects the result from the main context, through the membrane.
func runVMCase(t *testing.T, c *inspectCase) (got string) {
	iso := core.NewIsolate(core.IsolateOptions{})
	main := iso.Main()
	rt := main.Runtime()
	defer func() {
		if r := recover(); r != nil {
			got = "PANIC " + strings.Split(sprint(r), "\n")[0]
		}
	}()
	ctx := iso.Contextify(rt.NewObject(), main, core.ContextOptions{})
	s, err := core.Compile(c.src, core.ScriptOptions{})
	if err != nil {
		t.Fatal(err)
	}
	v := ctx.RunIn(s, main)
	var opts InspectOptions
	opts.Unwrap = iso.Unwrap
	return Inspect(rt, v, opts)
}

func sprint(v any) string {
	if e, ok := v.(error); ok {
		return e.Error()
	}
	if s, ok := v.(interface{ String() string }); ok {
		return s.String()
	}
	return "?"
}

// skipCases are behaviours sobek cannot reproduce.
var skipCases = map[string]string{
	// V8 remembers the function that constructed an object; sobek does not,
	// so an instance whose prototype chain has no constructor shows "Object".
	"instance of null-proto class": "no internal constructor name in sobek",
	// sobek functions have no own `arguments`/`caller` and list `prototype`
	// before `length` and `name`.
	"showHidden function": "sobek's own properties of functions differ from V8's",
}

func TestInspectGolden(t *testing.T) {
	src, err := os.ReadFile("testdata/inspect_cases.js")
	if err != nil {
		t.Fatal(err)
	}
	prelude, err := os.ReadFile("testdata/prelude.js")
	if err != nil {
		t.Fatal(err)
	}
	golden := readGolden(t)
	cases := parseCases(string(src))
	pass := 0
	for _, c := range cases {
		want, ok := golden[c.title]
		if !ok {
			t.Errorf("%s: no golden output (run UPDATE_SNAPSHOTS=1 go test)", c.title)
			continue
		}
		if why, skip := skipCases[c.title]; skip {
			t.Logf("skip %s: %s", c.title, why)
			continue
		}
		got := runCase(t, string(prelude), c)
		if got != want {
			t.Errorf("%s:\n--- got\n%s\n--- want\n%s", c.title, got, want)
		} else {
			pass++
		}
	}
	t.Logf("%d/%d cases match node", pass, len(cases))
}
