package encoding_test

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

// runScripts runs every testdata/*.js with a minimal require and console,
// and compares what it prints with the .out file recorded from node.
func runScripts(t *testing.T, loaders map[string]host.Loader) {
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
			if _, err := rt.RunScript(f, string(src)); err != nil {
				out.WriteString("uncaught: " + err.Error() + "\n")
			}
			if d := os.Getenv("JSVM_GOT_DIR"); d != "" {
				_ = os.WriteFile(filepath.Join(d, filepath.Base(f)+".got"), out.Bytes(), 0o644)
			}
			if out.String() != string(want) {
				t.Errorf("output differs\n--- got\n%s\n--- want\n%s", out.String(), want)
			}
		})
	}
}
