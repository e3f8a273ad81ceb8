package host_test

import (
	"bytes"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"testing"

	"github.com/jsvm-dev/jsvm/node/host"
)

// Each testdata/*.js (and .mjs) runs through a host; its stdout, stderr
// and exit code are compared with node's, recorded in testdata/*.node
// (UPDATE_SNAPSHOTS=1 records them again with the node binary).

var (
	pidRe   = regexp.MustCompile(`\(node:\d+\)`)
	frameRe = regexp.MustCompile(`(?m)^    at .*\n`)
)

// normalize removes what differs by design: the testdata path, pids and
// stack frame lines (stack formatting is checked elsewhere).
func normalize(s, dir string) string {
	s = strings.ReplaceAll(s, dir, "<DIR>")
	s = pidRe.ReplaceAllString(s, "(node:PID)")
	s = frameRe.ReplaceAllString(s, "")
	s = strings.ReplaceAll(s, "\n  code:", " {\n  code:")
	return s
}

func snapshot(stdout, stderr string, code int) string {
	return "--- exit " + strconv.Itoa(code) + "\n--- stdout\n" + stdout + "--- stderr\n" + stderr
}

func TestSnapshots(t *testing.T) {
	dir, err := filepath.Abs("testdata")
	if err != nil {
		t.Fatal(err)
	}
	files, _ := filepath.Glob(filepath.Join(dir, "*.js"))
	mjs, _ := filepath.Glob(filepath.Join(dir, "*.mjs"))
	files = append(files, mjs...)
	update := os.Getenv("UPDATE_SNAPSHOTS") != ""
	for _, f := range files {
		name := filepath.Base(f)
		snap := strings.TrimSuffix(f, filepath.Ext(f)) + ".node"
		t.Run(name, func(t *testing.T) {
			if update {
				cmd := exec.Command("node", f)
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
				want := snapshot(normalize(o.String(), dir), normalize(e.String(), dir), code)
				if err := os.WriteFile(snap, []byte(want), 0o644); err != nil {
					t.Fatal(err)
				}
			}
			wantB, err := os.ReadFile(snap)
			if err != nil {
				t.Fatalf("no snapshot (run with UPDATE_SNAPSHOTS=1): %v", err)
			}
			var o, e bytes.Buffer
			h, err := host.New(host.Options{Stdout: &o, Stderr: &e, Argv: []string{"node", f}})
			if err != nil {
				t.Fatal(err)
			}
			code := h.RunMain(f)
			got := snapshot(normalize(o.String(), dir), normalize(e.String(), dir), code)
			if got != string(wantB) {
				t.Errorf("mismatch for %s\n--- got\n%s\n--- want\n%s", name, got, wantB)
			}
		})
	}
}
