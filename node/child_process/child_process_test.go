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
	nodenet "github.com/jsvm-dev/jsvm/node/net"
	"github.com/jsvm-dev/jsvm/node/stream"
	"github.com/jsvm-dev/jsvm/node/string_decoder"
)

// TestMain lets the test binary act as a jsvm child for testdata scripts
// that spawn process.execPath: with JSVM_CP_TEST_CHILD=1 it runs
// `-e code` in a host with the IPC channel set up.
func TestMain(m *testing.M) {
	if os.Getenv("JSVM_CP_TEST_CHILD") == "1" && len(os.Args) >= 3 && os.Args[1] == "-e" {
		h, err := host.New(host.Options{Registry: registry(), Stdout: os.Stdout, Stderr: os.Stderr,
			Argv: append([]string{os.Args[0]}, os.Args[3:]...)})
		if err != nil {
			os.Exit(1)
		}
		if err := child_process.SetupChannel(h); err != nil {
			os.Exit(1)
		}
		os.Exit(h.RunSource(os.Args[2], "[eval]", false))
	}
	os.Exit(m.Run())
}

func registry() *host.Registry {
	reg := host.NewRegistry()
	reg.Register("buffer", buffer.Load)
	reg.Register("console", console.Load)
	reg.Register("events", events.Load)
	reg.Register("child_process", child_process.Load)
	reg.Register("net", nodenet.Load)
	reg.Register("stream", stream.Load)
	reg.Register("string_decoder", string_decoder.Load)
	return reg
}

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
			reg := registry()
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
