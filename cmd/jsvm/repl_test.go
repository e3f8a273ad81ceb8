package main

import (
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
)

// runPipeREPL runs bin -i in a fresh directory holding testdata/repl's
// load.js, with pipe.in as its input; it returns the output and the file
// .save wrote.
func runPipeREPL(t *testing.T, bin string) (out, saved string) {
	dir := t.TempDir()
	load, err := os.ReadFile("testdata/repl/load.js")
	if err != nil {
		t.Fatal(err)
	}
	os.WriteFile(filepath.Join(dir, "load.js"), load, 0o644)
	in, err := os.Open("testdata/repl/pipe.in")
	if err != nil {
		t.Fatal(err)
	}
	defer in.Close()
	cmd := exec.Command(bin, "-i")
	cmd.Dir, cmd.Stdin = dir, in
	b, _ := cmd.CombinedOutput()
	s, _ := os.ReadFile(filepath.Join(dir, "saved.js"))
	return string(b), string(s)
}

// TestREPLPipe: the REPL fed through a pipe prints what node -i prints for
// the same input (testdata/repl/pipe.node, recorded with node; only the
// banner differs): prompts, results, _ and _error, multi-line input and
// the dot commands. UPDATE_SNAPSHOTS=1 re-records with node.
func TestREPLPipe(t *testing.T) {
	if testing.Short() {
		t.Skip("builds the binary")
	}
	if os.Getenv("UPDATE_SNAPSHOTS") != "" {
		out, saved := runPipeREPL(t, "node")
		os.WriteFile("testdata/repl/pipe.node", []byte(out), 0o644)
		os.WriteFile("testdata/repl/pipe.saved", []byte(saved), 0o644)
	}
	want, err := os.ReadFile("testdata/repl/pipe.node")
	if err != nil {
		t.Fatal(err)
	}
	wantSaved, _ := os.ReadFile("testdata/repl/pipe.saved")
	out, saved := runPipeREPL(t, jsvmBinary(t))
	banner := func(s string) string { _, rest, _ := strings.Cut(s, "\n"); return rest }
	if banner(out) != banner(string(want)) {
		t.Errorf("REPL output differs from node's.\n--- jsvm\n%s\n--- node\n%s", out, want)
	}
	if saved != string(wantSaved) {
		t.Errorf(".save wrote %q, node %q", saved, wantSaved)
	}
}
