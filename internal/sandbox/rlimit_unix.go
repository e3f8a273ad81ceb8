//go:build unix

package sandbox

import (
	"fmt"
	"os"
	"os/signal"
	"strconv"
	"strings"
	"syscall"
	"time"
)

// workersSupported tells whether Options.Process can work here.
const workersSupported = true

// setRlimits bounds the worker's address space (RLIMIT_AS): what the Go
// runtime has mapped when the worker starts, plus a ceiling for the heap
// (4 x MemoryLimit + 1 GiB, or 2 GiB without a memory limit). Past it
// an allocation fails and the Go runtime ends the worker ("out of
// memory"), which the host reports as ERR_SANDBOX_WORKER_EXITED. The
// in-process budget (ERR_SANDBOX_MEMORY_LIMIT) usually ends a run long
// before; the rlimit is for what that estimate cannot see.
func setRlimits(opts Options) error {
	ceiling := int64(2 << 30)
	if opts.MemoryLimit > 0 {
		ceiling = 4*opts.MemoryLimit + 1<<30
	}
	as := uint64(mappedBytes() + ceiling)
	if err := syscall.Setrlimit(syscall.RLIMIT_AS, &syscall.Rlimit{Cur: as, Max: as}); err != nil {
		return fmt.Errorf("sandbox worker: setrlimit(RLIMIT_AS): %w", err)
	}
	// Go ignores SIGXCPU unless asked: the CPU rlimit's signal ends the worker
	ch := make(chan os.Signal, 1)
	signal.Notify(ch, syscall.SIGXCPU)
	go func() {
		<-ch
		fmt.Fprintln(os.Stderr, "sandbox worker: CPU rlimit reached")
		os.Exit(3)
	}()
	return nil
}

// mappedBytes is the process's current virtual size (Linux: /proc; other
// systems: a generous guess).
func mappedBytes() int64 {
	b, err := os.ReadFile("/proc/self/statm")
	if err != nil {
		return 2 << 30
	}
	f := strings.Fields(string(b))
	if len(f) == 0 {
		return 2 << 30
	}
	pages, err := strconv.ParseInt(f[0], 10, 64)
	if err != nil {
		return 2 << 30
	}
	return pages * int64(os.Getpagesize())
}

// armCPU sets the worker's CPU rlimit (RLIMIT_CPU, soft) to what it has
// used plus the run's budget plus a second: a run the in-process CPU
// watch could not stop ends the worker. disarmCPU lifts it between runs.
func armCPU(limit time.Duration) {
	if limit <= 0 {
		return
	}
	var ru syscall.Rusage
	if syscall.Getrusage(syscall.RUSAGE_SELF, &ru) != nil {
		return
	}
	used := time.Duration(ru.Utime.Nano() + ru.Stime.Nano())
	secs := uint64((used+limit)/time.Second) + 2
	var cur syscall.Rlimit
	if syscall.Getrlimit(syscall.RLIMIT_CPU, &cur) != nil {
		return
	}
	_ = syscall.Setrlimit(syscall.RLIMIT_CPU, &syscall.Rlimit{Cur: secs, Max: cur.Max})
}

func disarmCPU() {
	var cur syscall.Rlimit
	if syscall.Getrlimit(syscall.RLIMIT_CPU, &cur) == nil {
		_ = syscall.Setrlimit(syscall.RLIMIT_CPU, &syscall.Rlimit{Cur: cur.Max, Max: cur.Max})
	}
}
