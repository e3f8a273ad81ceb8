// Package jstest runs a builtin module's JavaScript test scripts in a bare
// host and compares what they print with node's recorded output: every
// testdata/*.js is run with a minimal require (the given loaders) and
// console.log (util.format), and must print its .out file (recorded with
// `node testdata/x.js > testdata/x.out`).
package jstest

import (
	"bytes"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/grafana/sobek"
	"github.com/jsvm-dev/jsvm/node/host"
	"github.com/jsvm-dev/jsvm/node/util"
)

// RunScripts runs testdata/*.js of the calling package's directory.
// JSVM_GOT_DIR=dir writes what each script printed to dir/x.js.got.
func RunScripts(t *testing.T, loaders map[string]host.Loader) {
	t.Helper()
	files, _ := filepath.Glob("testdata/*.js")
	if len(files) == 0 {
		t.Fatal("no scripts")
	}
	for _, f := range files {
		t.Run(filepath.Base(f), func(t *testing.T) {
			src, err := os.ReadFile(f)
			if err != nil {
				t.Fatal(err)
			}
			want, err := os.ReadFile(strings.TrimSuffix(f, ".js") + ".out")
			if err != nil {
				t.Fatal(err)
			}
			got := run(f, string(src), loaders)
			if d := os.Getenv("JSVM_GOT_DIR"); d != "" {
				_ = os.WriteFile(filepath.Join(d, filepath.Base(f)+".got"), []byte(got), 0o644)
			}
			if got != string(want) {
				t.Errorf("output differs\n--- got\n%s\n--- want\n%s", got, want)
			}
		})
	}
}

func run(name, src string, loaders map[string]host.Loader) string {
	var out bytes.Buffer
	rt := sobek.New()
	h := &host.Host{Runtime: rt, Options: host.Options{Stdout: &out, Stderr: &out}}
	cache := map[string]sobek.Value{}
	_ = rt.Set("require", func(name string) sobek.Value {
		name = strings.TrimPrefix(name, "node:")
		if v, ok := cache[name]; ok {
			return v
		}
		l, ok := loaders[name]
		if !ok {
			panic(rt.NewTypeError("no module " + name))
		}
		m := rt.NewObject()
		_ = m.Set("exports", rt.NewObject())
		if err := l(h, m); err != nil {
			panic(err)
		}
		cache[name] = m.Get("exports")
		return cache[name]
	})
	console := rt.NewObject()
	_ = console.Set("log", func(call sobek.FunctionCall) sobek.Value {
		out.WriteString(util.Format(rt, call.Arguments, util.InspectOptions{}) + "\n")
		return sobek.Undefined()
	})
	_ = rt.Set("console", console)
	if _, err := rt.RunScript(name, src); err != nil {
		out.WriteString("uncaught: " + err.Error() + "\n")
	}
	return out.String()
}

// RunHostScripts runs testdata/host/*.js of the calling package's directory
// in a real host (event loop, require, globals) with the builtins of reg,
// and compares what they print (stdout and stderr) with their .out files.
func RunHostScripts(t *testing.T, reg *host.Registry) {
	t.Helper()
	files, _ := filepath.Glob("testdata/host/*.js")
	for _, f := range files {
		t.Run(filepath.Base(f), func(t *testing.T) {
			want, err := os.ReadFile(strings.TrimSuffix(f, ".js") + ".out")
			if err != nil {
				t.Fatal(err)
			}
			var out bytes.Buffer
			h, err := host.New(host.Options{Registry: reg, Stdout: &out, Stderr: &out})
			if err != nil {
				t.Fatal(err)
			}
			h.RunMain(f)
			if out.String() != string(want) {
				t.Errorf("output differs\n--- got\n%s\n--- want\n%s", out.String(), want)
			}
		})
	}
}
