package test

import (
	"bytes"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"github.com/jsvm-dev/jsvm/node/assert"
	"github.com/jsvm-dev/jsvm/node/host"
)

var durationRe = regexp.MustCompile(`duration_ms:? [0-9.]+`)

// testdataRe matches the checkout-dependent directory in front of
// testdata/ in locations.
var testdataRe = regexp.MustCompile(`/[^\s']*/testdata/`)

// normalize drops what differs between runs and engines: durations and
// stack traces.
func normalize(s string) string {
	s = durationRe.ReplaceAllString(s, "duration_ms X")
	s = testdataRe.ReplaceAllString(s, "/.../testdata/")
	var out []string
	skipPrefix := ""
	for _, l := range strings.Split(s, "\n") {
		if skipPrefix != "" && strings.HasPrefix(l, skipPrefix) {
			continue
		}
		skipPrefix = ""
		if t := strings.TrimLeft(l, " "); t == "stack: |-" {
			skipPrefix = l[:len(l)-len(t)] + "  "
			continue
		}
		out = append(out, l)
	}
	return strings.Join(out, "\n")
}

// TestScripts runs testdata/*.js in a real host (event loop, timers) and
// compares the TAP output with node's, recorded from the same directory
// (node testdata/x.js > testdata/x.out).
func TestScripts(t *testing.T) {
	files, _ := filepath.Glob("testdata/*.js")
	if len(files) == 0 {
		t.Fatal("no scripts")
	}
	for _, f := range files {
		t.Run(filepath.Base(f), func(t *testing.T) {
			want, err := os.ReadFile(strings.TrimSuffix(f, ".js") + ".out")
			if err != nil {
				t.Fatal(err)
			}
			reg := host.NewRegistry()
			reg.Register("test", Load)
			reg.Register("assert", assert.Load)
			var out bytes.Buffer
			h, err := host.New(host.Options{Registry: reg, Stdout: &out, Stderr: &out})
			if err != nil {
				t.Fatal(err)
			}
			code := h.RunMain(f)
			got := normalize(out.String()) + "exit " + string(rune('0'+code)) + "\n"
			if d := os.Getenv("JSVM_GOT_DIR"); d != "" {
				_ = os.WriteFile(filepath.Join(d, filepath.Base(f)+".got"), []byte(got), 0o644)
			}
			if got != normalize(string(want)) {
				t.Errorf("output differs\n--- got\n%s\n--- want\n%s", got, normalize(string(want)))
			}
		})
	}
}
