package main

import (
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
)

// TestCLI builds jsvm and runs it as a user would; expectations are what
// node v20 prints for the same command lines.
func TestCLI(t *testing.T) {
	if testing.Short() {
		t.Skip("builds the binary")
	}
	dir := t.TempDir()
	bin := filepath.Join(dir, "jsvm")
	if out, err := exec.Command("go", "build", "-o", bin, ".").CombinedOutput(); err != nil {
		t.Fatalf("build: %v\n%s", err, out)
	}
	script := filepath.Join(dir, "s.js")
	os.WriteFile(script, []byte("console.log(process.argv.slice(2).join(','), require.main === module);\nprocess.exitCode = 3;\n"), 0o644)
	esm := filepath.Join(dir, "m.mjs")
	os.WriteFile(esm, []byte("import { Script } from 'node:vm';\nconsole.log(typeof Script, await Promise.resolve(7));\n"), 0o644)
	thrower := filepath.Join(dir, "t.js")
	os.WriteFile(thrower, []byte("throw new Error('x');\n"), 0o644)
	cases := []struct {
		args       []string
		out, errIn string
		code       int
	}{
		{[]string{"--version"}, "v20.20.2\n", "", 0},
		{[]string{"-p", "1 + 1"}, "2\n", "", 0},
		{[]string{"-p", "({ a: [1, 'x'] })"}, "{ a: [ 1, 'x' ] }\n", "", 0},
		{[]string{"-e", "console.log(process.argv.length)", "a", "b"}, "3\n", "", 0},
		{[]string{"--expose-gc", "--max-old-space-size=32", "-e", "gc(); console.log(typeof gc)"}, "function\n", "", 0},
		{[]string{"-e", "process.exit(4)"}, "", "", 4},
		{[]string{"--expose_gc", "--", script, "x", "y"}, "x,y true\n", "", 3},
		{[]string{"--experimental-vm-modules", esm}, "function 7\n", "", 0},
		{[]string{thrower}, "", "\nError: x\n", 1},
		{[]string{"-e", "setTimeout(() => console.log('late'), 5); Promise.resolve().then(() => console.log('early'))"}, "early\nlate\n", "", 0},
	}
	for _, c := range cases {
		cmd := exec.Command(bin, c.args...)
		var o, e strings.Builder
		cmd.Stdout, cmd.Stderr = &o, &e
		err := cmd.Run()
		code := 0
		if ee, ok := err.(*exec.ExitError); ok {
			code = ee.ExitCode()
		} else if err != nil {
			t.Fatal(err)
		}
		if o.String() != c.out || code != c.code || !strings.Contains(e.String(), c.errIn) {
			t.Errorf("jsvm %q: got out %q err %q code %d; want out %q err containing %q code %d",
				c.args, o.String(), e.String(), code, c.out, c.errIn, c.code)
		}
	}
}
