package vm_test

import (
	"bufio"
	"bytes"
	"fmt"
	"io"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"syscall"
	"testing"
	"time"
)

// TestBreakOnSigint runs the scripts of testdata/sigint in a jsvm binary
// built for the test, with real SIGINTs (sent by the script to itself, or
// by the test once the script prints "ready"), and compares stdout and the
// way the process ended with node's, recorded in <name>.out
// (UPDATE_SNAPSHOTS=1 go test -run BreakOnSigint ./node/vm records them with
// the node on PATH).
func TestBreakOnSigint(t *testing.T) {
	if testing.Short() {
		t.Skip("builds the jsvm binary")
	}
	record := os.Getenv("UPDATE_SNAPSHOTS") != ""
	bin := "node"
	if !record {
		bin = filepath.Join(t.TempDir(), "jsvm")
		if out, err := exec.Command("go", "build", "-o", bin, "../../cmd/jsvm").CombinedOutput(); err != nil {
			t.Fatalf("build: %v\n%s", err, out)
		}
	}
	scripts, _ := filepath.Glob("testdata/sigint/*.js")
	if len(scripts) == 0 {
		t.Fatal("no scripts")
	}
	for _, script := range scripts {
		name := strings.TrimSuffix(filepath.Base(script), ".js")
		t.Run(name, func(t *testing.T) {
			got := runSigintScript(t, bin, script)
			golden := strings.TrimSuffix(script, ".js") + ".out"
			if record {
				if err := os.WriteFile(golden, []byte(got), 0o644); err != nil {
					t.Fatal(err)
				}
				return
			}
			want, err := os.ReadFile(golden)
			if err != nil {
				t.Fatal(err)
			}
			if got != string(want) {
				t.Errorf("%s:\n--- got\n%s--- want (node)\n%s", name, got, want)
			}
		})
	}
}

// runSigintScript runs script and returns its stdout followed by a line
// telling how it ended. When the script prints "ready", it gets a SIGINT.
func runSigintScript(t *testing.T, bin, script string) string {
	cmd := exec.Command(bin, script)
	var stderr bytes.Buffer
	cmd.Stderr = &stderr
	pipe, err := cmd.StdoutPipe()
	if err != nil {
		t.Fatal(err)
	}
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	done := make(chan struct{})
	timer := time.AfterFunc(30*time.Second, func() { _ = cmd.Process.Kill() })
	defer timer.Stop()
	var out strings.Builder
	go func() {
		defer close(done)
		r := bufio.NewReader(pipe)
		for {
			line, err := r.ReadString('\n')
			out.WriteString(line)
			if line == "ready\n" {
				_ = cmd.Process.Signal(syscall.SIGINT)
			}
			if err == io.EOF || err != nil {
				return
			}
		}
	}()
	<-done
	err = cmd.Wait()
	status := "exit 0"
	if ee, ok := err.(*exec.ExitError); ok {
		ws := ee.Sys().(syscall.WaitStatus)
		if ws.Signaled() {
			status = "signal " + ws.Signal().String()
		} else {
			status = fmt.Sprintf("exit %d", ws.ExitStatus())
		}
	} else if err != nil {
		t.Fatal(err)
	}
	if stderr.Len() > 0 && (status != "exit 0" || out.Len() == 0) {
		t.Logf("stderr:\n%s", stderr.String())
	}
	return out.String() + "-- " + status + "\n"
}
