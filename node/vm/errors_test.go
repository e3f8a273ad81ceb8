package vm_test

import (
	"bytes"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"testing"

	"github.com/jsvm-dev/jsvm/node/console"
	"github.com/jsvm-dev/jsvm/node/host"
	"github.com/jsvm-dev/jsvm/node/util"
	"github.com/jsvm-dev/jsvm/node/vm"
)

// internalFrame matches the frames of Node's own code (node:internal/...,
// node:vm) and the host's equivalents, which differ by design.
var internalFrame = regexp.MustCompile(`(?m)^ +at (?:.* \(node:[^)]*\)|node:\S*|runMicrotasks \(<anonymous>\))\n`)

var frameOpen = regexp.MustCompile(`(?m)^( +at .*) \{$`)

// normalizeErrors keeps everything of an error display but the testdata
// directory and the frames of Node's internals.
func normalizeErrors(s, dir string) string {
	s = strings.ReplaceAll(s, dir, "<DIR>")
	// util.inspect opens the error's properties on its last frame line
	s = frameOpen.ReplaceAllString(s, "$1\n{OPEN}")
	s = internalFrame.ReplaceAllString(s, "")
	return strings.ReplaceAll(s, "\n{OPEN}", " {")
}

// TestErrorDisplay runs testdata/errors/*.js in a host with the vm builtin
// and compares stdout+stderr and the exit code with node's, recorded in
// the .node files (UPDATE_SNAPSHOTS=1 records them again with node): error
// messages, caret positions and stack frames (names and columns) of user
// code must be V8's.
func TestErrorDisplay(t *testing.T) {
	dir, err := filepath.Abs("testdata/errors")
	if err != nil {
		t.Fatal(err)
	}
	files, _ := filepath.Glob(filepath.Join(dir, "*.js"))
	mjs, _ := filepath.Glob(filepath.Join(dir, "*.mjs"))
	files = append(files, mjs...)
	if len(files) == 0 {
		t.Fatal("no scripts")
	}
	update := os.Getenv("UPDATE_SNAPSHOTS") != ""
	for _, f := range files {
		name := filepath.Base(f)
		snap := strings.TrimSuffix(f, filepath.Ext(f)) + ".node"
		t.Run(name, func(t *testing.T) {
			if update {
				cmd := exec.Command("node", f)
				cmd.Dir = dir
				var b bytes.Buffer
				cmd.Stdout, cmd.Stderr = &b, &b
				code := 0
				if err := cmd.Run(); err != nil {
					ee, ok := err.(*exec.ExitError)
					if !ok {
						t.Fatal(err)
					}
					code = ee.ExitCode()
				}
				out := normalizeErrors(b.String(), dir) + "exit " + strconv.Itoa(code) + "\n"
				if err := os.WriteFile(snap, []byte(out), 0o644); err != nil {
					t.Fatal(err)
				}
			}
			want, err := os.ReadFile(snap)
			if err != nil {
				t.Fatalf("no snapshot (run with UPDATE_SNAPSHOTS=1): %v", err)
			}
			reg := host.NewRegistry()
			reg.Register("vm", vm.Load)
			reg.Register("console", console.Load)
			reg.Register("util", util.Load) // uncaught errors are shown with util.inspect
			var out bytes.Buffer
			h, err := host.New(host.Options{Registry: reg, Stdout: &out, Stderr: &out, Argv: []string{"node", f}})
			if err != nil {
				t.Fatal(err)
			}
			code := h.RunMain(f)
			got := normalizeErrors(out.String(), dir) + "exit " + strconv.Itoa(code) + "\n"
			if got != string(want) {
				t.Errorf("got\n%s\nwant\n%s", got, want)
			}
		})
	}
}
