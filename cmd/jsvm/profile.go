package main

import (
	"fmt"
	"os"
	"runtime/pprof"
)

// profiled runs fn with a CPU profile written to $JSVM_CPUPROFILE when it
// is set (for benchmarking the command: go tool pprof jsvm FILE).
func profiled(fn func() int) int {
	path := os.Getenv("JSVM_CPUPROFILE")
	if path == "" {
		return fn()
	}
	f, err := os.Create(path)
	if err != nil {
		fmt.Fprintln(os.Stderr, "JSVM_CPUPROFILE:", err)
		return fn()
	}
	defer f.Close()
	if err := pprof.StartCPUProfile(f); err != nil {
		fmt.Fprintln(os.Stderr, "JSVM_CPUPROFILE:", err)
		return fn()
	}
	defer pprof.StopCPUProfile()
	return fn()
}
