package assert

import (
	"bytes"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/jsvm-dev/jsvm/node/console"
	"github.com/jsvm-dev/jsvm/node/host"
	"github.com/jsvm-dev/jsvm/node/util"
	"github.com/jsvm-dev/jsvm/node/vm"
)

// TestHostScripts runs testdata/host/*.js in a real host with vm, so that
// objects of other contexts (membrane proxies) are compared and rendered.
func TestHostScripts(t *testing.T) {
	files, _ := filepath.Glob("testdata/host/*.js")
	for _, f := range files {
		t.Run(filepath.Base(f), func(t *testing.T) {
			want, err := os.ReadFile(strings.TrimSuffix(f, ".js") + ".out")
			if err != nil {
				t.Fatal(err)
			}
			reg := host.NewRegistry()
			reg.Register("assert", Load)
			reg.Register("console", console.Load)
			reg.Register("util", util.Load)
			reg.Register("vm", vm.Load)
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
