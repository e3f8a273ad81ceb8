package vm_test

import (
	"os"
	"os/exec"
	"strings"
	"testing"

	"github.com/jsvm-dev/jsvm/node/buffer"
	"github.com/jsvm-dev/jsvm/node/events"
	"github.com/jsvm-dev/jsvm/node/host"
	"github.com/jsvm-dev/jsvm/node/vm"
)

// runModuleScript runs testdata/<file> in a host with vm modules enabled
// and returns its stdout.
func runModuleScript(t *testing.T, file string, opts host.Options) string {
	t.Helper()
	reg := host.NewRegistry()
	reg.Register("buffer", buffer.Load)
	reg.Register("events", events.Load)
	reg.Register("vm", vm.Load)
	var stdout, stderr strings.Builder
	opts.Registry, opts.Stdout, opts.Stderr = reg, &stdout, &stderr
	opts.ExperimentalVMModules = true
	h, err := host.New(opts)
	if err != nil {
		t.Fatal(err)
	}
	if code := h.RunMain("testdata/" + file); code != 0 {
		t.Fatalf("exit %d: %s", code, stderr.String())
	}
	return stdout.String()
}

// nodeOutput runs node --experimental-vm-modules on testdata/<file> when
// UPDATE_SNAPSHOTS is set, recording testdata/<golden>; it returns the
// recorded output.
func nodeOutput(t *testing.T, file, golden string, flags ...string) string {
	t.Helper()
	if os.Getenv("UPDATE_SNAPSHOTS") != "" {
		cmd := exec.Command("node", append(append([]string{"--experimental-vm-modules"}, flags...), file)...)
		cmd.Dir = "testdata"
		out, err := cmd.Output()
		if err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile("testdata/"+golden, out, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	want, err := os.ReadFile("testdata/" + golden)
	if err != nil {
		t.Fatal(err)
	}
	return string(want)
}

func TestModuleCases(t *testing.T) {
	want := nodeOutput(t, "gen_module.js", "module_cases.golden")
	got := runModuleScript(t, "gen_module.js", host.Options{})
	known := map[int]string{
		29: "sobek's TDZ message does not name the variable",
		43: "V8 accepts module cachedData made for another source of the same length; jsvm checks the source",
	}
	wl := strings.Split(strings.TrimSpace(want), "\n")
	gl := strings.Split(strings.TrimSpace(got), "\n")
	if len(gl) != len(wl) {
		t.Errorf("%d lines, want %d", len(gl), len(wl))
	}
	for i := range wl {
		g := ""
		if i < len(gl) {
			g = gl[i]
		}
		if reason, ok := known[i]; ok {
			if g == wl[i] {
				t.Errorf("case %d now matches Node; drop it from the known differences (%s)", i, reason)
			}
			continue
		}
		if g != wl[i] {
			t.Errorf("case %s\n got: %s", wl[i], g)
		}
	}
}
