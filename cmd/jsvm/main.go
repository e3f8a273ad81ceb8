// Command jsvm runs JavaScript files the way node does, on jsvm's engine.
//
//	jsvm [options] [file.js | -e code | -p code] [args...]

// Node (OpenSSL) generates and uses RSA keys of 512 bits and more; Go
// refuses fewer than 1024 unless told.
//
//go:debug rsa1024min=0
package main

import (
	"fmt"
	"io"
	"math"
	"os"
	"runtime/debug"
	"strconv"
	"strings"

	"github.com/jsvm-dev/jsvm/internal/core"
	"github.com/jsvm-dev/jsvm/internal/sandbox"
	"github.com/jsvm-dev/jsvm/node/builtins"
	"github.com/jsvm-dev/jsvm/node/child_process"
	"github.com/jsvm-dev/jsvm/node/host"
)

func main() {
	// a process sandbox (require('jsvm:sandbox'), process: true) runs in
	// this binary re-executed as its worker
	sandbox.RunWorkerIfRequested()
	// the heap watchdog stops a run when the Go heap passes the isolate's
	// memory limit (internal/core/memlimit.go); Go's soft memory limit
	// just under it makes the collector keep garbage small near it
	if debug.SetMemoryLimit(-1) == math.MaxInt64 {
		debug.SetMemoryLimit(int64(core.DefaultMemoryLimit()) * 7 / 8)
	}
	os.Exit(profiled(func() int { return run(os.Args[1:]) }))
}

func usageErr(msg string) int {
	fmt.Fprintf(os.Stderr, "%s: %s\n", os.Args[0], msg)
	return 9
}

// v8Only are V8 and Node flags jsvm accepts but does not implement (they
// tune or trace V8's heap, GC, JIT or inspector): a one-line warning, then
// ignored.
var v8Only = map[string]bool{
	"--max-old-space-size": true, "--max-semi-space-size": true, "--stack-size": true, "--trace-gc": true,
	"--gc-interval": true, "--single-threaded": true, "--expose-externalize-string": true, "--max-heap-size": true,
	"--initial-heap-size": true, "--trace-deopt": true, "--trace-opt": true, "--prof": true, "--cpu-prof": true,
	"--heap-prof": true, "--inspect": true, "--inspect-brk": true, "--jitless": true, "--optimize-for-size": true,
	"--interpreted-frames-native-stack": true, "--perf-basic-prof": true, "--huge-max-old-generation-size": true,
	"--max-http-header-size": true, "--v8-pool-size": true, "--disable-wasm-trap-handler": true,
}

// ignored are Node flags whose effect jsvm has anyway, or that only
// matter to features jsvm lacks: accepted silently.
func ignored(norm string) bool {
	switch norm {
	case "--abort-on-uncaught-exception", "--no-deprecation", "--trace-warnings", "--pending-deprecation",
		"--expose-internals", "--allow-natives-syntax", "--trace-uncaught", "--preserve-symlinks",
		"--preserve-symlinks-main", "--zero-fill-buffers", "--throw-deprecation", "--trace-deprecation",
		"--no-experimental-fetch", "--no-addons", "--no-global-search-paths", "--frozen-intrinsics":
		return true
	}
	return strings.HasPrefix(norm, "--harmony") || strings.HasPrefix(norm, "--experimental-") ||
		strings.HasPrefix(norm, "--no-") || strings.HasPrefix(norm, "--js-")
}

const usage = `Usage: jsvm [options] [ script.js ] [arguments]

Runs JavaScript as node does, on jsvm (Node's vm in Go, on sobek).

Options:
  -                          script read from stdin (default if no file name
                             is given, interactive mode if a tty)
  --                         end of jsvm options
  -c, --check                syntax check script without executing
  --enable-source-maps       source maps for stack traces
  --env-file=file            set environment variables from a file
  -e, --eval=...             evaluate script
  --expose-gc                expose gc()
  --experimental-vm-modules  vm.SourceTextModule and friends
  -h, --help                 print this help
  -i, --interactive          always enter the REPL, even if stdin is not a tty
  --import=module            preload an ES module (may be repeated)
  --input-type=type          "commonjs" or "module": how -e and stdin are read
  --no-warnings              silence process warnings
  -p, --print [...]          evaluate script and print the result
  -r, --require=module       preload a CommonJS module (may be repeated)
  --stack-trace-limit=n      Error.stackTraceLimit at start
  --unhandled-rejections=... throw (default), strict, warn, none, warn-with-error-code
  -v, --version              print jsvm's version and the Node.js API level
  --vm-api=v10|v14|v25       the vm module API of Node v10, v14 (default) or v25

V8 tuning flags (--max-old-space-size, --trace-gc, ...) are accepted with a
warning and ignored. NODE_OPTIONS is read as node reads it.
`

func run(args []string) int {
	opts := host.Options{
		Registry: builtins.DefaultRegistry(),
		Stdout:   os.Stdout,
		Stderr:   os.Stderr,
		Stdin:    os.Stdin,
		Argv0:    os.Args[0],
	}
	var (
		evalCode    string
		haveEval    bool
		printEval   bool
		check       bool
		interactive bool
		inputType   string
		imports     []string
		execArgv    []string
	)
	// NODE_OPTIONS flags come first, as node reads them
	if no := strings.Fields(os.Getenv("NODE_OPTIONS")); len(no) > 0 {
		for _, f := range no {
			if !strings.HasPrefix(f, "-") {
				return usageErr(f + " is not allowed in NODE_OPTIONS")
			}
		}
		args = append(append([]string(nil), no...), args...)
	}
	i := 0
	for ; i < len(args); i++ {
		a := args[i]
		if a == "--" {
			i++
			break
		}
		if !strings.HasPrefix(a, "-") || a == "-" {
			break
		}
		execArgv = append(execArgv, a)
		name, val, hasVal := strings.Cut(a, "=")
		norm := strings.ReplaceAll(name, "_", "-")
		needVal := func() (string, bool) {
			if hasVal {
				return val, true
			}
			if i+1 < len(args) {
				i++
				execArgv = append(execArgv, args[i])
				return args[i], true
			}
			return "", false
		}
		switch {
		case norm == "-h" || norm == "--help":
			fmt.Print(usage)
			return 0
		case norm == "-v" || norm == "--version":
			fmt.Printf("jsvm %s\nNode.js API %s\n", host.JSVMVersion, host.NodeVersion)
			return 0
		case norm == "-e" || norm == "--eval" || norm == "-p" || norm == "--print" || norm == "-pe":
			v, ok := needVal()
			if !ok {
				return usageErr(a + " requires an argument")
			}
			evalCode, haveEval = v, true
			printEval = norm == "-p" || norm == "--print" || norm == "-pe"
		case norm == "-c" || norm == "--check":
			check = true
		case norm == "-i" || norm == "--interactive":
			interactive = true
		case norm == "-r" || norm == "--require":
			v, ok := needVal()
			if !ok {
				return usageErr(a + " requires an argument")
			}
			opts.Preload = append(opts.Preload, v)
		case norm == "--import":
			v, ok := needVal()
			if !ok {
				return usageErr(a + " requires an argument")
			}
			imports = append(imports, v)
		case norm == "--input-type":
			v, ok := needVal()
			if !ok || (v != "module" && v != "commonjs") {
				fmt.Fprintf(os.Stderr, "%s: --input-type must be \"module\" or \"commonjs\"\n", os.Args[0])
				return 9
			}
			inputType = v
		case norm == "--stack-trace-limit":
			v, ok := needVal()
			n, err := strconv.Atoi(v)
			if !ok || err != nil {
				return usageErr(a + " requires a number")
			}
			opts.StackTraceLimit = &n
		case norm == "--enable-source-maps":
			opts.EnableSourceMaps = true
		case norm == "--env-file":
			v, ok := needVal()
			if !ok {
				return usageErr(a + " requires an argument")
			}
			if err := loadEnvFile(v); err != nil {
				fmt.Fprintf(os.Stderr, "%s: %s: not found\n", os.Args[0], v)
				return 9
			}
		case norm == "--experimental-vm-modules":
			opts.ExperimentalVMModules = true
		case norm == "--vm-api":
			v, ok := needVal()
			if !ok {
				return usageErr(a + " requires an argument")
			}
			switch v {
			case "v10", "v25":
				opts.VMAPI = v
			case "v14":
				opts.VMAPI = ""
			default:
				return usageErr(a + ": the vm API level is one of v10, v14 (default), v25")
			}
		case norm == "--expose-gc":
			opts.ExposeGC = true
		case norm == "--no-warnings":
			opts.NoWarnings = true
		case norm == "--unhandled-rejections":
			v, _ := needVal()
			opts.UnhandledRejections = v
		case v8Only[norm]:
			if !hasVal && (norm == "--max-old-space-size" || norm == "--max-semi-space-size" || norm == "--stack-size" ||
				norm == "--gc-interval" || norm == "--max-heap-size" || norm == "--initial-heap-size") && i+1 < len(args) &&
				!strings.HasPrefix(args[i+1], "-") && isNumber(args[i+1]) {
				needVal()
			}
			fmt.Fprintf(os.Stderr, "%s: warning: %s is a V8 flag jsvm does not implement; ignored\n", os.Args[0], name)
		case ignored(norm):
			// accepted; no effect in jsvm
		default:
			return usageErr("bad option: " + a)
		}
	}
	// --import preloads an ES module: as a require of it here, which
	// loads ES modules synchronously (require(esm))
	opts.Preload = append(opts.Preload, imports...)
	rest := args[i:]
	opts.ExecArgv = execArgv
	exe, err := os.Executable()
	if err != nil {
		exe = os.Args[0]
	}
	newHost := func(argv []string) (*host.Host, bool) {
		opts.Argv = argv
		h, err := host.New(opts)
		if err != nil {
			fmt.Fprintln(os.Stderr, err)
			return nil, false
		}
		if err := child_process.SetupChannel(h); err != nil { // process.send when spawned with 'ipc'
			fmt.Fprintln(os.Stderr, err)
			return nil, false
		}
		return h, true
	}
	if haveEval {
		h, ok := newHost(append([]string{exe}, rest...))
		if !ok {
			return 1
		}
		if inputType == "module" && !printEval {
			return h.RunModuleSource(evalCode, "[eval1]")
		}
		return h.RunSource(evalCode, "[eval]", printEval)
	}
	stdinScript := len(rest) > 0 && rest[0] == "-"
	if stdinScript {
		rest = rest[1:]
	}
	if len(rest) == 0 || stdinScript {
		if !stdinScript && (interactive || host.IsTerminal(0)) {
			h, ok := newHost(append([]string{exe}, rest...))
			if !ok {
				return 1
			}
			return runREPL(h)
		}
		code, err := io.ReadAll(os.Stdin)
		if err != nil {
			fmt.Fprintln(os.Stderr, err)
			return 1
		}
		opts.Stdin = nil // consumed as the script
		h, ok := newHost(append([]string{exe, "-"}, rest...))
		if !ok {
			return 1
		}
		if inputType == "module" {
			return h.RunModuleSource(string(code), "[stdin]")
		}
		return h.RunSource(string(code), "[stdin]", false)
	}
	main := rest[0]
	abs := main
	if a, err := absPath(main); err == nil {
		abs = a
	}
	h, ok := newHost(append([]string{exe, abs}, rest[1:]...))
	if !ok {
		return 1
	}
	if check {
		return h.CheckSyntax(main)
	}
	return h.RunMain(main)
}

func isNumber(s string) bool {
	_, err := strconv.ParseFloat(s, 64)
	return err == nil
}

// loadEnvFile sets the variables of a dotenv file (KEY=value lines,
// # comments, optional export prefix and quotes) that the environment
// does not have yet, as node --env-file.
func loadEnvFile(path string) error {
	b, err := os.ReadFile(path)
	if err != nil {
		return err
	}
	lines := strings.Split(strings.ReplaceAll(string(b), "\r\n", "\n"), "\n")
	for i := 0; i < len(lines); i++ {
		l := strings.TrimSpace(lines[i])
		if l == "" || strings.HasPrefix(l, "#") {
			continue
		}
		l = strings.TrimPrefix(l, "export ")
		k, v, ok := strings.Cut(l, "=")
		if !ok {
			continue
		}
		k = strings.TrimSpace(k)
		v = strings.TrimSpace(v)
		if len(v) > 0 && (v[0] == '"' || v[0] == '\'' || v[0] == '`') {
			q := v[0]
			body := v[1:]
			// a quoted value may span lines
			for !strings.Contains(body, string(q)) && i+1 < len(lines) {
				i++
				body += "\n" + lines[i]
			}
			if j := strings.IndexByte(body, q); j >= 0 {
				body = body[:j]
			}
			if q == '"' {
				body = strings.ReplaceAll(body, "\\n", "\n")
			}
			v = body
		} else if j := strings.Index(v, " #"); j >= 0 {
			v = strings.TrimSpace(v[:j])
		}
		if _, exists := os.LookupEnv(k); !exists {
			os.Setenv(k, v)
		}
	}
	return nil
}
