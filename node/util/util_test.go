package util

import (
	"bytes"
	"os"
	"os/exec"
	"strings"
	"testing"

	"github.com/grafana/sobek"
	"github.com/jsvm-dev/jsvm/node/host"
)

func loadUtil(t *testing.T, stderr *bytes.Buffer) (*sobek.Runtime, *sobek.Object) {
	t.Helper()
	rt := sobek.New()
	h := &host.Host{Runtime: rt, Options: host.Options{Stderr: stderr}}
	module := rt.NewObject()
	_ = module.Set("exports", rt.NewObject())
	if err := Load(h, module); err != nil {
		t.Fatal(err)
	}
	return rt, module.Get("exports").(*sobek.Object)
}

func TestUtilAPI(t *testing.T) {
	if os.Getenv("UPDATE_SNAPSHOTS") != "" {
		out, err := exec.Command("node", "testdata/util_api_gen.js").Output()
		if err != nil {
			t.Fatal(err)
		}
		_ = os.WriteFile("testdata/util_api.golden", out, 0o644)
	}
	want, err := os.ReadFile("testdata/util_api.golden")
	if err != nil {
		t.Fatal(err)
	}
	src, err := os.ReadFile("testdata/util_api.js")
	if err != nil {
		t.Fatal(err)
	}
	var stderr bytes.Buffer
	rt, util := loadUtil(t, &stderr)
	var out strings.Builder
	_ = rt.Set("util", util)
	_ = rt.Set("out", func(call sobek.FunctionCall) sobek.Value {
		parts := make([]string, len(call.Arguments))
		for i, a := range call.Arguments {
			parts[i] = a.String()
		}
		out.WriteString(strings.Join(parts, " ") + "\n")
		return sobek.Undefined()
	})
	// Node emits warnings on process.nextTick through a 'warning' event.
	if _, err := rt.RunString(`globalThis.process = { emitWarning(msg, type, code) {
		Promise.resolve().then(() => out('warning', type, code, msg)) } }`); err != nil {
		t.Fatal(err)
	}
	if _, err := rt.RunString(string(src)); err != nil {
		t.Fatal(err)
	}
	got := out.String()
	gl := strings.Split(got, "\n")
	wl := strings.Split(string(want), "\n")
	for i := 0; i < len(gl) || i < len(wl); i++ {
		var g, w string
		if i < len(gl) {
			g = gl[i]
		}
		if i < len(wl) {
			w = wl[i]
		}
		if g != w {
			t.Errorf("line %d:\n got: %s\nwant: %s", i+1, g, w)
		}
	}
}

func TestDeprecateStderr(t *testing.T) {
	var stderr bytes.Buffer
	rt, util := loadUtil(t, &stderr)
	_ = rt.Set("util", util)
	if _, err := rt.RunString(`
		const a = util.deprecate(() => 1, 'a is old', 'DEP0001');
		const b = util.deprecate(() => 2, 'b is old');
		const c = util.deprecate(() => 3, 'c shares a code', 'DEP0001');
		a(); a(); b(); b(); c();`); err != nil {
		t.Fatal(err)
	}
	pid := itoa(os.Getpid())
	want := "(node:" + pid + ") [DEP0001] DeprecationWarning: a is old\n" +
		"(Use `node --trace-deprecation ...` to show where the warning was created)\n" +
		"(node:" + pid + ") DeprecationWarning: b is old\n"
	if stderr.String() != want {
		t.Errorf("got %q\nwant %q", stderr.String(), want)
	}
}
