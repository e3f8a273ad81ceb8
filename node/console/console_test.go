package console

import (
	"bytes"
	"os"
	"os/exec"
	"strings"
	"testing"
	"time"

	"github.com/grafana/sobek"
	"github.com/jsvm-dev/jsvm/node/host"
)

func setupConsole(t *testing.T) (*sobek.Runtime, *bytes.Buffer, *bytes.Buffer) {
	t.Helper()
	rt := sobek.New()
	var stdout, stderr bytes.Buffer
	h := &host.Host{Runtime: rt, Options: host.Options{Stdout: &stdout, Stderr: &stderr}}
	module := rt.NewObject()
	_ = module.Set("exports", rt.NewObject())
	if err := Load(h, module); err != nil {
		t.Fatal(err)
	}
	_ = rt.Set("console", module.Get("exports"))
	return rt, &stdout, &stderr
}

func compareLines(t *testing.T, what, got, want string) {
	t.Helper()
	gl, wl := strings.Split(got, "\n"), strings.Split(want, "\n")
	for i := 0; i < len(gl) || i < len(wl); i++ {
		var g, w string
		if i < len(gl) {
			g = gl[i]
		}
		if i < len(wl) {
			w = wl[i]
		}
		if g != w {
			t.Errorf("%s line %d:\n got: %q\nwant: %q", what, i+1, g, w)
		}
	}
}

func TestConsoleGolden(t *testing.T) {
	if os.Getenv("UPDATE_SNAPSHOTS") != "" {
		if out, err := exec.Command("node", "testdata/gen.js").CombinedOutput(); err != nil {
			t.Fatalf("%v: %s", err, out)
		}
	}
	src, err := os.ReadFile("testdata/console.js")
	if err != nil {
		t.Fatal(err)
	}
	wantOut, _ := os.ReadFile("testdata/console.stdout")
	wantErr, _ := os.ReadFile("testdata/console.stderr")
	rt, stdout, stderr := setupConsole(t)
	if _, err := rt.RunString(string(src)); err != nil {
		t.Fatal(err)
	}
	compareLines(t, "stdout", stdout.String(), string(wantOut))
	compareLines(t, "stderr", stderr.String(), string(wantErr))
}

func TestTimers(t *testing.T) {
	now := time.Unix(0, 0)
	Now = func() time.Time { return now }
	defer func() { Now = time.Now }()
	rt, stdout, stderr := setupConsole(t)
	step := func(d time.Duration, src string) {
		now = now.Add(d)
		if _, err := rt.RunString(src); err != nil {
			t.Fatal(err)
		}
	}
	step(0, `console.time(); console.time('x')`)
	step(1234567*time.Nanosecond, `console.timeLog('x', 'data', {a: 1})`)
	step(2*time.Second, `console.timeEnd('x'); console.timeEnd('x'); console.time()`)
	step(61500*time.Millisecond, `console.timeEnd()`)
	want := "x: 1.235ms data { a: 1 }\nx: 2.001s\ndefault: 1:03.501 (m:ss.mmm)\n"
	if stdout.String() != want {
		t.Errorf("stdout %q, want %q", stdout.String(), want)
	}
	if !strings.Contains(stderr.String(), "Warning: Label 'default' already exists for console.time()") ||
		!strings.Contains(stderr.String(), "Warning: No such label 'x' for console.timeEnd()") {
		t.Errorf("stderr %q", stderr.String())
	}
}

func TestFormatTime(t *testing.T) {
	for ms, want := range map[float64]string{
		0.0123: "0.012ms", 5: "5ms", 999.9996: "1000ms", 1000: "1.000s", 59999: "59.999s",
		60000: "1:00.000 (m:ss.mmm)", 3600000 + 61000: "1:01:01.000 (h:mm:ss.mmm)",
	} {
		if got := formatTime(ms); got != want {
			t.Errorf("formatTime(%v) = %q, want %q", ms, got, want)
		}
	}
}

func TestTrace(t *testing.T) {
	rt, _, stderr := setupConsole(t)
	if _, err := rt.RunString("function f() { console.trace('here %d', 1) }\nf()"); err != nil {
		t.Fatal(err)
	}
	lines := strings.Split(stderr.String(), "\n")
	if lines[0] != "Trace: here 1" || !strings.HasPrefix(lines[1], "    at f (") {
		t.Errorf("trace output %q", stderr.String())
	}
}
