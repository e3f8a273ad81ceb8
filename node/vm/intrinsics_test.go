package vm_test

import (
	"bufio"
	"os"
	"os/exec"
	"strings"
	"testing"

	"github.com/jsvm-dev/jsvm/node/buffer"
	"github.com/jsvm-dev/jsvm/node/events"
	"github.com/jsvm-dev/jsvm/node/fs"
	"github.com/jsvm-dev/jsvm/node/host"
	"github.com/jsvm-dev/jsvm/node/vm"
)

// TestIntrinsicShapes compares the shape of every builtin of the main
// realm and of a vm context (testdata/intrinsics_survey.js: prototypes,
// own properties, typeof, lengths, names, attributes) with node v20's
// (intrinsics.golden, re-recorded by UPDATE_SNAPSHOTS=1). The lines that
// differ must be exactly the known differences of intrinsics_known.txt
// ("< " node's line jsvm lacks, "> " jsvm's line node lacks, "#" the
// reason): a new difference fails, and so does a known one that is gone.
func TestIntrinsicShapes(t *testing.T) {
	if os.Getenv("UPDATE_SNAPSHOTS") != "" {
		cmd := exec.Command("node", "gen_intrinsics.js")
		cmd.Dir = "testdata"
		out, err := cmd.Output()
		if err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile("testdata/intrinsics.golden", out, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	want, err := os.ReadFile("testdata/intrinsics.golden")
	if err != nil {
		t.Fatal(err)
	}
	reg := host.NewRegistry()
	reg.Register("buffer", buffer.Load)
	reg.Register("events", events.Load)
	reg.Register("fs", fs.Load)
	reg.Register("vm", vm.Load)
	var stdout, stderr strings.Builder
	h, err := host.New(host.Options{Registry: reg, Stdout: &stdout, Stderr: &stderr})
	if err != nil {
		t.Fatal(err)
	}
	if code := h.RunMain("testdata/gen_intrinsics.js"); code != 0 {
		t.Fatalf("exit %d: %s", code, stderr.String())
	}
	count := func(s string) map[string]int {
		m := map[string]int{}
		for _, l := range strings.Split(strings.TrimSpace(s), "\n") {
			m[l]++
		}
		return m
	}
	node, jsvm := count(string(want)), count(stdout.String())
	diff := map[string]bool{}
	for l, n := range node {
		if jsvm[l] < n {
			diff["< "+l] = true
		}
	}
	for l, n := range jsvm {
		if node[l] < n {
			diff["> "+l] = true
		}
	}
	kf, err := os.Open("testdata/intrinsics_known.txt")
	if err != nil {
		t.Fatal(err)
	}
	defer kf.Close()
	known := map[string]bool{}
	sc := bufio.NewScanner(kf)
	for sc.Scan() {
		l := sc.Text()
		if l == "" || strings.HasPrefix(l, "#") {
			continue
		}
		known[l] = true
		if !diff[l] {
			t.Errorf("known difference is gone (drop it from intrinsics_known.txt): %s", l)
		}
	}
	for l := range diff {
		if !known[l] {
			t.Errorf("differs from node: %s", l)
		}
	}
}
