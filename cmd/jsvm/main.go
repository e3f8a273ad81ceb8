// Command jsvm runs JavaScript files the way node does, on jsvm's engine.
//
//	jsvm [options] [file.js | -e code | -p code] [args...]
package main

import (
	"fmt"
	"os"
	"strings"

	"github.com/jsvm-dev/jsvm/node/builtins"
	"github.com/jsvm-dev/jsvm/node/child_process"
	"github.com/jsvm-dev/jsvm/node/host"
)

func main() {
	os.Exit(profiled(func() int { return run(os.Args[1:]) }))
}

func usageErr(msg string) int {
	fmt.Fprintf(os.Stderr, "%s: %s\n", os.Args[0], msg)
	return 9
}

func run(args []string) int {
	opts := host.Options{
		Registry: builtins.DefaultRegistry(),
		Stdout:   os.Stdout,
		Stderr:   os.Stderr,
	}
	var (
		evalCode  string
		haveEval  bool
		printEval bool
		execArgv  []string
	)
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
		case norm == "-v" || norm == "--version":
			fmt.Println(host.NodeVersion)
			return 0
		case norm == "-e" || norm == "--eval" || norm == "-p" || norm == "--print" || norm == "-pe":
			v, ok := needVal()
			if !ok {
				return usageErr(a + " requires an argument")
			}
			evalCode, haveEval = v, true
			printEval = norm == "-p" || norm == "--print" || norm == "-pe"
		case norm == "--experimental-vm-modules":
			opts.ExperimentalVMModules = true
		case norm == "--vm-api":
			v, ok := needVal()
			if !ok {
				return usageErr(a + " requires an argument")
			}
			opts.VMAPI = v
		case norm == "--expose-gc":
			opts.ExposeGC = true
		case norm == "--no-warnings":
			opts.NoWarnings = true
		case norm == "--unhandled-rejections":
			v, _ := needVal()
			opts.UnhandledRejections = v
		case norm == "--max-old-space-size", norm == "--stack-size", norm == "--abort-on-uncaught-exception",
			strings.HasPrefix(norm, "--harmony"), strings.HasPrefix(norm, "--experimental-"),
			norm == "--no-deprecation", norm == "--trace-warnings", norm == "--pending-deprecation",
			norm == "--expose-internals", norm == "--allow-natives-syntax", norm == "--trace-uncaught",
			strings.HasPrefix(norm, "--no-"), norm == "--preserve-symlinks", norm == "--zero-fill-buffers",
			// V8 flags Node's tests pass (GC tracing and sizing, language
			// features, stack traces): they tune or trace V8 only
			norm == "--trace-gc", norm == "--max-semi-space-size", norm == "--gc-interval", norm == "--stack-trace-limit",
			strings.HasPrefix(norm, "--js-"), norm == "--single-threaded", norm == "--expose-externalize-string":
			// accepted and ignored
		default:
			return usageErr("bad option: " + a)
		}
	}
	rest := args[i:]
	opts.ExecArgv = execArgv
	exe, err := os.Executable()
	if err != nil {
		exe = os.Args[0]
	}
	if haveEval {
		opts.Argv = append([]string{exe}, rest...)
		h, err := host.New(opts)
		if err != nil {
			fmt.Fprintln(os.Stderr, err)
			return 1
		}
		if err := child_process.SetupChannel(h); err != nil {
			fmt.Fprintln(os.Stderr, err)
			return 1
		}
		name := "[eval]"
		return h.RunSource(evalCode, name, printEval)
	}
	if len(rest) == 0 {
		fmt.Fprintln(os.Stderr, "usage: jsvm [options] [file.js | -e code | -p code] [args...]")
		return 9
	}
	main := rest[0]
	abs := main
	if a, err := absPath(main); err == nil {
		abs = a
	}
	opts.Argv = append([]string{exe, abs}, rest[1:]...)
	h, err := host.New(opts)
	if err != nil {
		fmt.Fprintln(os.Stderr, err)
		return 1
	}
	if err := child_process.SetupChannel(h); err != nil { // process.send when spawned with 'ipc'
		fmt.Fprintln(os.Stderr, err)
		return 1
	}
	return h.RunMain(main)
}
