package child_process_test

import (
	"bytes"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/jsvm-dev/jsvm/node/buffer"
	"github.com/jsvm-dev/jsvm/node/child_process"
	"github.com/jsvm-dev/jsvm/node/console"
	"github.com/jsvm-dev/jsvm/node/events"
	"github.com/jsvm-dev/jsvm/node/host"
)

// TestScripts runs every testdata/*.js in a host and compares its output
// with the .out file recorded from node.
func TestScripts(t *testing.T) {
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
			reg := host.NewRegistry()
			reg.Register("buffer", buffer.Load)
			reg.Register("console", console.Load)
			reg.Register("events", events.Load)
			reg.Register("child_process", child_process.Load)
			var out, errOut bytes.Buffer
			h, err := host.New(host.Options{Registry: reg, Stdout: &out, Stderr: &errOut})
			if err != nil {
				t.Fatal(err)
			}
			done := make(chan int, 1)
			go func() { done <- h.RunSource(string(src), f, false) }()
			select {
			case code := <-done:
				if code != 0 {
					t.Errorf("exit code %d, stderr:\n%s", code, errOut.String())
				}
			case <-time.After(20 * time.Second):
				t.Fatal("host did not finish: is a child still ref'd?")
			}
			if got := out.String(); got != string(want) {
				t.Errorf("output differs\n--- got\n%s--- want\n%s--- stderr\n%s", got, want, errOut.String())
			}
		})
	}
}
