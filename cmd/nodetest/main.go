// Command nodetest runs Node's own vm tests (test-vm-*.js/.mjs from Node's
// test/ directory, extracted with fetch-tests.sh) against a Node-like
// binary: jsvm by default, or node itself to check the runner.
//
//	go run ./cmd/nodetest -dir /work/nodetests/v18.12.1/test [-bin PATH]
//	    [-skip FILE] [-j 2] [-timeout 60s] [-v] [pattern...]
//
// Each test is copied into a temporary tree next to our own stand-ins for
// Node's test/common helpers and run as `bin [flags] file`, where flags
// come from the test's `// Flags:` line. A test passes when it exits 0;
// tests in known_issues/ pass when they fail, and are "jsvm fixed" when
// they pass. The last line of output is "N passed, N failed, N skipped[, N
// jsvm fixed]", then the same counts for the files of the newer-API list;
// the exit status is 1 when any failed.
package main

import (
	"flag"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"time"
)

func main() {
	os.Exit(run())
}

func run() int {
	dir := flag.String("dir", "", "Node's test directory (with parallel/, known_issues/, fixtures/, ...)")
	bin := flag.String("bin", "", "binary to test (default: build ./cmd/jsvm); `node` runs real Node")
	skipFile := flag.String("skip", "", "skip list: lines of `suite/test-file reason...` (default: cmd/nodetest/skip.txt when it exists)")
	newerFile := flag.String("newer", "", "newer-API list, as the skip list: files testing API newer than Node v20, counted apart (default: cmd/nodetest/newer-api.txt when it exists)")
	jobs := flag.Int("j", 2, "tests to run at once")
	timeout := flag.Duration("timeout", 60*time.Second, "time limit of one test")
	verbose := flag.Bool("v", false, "show the first lines of a failing test's output")
	keep := flag.Bool("keep", false, "keep the temporary test tree")
	vmAPI := flag.String("vm-api", "auto", "jsvm's --vm-api for every test (auto: v25 for the main suite unless the binary is node; empty: none)")
	flag.Usage = func() {
		fmt.Fprintf(os.Stderr, "usage: nodetest -dir TESTDIR [-bin PATH] [-skip FILE] [-j N] [-timeout D] [-v] [pattern...]\n")
		flag.PrintDefaults()
	}
	flag.Parse()
	if *dir == "" {
		flag.Usage()
		return 2
	}
	if *skipFile == "" {
		if _, err := os.Stat("cmd/nodetest/skip.txt"); err == nil {
			*skipFile = "cmd/nodetest/skip.txt"
		}
	}
	if *newerFile == "" {
		if _, err := os.Stat("cmd/nodetest/newer-api.txt"); err == nil {
			*newerFile = "cmd/nodetest/newer-api.txt"
		}
	}
	version := ""
	if abs, err := filepath.Abs(*dir); err == nil {
		version = filepath.Base(filepath.Dir(abs))
	}
	skips, err := LoadSkipList(*skipFile, version)
	if err != nil {
		fmt.Fprintln(os.Stderr, "nodetest:", err)
		return 2
	}
	newer, err := LoadNewerList(*newerFile, version)
	if err != nil {
		fmt.Fprintln(os.Stderr, "nodetest:", err)
		return 2
	}
	tests, err := Discover(*dir, flag.Args())
	if err != nil {
		fmt.Fprintln(os.Stderr, "nodetest:", err)
		return 2
	}
	if len(tests) == 0 {
		fmt.Fprintln(os.Stderr, "nodetest: no test-vm-* files found under", *dir)
		return 2
	}
	tree, err := NewTree(*dir)
	if err != nil {
		fmt.Fprintln(os.Stderr, "nodetest:", err)
		return 2
	}
	if *keep {
		fmt.Fprintln(os.Stderr, "nodetest: test tree in", tree.Root)
	} else {
		defer tree.Remove()
	}

	binary := *bin
	switch {
	case binary == "":
		binary = filepath.Join(tree.Root, "jsvm")
		build := exec.Command("go", "build", "-o", binary, "github.com/jsvm-dev/jsvm/cmd/jsvm")
		build.Stdout, build.Stderr = os.Stderr, os.Stderr
		if err := build.Run(); err != nil {
			fmt.Fprintln(os.Stderr, "nodetest: building cmd/jsvm:", err)
			return 2
		}
	default:
		if p, err := exec.LookPath(binary); err == nil {
			binary = p
		}
		if abs, err := filepath.Abs(binary); err == nil {
			binary = abs
		}
	}

	r := &Runner{Bin: binary, Timeout: *timeout, Tree: tree, Skips: skips, Newer: newer}
	// Node's main suite tests Node v25's vm API: jsvm runs it at that API
	// level (node itself takes no such flag)
	api := *vmAPI
	if api == "auto" {
		api = ""
		if version == "main" && filepath.Base(binary) != "node" {
			api = "v25"
		}
	}
	if api != "" {
		r.Args = []string{"--vm-api=" + api}
	}
	results := r.RunAll(tests, *jobs, func(res Result) {
		fmt.Println(res.Line())
		if *verbose && res.Status == Fail {
			out := res.Stderr
			if len(out) == 0 {
				out = res.Stdout
			}
			if len(out) > 0 {
				fmt.Println(FirstLines(out, 15, "    "))
			}
		}
	})
	fmt.Println(Summary(results))
	for _, res := range results {
		if res.Status == Fail {
			return 1
		}
	}
	return 0
}
