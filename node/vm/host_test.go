package vm_test

import (
	"bytes"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"strings"
	"testing"

	"github.com/jsvm-dev/jsvm/node/console"
	"github.com/jsvm-dev/jsvm/node/host"
	"github.com/jsvm-dev/jsvm/node/vm"
)

// TestHostScripts runs testdata/host/*.js in a real host (event loop,
// console) and compares stdout, stderr and exit code with node's, recorded
// in the .out files (UPDATE_SNAPSHOTS=1 re-records them with node).
func TestHostScripts(t *testing.T) {
	files, _ := filepath.Glob("testdata/host/*.js")
	if len(files) == 0 {
		t.Fatal("no scripts")
	}
	for _, f := range files {
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
			reg := host.NewRegistry()
			reg.Register("vm", vm.Load)
			reg.Register("console", console.Load)
			var out bytes.Buffer
			h, err := host.New(host.Options{Registry: reg, Stdout: &out, Stderr: &out})
			if err != nil {
				t.Fatal(err)
			}
			abs, _ := filepath.Abs(f)
			code := h.RunMain(abs)
			got := out.String() + "exit " + strconv.Itoa(code) + "\n"
			if got != string(want) {
				t.Errorf("got\n%s\nwant\n%s", got, want)
			}
		})
	}
}
