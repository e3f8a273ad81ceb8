package main

import (
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"sync"
	"testing"
)

var (
	buildOnce sync.Once
	binPath   string
	buildErr  error
	binDir    string
)

// jsvmBinary builds the jsvm command once for the package's tests.
func jsvmBinary(t *testing.T) string {
	buildOnce.Do(func() {
		binDir, buildErr = os.MkdirTemp("", "jsvm-cli")
		if buildErr != nil {
			return
		}
		binPath = filepath.Join(binDir, "jsvm")
		if out, err := exec.Command("go", "build", "-o", binPath, ".").CombinedOutput(); err != nil {
			buildErr = fmt.Errorf("build: %v\n%s", err, out)
		}
	})
	if buildErr != nil {
		t.Fatal(buildErr)
	}
	return binPath
}

func TestMain(m *testing.M) {
	code := m.Run()
	if binDir != "" {
		os.RemoveAll(binDir)
	}
	os.Exit(code)
}

// TestCLI builds jsvm and runs it as a user would; expectations are what
// node v20 prints for the same command lines.
func TestCLI(t *testing.T) {
	if testing.Short() {
		t.Skip("builds the binary")
	}
	dir := t.TempDir()
	bin := jsvmBinary(t)
	script := filepath.Join(dir, "s.js")
	os.WriteFile(script, []byte("console.log(process.argv.slice(2).join(','), require.main === module);\nprocess.exitCode = 3;\n"), 0o644)
	esm := filepath.Join(dir, "m.mjs")
	os.WriteFile(esm, []byte("import { Script } from 'node:vm';\nconsole.log(typeof Script, await Promise.resolve(7));\n"), 0o644)
	thrower := filepath.Join(dir, "t.js")
	os.WriteFile(thrower, []byte("throw new Error('x');\n"), 0o644)
	pre := filepath.Join(dir, "pre.js")
	os.WriteFile(pre, []byte("globalThis.preloaded = 'yes';\n"), 0o644)
	envFile := filepath.Join(dir, "e.env")
	os.WriteFile(envFile, []byte("# comment\nJSVM_T1=one\nexport JSVM_T2=\"two words\"\n"), 0o644)
	bad := filepath.Join(dir, "bad.js")
	os.WriteFile(bad, []byte("let a = \n"), 0o644)
	smap := func(f string) string { p, _ := filepath.Abs(filepath.Join("testdata", "sourcemap", f)); return p }
	cases := []struct {
		args       []string
		out, errIn string
		code       int
		stdin, env string
	}{
		{args: []string{"--version"}, out: "jsvm 0.1.0\nNode.js API v20.20.2\n"},
		{args: []string{"-h"}, out: usage},
		{args: []string{"--help"}, out: usage},
		{args: []string{"-p", "'abc'"}, out: "abc\n"},
		{args: []string{"-p", "['abc']"}, out: "[ 'abc' ]\n"},
		// builtin modules as lazy globals, as node -e/-p (node-recorded)
		{args: []string{"-e", "console.log(typeof vm, typeof fs, Object.keys(globalThis).includes('fs'), typeof Object.getOwnPropertyDescriptor(globalThis,'os').get)"}, out: "object object false function\n"},
		{args: []string{"-p", "vm = 5; [vm, Object.getOwnPropertyDescriptor(globalThis,'vm').enumerable]"}, out: "[ 5, true ]\n"},
		{args: []string{"-p", "typeof _stream_readable + typeof fs.promises + (path === require('path'))"}, out: "undefinedobjecttrue\n"},
		{args: nil, stdin: "console.log('stdin', __filename)", out: "stdin [stdin]\n"},
		{args: []string{"-", "a"}, stdin: "console.log(process.argv.length, process.argv[2])", out: "3 a\n"},
		{args: []string{"--input-type=module", "-e", "import p from 'node:path'; console.log(p.sep, import.meta.url.endsWith('/[eval1]'))"}, out: "/ true\n"},
		{args: []string{"--input-type", "module"}, stdin: "import { sep } from 'path'; console.log(sep, await 1)", out: "/ 1\n"},
		{args: []string{"--input-type=x", "-e", "1"}, errIn: "--input-type must be", code: 9},
		{args: []string{"--check", bad}, errIn: "SyntaxError: Unexpected end of input", code: 1},
		{args: []string{"-c", script}, code: 0},
		{args: []string{"-r", pre, "-p", "preloaded"}, out: "yes\n"},
		{args: []string{"--require=" + pre, "-e", "console.log(preloaded)"}, out: "yes\n"},
		{args: []string{"--import", pre, "-p", "preloaded"}, out: "yes\n"},
		{args: []string{"--stack-trace-limit=3", "-p", "Error.stackTraceLimit"}, out: "3\n"},
		{args: []string{"--env-file=" + envFile, "-p", "process.env.JSVM_T1 + '/' + process.env.JSVM_T2"}, out: "one/two words\n"},
		{args: []string{"--env-file=/nope.env", "-e", "1"}, errIn: "/nope.env: not found", code: 9},
		{args: []string{"-p", "Error.stackTraceLimit"}, env: "NODE_OPTIONS=--stack-trace-limit=5", out: "5\n"},
		{args: []string{"-p", "1"}, env: "NODE_OPTIONS=--bogus", errIn: "bad option: --bogus", code: 9},
		{args: []string{"--trace-gc", "--max-old-space-size", "64", "-p", "1"}, out: "1\n", errIn: "warning: --trace-gc is a V8 flag jsvm does not implement; ignored"},
		{args: []string{"--enable-source-maps", "-p", "2"}, out: "2\n"},
		{args: []string{"--enable-source-maps", smap("out.js")}, errIn: smap("src.ts") + ":2\n  throw new Error(\"from ts \" + n);\n  ^\n\n\nError: from ts x\n    at greet (" + smap("src.ts") + ":2:3)\n    at Object.<anonymous> (" + smap("src.ts") + ":4:1)\n", code: 1},
		{args: []string{smap("out.js")}, errIn: "at greet (" + smap("out.js") + ":2:11)", code: 1},
		{args: []string{"--enable-source-maps", smap("nomap.js")}, errIn: "Error: no map\n    at Object.<anonymous> (" + smap("nomap.js") + ":1:7)", code: 1},
		{args: []string{"--bogus"}, errIn: "bad option: --bogus", code: 9},
		{args: []string{"-i"}, stdin: "let x = 2\nx * 3\n_ + 1\n[1,\n2]\n{a: 1}\nthrow new Error('boom')\n.exit\n",
			out: "Welcome to jsvm 0.1.0 (Node.js API v20.20.2).\nType \".help\" for more information.\n> undefined\n> 6\n> 7\n> ... [ 1, 2 ]\n> { a: 1 }\n> Uncaught Error: boom\n> "},
		{args: []string{"-e", "console.log(process.argv0 === process.argv[0])"}, out: "true\n"},
		{args: []string{"-p", "Object.keys(process.resourceUsage()).length + ' ' + (process.getuid() === require('os').userInfo().uid)"}, out: "16 true\n"},
		{args: []string{"-e", "process.stdin.setEncoding('utf8'); let s = ''; process.stdin.on('data', (c) => s += c); process.stdin.on('end', () => console.log(JSON.stringify(s), process.stdin.isTTY))"},
			stdin: "ab\ncd", out: "\"ab\\ncd\" undefined\n"},
		{args: []string{"-e", "const it = process.stdin[Symbol.asyncIterator](); let n = 0; const next = () => it.next().then((r) => { if (r.done) console.log(n); else { n += r.value.length; next(); } }); next()"},
			stdin: strings.Repeat("x", 200000), out: "200000\n"},
		{args: []string{"-e", "require('readline').createInterface({ input: process.stdin }).on('line', (l) => console.log('line', l)).on('close', () => process.stdout.write('closed\\n'))"},
			stdin: "a\r\nb\n", out: "line a\nline b\nclosed\n"},
		{args: []string{"-e", "process.stdin.once('data', () => {}); console.log('exits')"}, out: "exits\n"},
		{args: []string{"-p", "1 + 1"}, out: "2\n", errIn: "", code: 0},
		{args: []string{"-p", "({ a: [1, 'x'] })"}, out: "{ a: [ 1, 'x' ] }\n", errIn: "", code: 0},
		{args: []string{"-e", "console.log(process.argv.length)", "a", "b"}, out: "3\n", errIn: "", code: 0},
		{args: []string{"--expose-gc", "--max-old-space-size=32", "-e", "gc(); console.log(typeof gc)"}, out: "function\n", errIn: "", code: 0},
		{args: []string{"-e", "process.exit(4)"}, out: "", errIn: "", code: 4},
		{args: []string{"--expose_gc", "--", script, "x", "y"}, out: "x,y true\n", errIn: "", code: 3},
		{args: []string{"--experimental-vm-modules", esm}, out: "function 7\n", errIn: "", code: 0},
		{args: []string{thrower}, out: "", errIn: "\nError: x\n", code: 1},
		// the memory stop is fatal as Node's heap out of memory (exit code
		// 134), printed from Go: no handler or 'exit' listener runs (the
		// heap is still full)
		{args: []string{"-e", "process.on('uncaughtException', () => console.log('handled')); process.on('exit', () => console.log('exit')); const a = []; for (;;) a.push('x' + a.length)"},
			env: "GOMEMLIMIT=600MiB", out: "", errIn: "RangeError [ERR_JSVM_MEMORY_LIMIT]: JavaScript heap out of memory: the heap reached ", code: 134},
		{args: []string{"-e", "setTimeout(() => console.log('late'), 5); Promise.resolve().then(() => console.log('early'))"}, out: "early\nlate\n", errIn: "", code: 0},
	}
	for _, c := range cases {
		cmd := exec.Command(bin, c.args...)
		cmd.Stdin = strings.NewReader(c.stdin)
		cmd.Env = os.Environ()
		if c.env != "" {
			cmd.Env = append(cmd.Env, c.env)
		}
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
