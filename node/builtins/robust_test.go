package builtins_test

import (
	"bytes"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/jsvm-dev/jsvm/node/builtins"
	"github.com/jsvm-dev/jsvm/node/host"
)

// TestRobustScripts runs testdata/robust/*.js and *.mjs (faults: throws
// after top-level await, runaway async code under timeouts, hostile
// proxies and prototypes) in a host with every builtin, as the jsvm
// command does, and compares exit code, stdout and stderr with node's,
// recorded in the .node files (UPDATE_SNAPSHOTS=1 records them again).
// A first line "// Flags: --experimental-vm-modules" passes that flag.
// Stack frame lines are left out: their formatting is checked elsewhere.
func TestRobustScripts(t *testing.T) {
	dir, err := filepath.Abs("testdata/robust")
	if err != nil {
		t.Fatal(err)
	}
	files, _ := filepath.Glob(filepath.Join(dir, "*.js"))
	mjs, _ := filepath.Glob(filepath.Join(dir, "*.mjs"))
	files = append(files, mjs...)
	if len(files) == 0 {
		t.Fatal("no scripts")
	}
	for _, f := range files {
		t.Run(filepath.Base(f), func(t *testing.T) {
			src, err := os.ReadFile(f)
			if err != nil {
				t.Fatal(err)
			}
			modules := bytes.HasPrefix(src, []byte("// Flags: --experimental-vm-modules"))
			snap := strings.TrimSuffix(f, filepath.Ext(f)) + ".node"
			if os.Getenv("UPDATE_SNAPSHOTS") != "" {
				args := []string{f}
				if modules {
					args = []string{"--experimental-vm-modules", f}
				}
				cmd := exec.Command("node", args...)
				cmd.Dir = dir
				var o, e bytes.Buffer
				cmd.Stdout, cmd.Stderr = &o, &e
				code := 0
				if err := cmd.Run(); err != nil {
					ee, ok := err.(*exec.ExitError)
					if !ok {
						t.Fatal(err)
					}
					code = ee.ExitCode()
				}
				if err := os.WriteFile(snap, []byte(robustSnapshot(o.String(), e.String(), code, dir)), 0o644); err != nil {
					t.Fatal(err)
				}
			}
			want, err := os.ReadFile(snap)
			if err != nil {
				t.Fatalf("no snapshot (run with UPDATE_SNAPSHOTS=1): %v", err)
			}
			var o, e bytes.Buffer
			h, err := host.New(host.Options{Registry: builtins.DefaultRegistry(), Stdout: &o, Stderr: &e,
				Argv: []string{"node", f}, ExperimentalVMModules: modules})
			if err != nil {
				t.Fatal(err)
			}
			done := make(chan int, 1)
			go func() { done <- h.RunMain(f) }()
			var code int
			select {
			case code = <-done:
			case <-time.After(60 * time.Second):
				t.Fatal("hangs") // node answers at once
			}
			if got := robustSnapshot(o.String(), e.String(), code, dir); got != string(want) {
				t.Errorf("got\n%s\nwant\n%s", got, want)
			}
		})
	}
}

var (
	robustPidRe   = regexp.MustCompile(`\(node:\d+\)`)
	robustFrameRe = regexp.MustCompile(`(?m)^    at .*\n`)
)

func robustSnapshot(stdout, stderr string, code int, dir string) string {
	norm := func(s string) string {
		s = strings.ReplaceAll(s, dir, "<DIR>")
		s = robustPidRe.ReplaceAllString(s, "(node:PID)")
		return robustFrameRe.ReplaceAllString(s, "")
	}
	return "--- exit " + strconv.Itoa(code) + "\n--- stdout\n" + norm(stdout) + "--- stderr\n" + norm(stderr)
}
