package buffer

import (
	"bytes"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/jsvm-dev/jsvm/node/console"
	"github.com/jsvm-dev/jsvm/node/host"
	"github.com/jsvm-dev/jsvm/node/util"
)

// TestHostScripts runs testdata/host/*.js in a real host, whose web
// globals (Buffer) come from this module, with util.inspect rendering.
func TestHostScripts(t *testing.T) {
	files, _ := filepath.Glob("testdata/host/*.js")
	for _, f := range files {
		t.Run(filepath.Base(f), func(t *testing.T) {
			want, err := os.ReadFile(strings.TrimSuffix(f, ".js") + ".out")
			if err != nil {
				t.Fatal(err)
			}
			reg := host.NewRegistry()
			reg.Register("buffer", Load)
			reg.Register("console", console.Load)
			reg.Register("util", util.Load)
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
