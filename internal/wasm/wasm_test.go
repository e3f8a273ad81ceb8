package wasm_test

import (
	"bytes"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"strings"
	"testing"

	"github.com/jsvm-dev/jsvm/node/builtins"
	"github.com/jsvm-dev/jsvm/node/host"
)

// TestScripts runs testdata/*.js (but the encoder, wasmgen.js) in a host
// and compares stdout, stderr and exit code with node's, recorded in the
// .out files (UPDATE_SNAPSHOTS=1 re-records them with node).
func TestScripts(t *testing.T) {
	files, _ := filepath.Glob("testdata/*.js")
	n := 0
	for _, f := range files {
		if filepath.Base(f) == "wasmgen.js" {
			continue
		}
		n++
		t.Run(filepath.Base(f), func(t *testing.T) {
			outFile := strings.TrimSuffix(f, ".js") + ".out"
			if os.Getenv("UPDATE_SNAPSHOTS") != "" {
				cmd := exec.Command("node", filepath.Base(f))
				cmd.Dir = filepath.Dir(f)
				var b bytes.Buffer
				cmd.Stdout, cmd.Stderr = &b, &b
				code := 0
				if err := cmd.Run(); err != nil {
					code = cmd.ProcessState.ExitCode()
				}
				b.WriteString("exit " + strconv.Itoa(code) + "\n")
				if err := os.WriteFile(outFile, b.Bytes(), 0o644); err != nil {
					t.Fatal(err)
				}
			}
			want, err := os.ReadFile(outFile)
			if err != nil {
				t.Fatal(err)
			}
			var out bytes.Buffer
			h, err := host.New(host.Options{Registry: builtins.DefaultRegistry(), Stdout: &out, Stderr: &out})
			if err != nil {
				t.Fatal(err)
			}
			abs, _ := filepath.Abs(f)
			code := h.RunMain(abs)
			got := out.String() + "exit " + strconv.Itoa(code) + "\n"
			if got != string(want) {
				gl, wl := strings.Split(got, "\n"), strings.Split(string(want), "\n")
				for i := 0; i < len(gl) || i < len(wl); i++ {
					var g, w string
					if i < len(gl) {
						g = gl[i]
					}
					if i < len(wl) {
						w = wl[i]
					}
					if g != w {
						t.Errorf("line %d:\n got %s\nwant %s", i+1, g, w)
					}
				}
			}
		})
	}
	if n == 0 {
		t.Fatal("no scripts")
	}
}
