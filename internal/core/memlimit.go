package core

import (
	"fmt"
	"math"
	"os"
	"runtime"
	"runtime/debug"
	"runtime/metrics"
	"strconv"
	"strings"
	"sync"
	"syscall"
	"time"

	"github.com/grafana/sobek"

	"github.com/jsvm-dev/jsvm/internal/engine"
)

// The heap watchdog. Growth that no builtin makes in one step (`s += s`
// doubling, `a.push(new Array(1e6))` forever, big Maps) has no hook in
// the engine, and Go's out-of-memory is fatal to the process: a jsvm
// program would die where Node throws RangeError: Invalid string length
// (strings) or itself aborts (heap). So while an isolate runs JavaScript,
// one goroutine per process reads the Go heap (runtime/metrics, a few µs)
// and, when it passes an isolate's memory limit and a forced collection
// confirms it, interrupts every realm of that isolate with a
// *MemoryLimitError: the run ends with ERR_JSVM_MEMORY_LIMIT instead of the
// process, its garbage is collectable, and the isolate stays usable (the
// interrupts are cleared when its outermost run returns).
//
// The poller needs a processor: under load, a run whose steps are huge
// single allocations (each doubling of a gigabyte string is one
// memmove Go cannot preempt) can take its next step before the poller
// sees the last, and still reach Go's fatal out-of-memory.
//
// What it cannot bound: one native step that allocates past the memory
// left (a builtin looping over a huge length — `new Array(2**32-1).fill(0)`,
// `'x'.repeat(2**28).split('')`, `Array.from({length: 2**31})` — no
// interrupt lands inside a native; Node aborts on most of these too), and
// growth faster than the polling (the last step of a doubling may take
// the heap to about three times its size before the poll: the default
// limit is a quarter of the memory the process may use). The heap is the
// process's: isolates running at the same time are all stopped when it
// passes their limit, whichever of them grew it.

// MemoryLimitError is the value a realm is interrupted with when the
// process heap passes its isolate's memory limit.
type MemoryLimitError struct {
	Limit uint64 // the isolate's limit, bytes
	Heap  uint64 // the heap seen, bytes
}

// Code is the error's Node-style code.
func (e *MemoryLimitError) Code() string { return "ERR_JSVM_MEMORY_LIMIT" }

func (e *MemoryLimitError) Error() string {
	return fmt.Sprintf("JavaScript heap out of memory: the heap reached %d MiB, over the isolate's memory limit of %d MiB", e.Heap>>20, e.Limit>>20)
}

// DefaultMemoryLimit is the limit of an isolate whose options give none:
// a quarter of what the process may use (physical memory, the cgroup's
// limit, RLIMIT_AS, Go's own memory limit, whichever is least), at most
// 4 GiB (V8's default heap limit on a 64-bit machine).
func DefaultMemoryLimit() uint64 {
	defaultLimit.once.Do(func() {
		avail := uint64(math.MaxUint64)
		if n := physicalMemory(); n > 0 {
			avail = min(avail, n)
		}
		if n := cgroupLimit(); n > 0 {
			avail = min(avail, n)
		}
		var rl syscall.Rlimit
		if syscall.Getrlimit(syscall.RLIMIT_AS, &rl) == nil && rl.Cur > 0 && rl.Cur < math.MaxInt64 {
			// address space, of which Go reserves much more than it uses
			avail = min(avail, rl.Cur/2)
		}
		if n := debug.SetMemoryLimit(-1); n > 0 && n < math.MaxInt64 {
			avail = min(avail, uint64(n))
		}
		defaultLimit.n = min(avail/4, 4<<30)
	})
	return defaultLimit.n
}

var defaultLimit struct {
	once sync.Once
	n    uint64
}

func physicalMemory() uint64 {
	b, err := os.ReadFile("/proc/meminfo")
	if err != nil {
		return 0
	}
	for _, line := range strings.Split(string(b), "\n") {
		if f := strings.Fields(line); len(f) >= 2 && f[0] == "MemTotal:" {
			n, _ := strconv.ParseUint(f[1], 10, 64)
			return n << 10
		}
	}
	return 0
}

func cgroupLimit() uint64 {
	for _, p := range []string{"/sys/fs/cgroup/memory.max", "/sys/fs/cgroup/memory/memory.limit_in_bytes"} {
		if b, err := os.ReadFile(p); err == nil {
			if n, err := strconv.ParseUint(strings.TrimSpace(string(b)), 10, 64); err == nil && n < 1<<60 {
				return n
			}
		}
	}
	return 0
}

// memWatch is the process's heap watchdog: the isolates running JS now.
var memWatch struct {
	mu sync.Mutex
	// running maps each running isolate to the heap seen when it started
	// (0 until the next poll reads it)
	running map[*Isolate]uint64
	polling bool
	lastGC  time.Time // the poller's last forced collection (only it reads this)
}

// heapBytes reads the Go heap: objects live or not yet swept, and the
// live ones as the last collection marked them.
func heapBytes(s []metrics.Sample) (objects, live uint64) {
	metrics.Read(s)
	if s[0].Value.Kind() == metrics.KindUint64 {
		objects = s[0].Value.Uint64()
	}
	if s[1].Value.Kind() == metrics.KindUint64 {
		live = s[1].Value.Uint64()
	}
	return
}

// pollEvery is how often the heap is read while an isolate runs; it is
// read ten times as often once the heap is past half a limit.
const pollEvery = 20 * time.Millisecond

// confirmWindow is how long one forced collection's verdict stands.
const confirmWindow = 20 * time.Millisecond

// EnterRun marks iso as running JavaScript until the matching ExitRun;
// entries nest. Every realm crossing does it (push/pop); a host calling
// into the main realm from its event loop does it around each task, so
// the heap watchdog covers timers and promise jobs too. Call them on the
// goroutine running the isolate.
func (iso *Isolate) EnterRun() {
	iso.runDepth++
	if iso.runDepth > 1 || iso.memLimit == 0 {
		return
	}
	memWatch.mu.Lock()
	if memWatch.running == nil {
		memWatch.running = make(map[*Isolate]uint64)
	}
	memWatch.running[iso] = 0
	if !memWatch.polling {
		memWatch.polling = true
		go pollHeap()
	}
	memWatch.mu.Unlock()
}

// ExitRun ends an EnterRun. At the outermost one iso no longer runs, and
// the memory interrupts fired at it, if any, are cleared (each realm is
// reusable).
func (iso *Isolate) ExitRun() {
	iso.runDepth--
	if iso.runDepth > 0 || iso.memLimit == 0 {
		return
	}
	memWatch.mu.Lock()
	delete(memWatch.running, iso)
	fired := iso.memFired
	iso.memFired = false
	memWatch.mu.Unlock()
	if fired {
		for _, c := range iso.Contexts() {
			c.rt.ClearInterrupt()
		}
	}
}

// pollHeap runs while some isolate runs. An isolate is stopped when the
// heap passes its limit and has grown by a quarter of the limit since its
// run started: a run that starts with the heap already over the limit
// (what an earlier run left reachable) may still run, and free it.
func pollHeap() {
	s := []metrics.Sample{{Name: "/memory/classes/heap/objects:bytes"}, {Name: "/gc/heap/live:bytes"}}
	idle := 0
	for {
		memWatch.mu.Lock()
		if len(memWatch.running) == 0 {
			// stay a while: short runs in a row would each start it
			if idle++; idle > 50 {
				memWatch.polling = false
				memWatch.mu.Unlock()
				return
			}
			memWatch.mu.Unlock()
			time.Sleep(pollEvery)
			continue
		}
		idle = 0
		memWatch.mu.Unlock()
		heap, live := heapBytes(s)
		memWatch.mu.Lock()
		least := uint64(math.MaxUint64)
		for iso, base := range memWatch.running {
			if base == 0 {
				base = max(live, 1)
				memWatch.running[iso] = base
			}
			least = min(least, threshold(iso, base))
		}
		memWatch.mu.Unlock()
		// The objects figure counts garbage not yet collected too, but a
		// run must stop before its next step: one doubling can take the
		// heap to three times its size. Set Go's memory limit
		// (debug.SetMemoryLimit, as the jsvm command does) near the
		// isolates' limit to have the collector keep garbage small there.
		if heap > least {
			// Confirm with a collection: the figure counts garbage, and a
			// run that follows one which made a lot of it (a doubling cut
			// by this watchdog, say) must not be stopped for what is no
			// longer reachable. At most one forced collection a window;
			// inside it the live figure of the last one stands in.
			if now := time.Now(); now.Sub(memWatch.lastGC) >= confirmWindow {
				runtime.GC()
				memWatch.lastGC = time.Now()
				heap, _ = heapBytes(s)
			} else {
				heap = live
			}
		}
		if heap > least {
			memWatch.mu.Lock()
			for iso, base := range memWatch.running {
				if t := threshold(iso, base); heap > t {
					iso.fireMemory(&MemoryLimitError{Limit: iso.memLimit, Heap: heap})
				}
			}
			memWatch.mu.Unlock()
		}
		wait := pollEvery
		if heap > least/2 {
			wait /= 10
		}
		time.Sleep(wait)
	}
}

func threshold(iso *Isolate, base uint64) uint64 {
	return max(iso.memLimit, base+iso.memLimit/4)
}

// fireMemory interrupts every realm of iso: the one executing stops at its
// next instruction, and every realm below it on the stack as control
// returns to it, so the whole run unwinds (the memory cannot be given back
// to a caller that might catch the error and keep what it made). Called
// with memWatch.mu held, while iso runs: its ExitRun clears them.
func (iso *Isolate) fireMemory(e *MemoryLimitError) {
	iso.memFired = true
	for _, c := range iso.Contexts() {
		interruptRuntime(c.rt, e)
	}
}

func memoryLimit(opt int64) uint64 {
	switch {
	case opt < 0:
		return 0
	case opt == 0:
		return DefaultMemoryLimit()
	}
	return uint64(opt)
}

// MemoryLimit returns iso's memory limit in bytes (0: none).
func (iso *Isolate) MemoryLimit() uint64 { return iso.memLimit }

// MemoryLimitOf returns the *MemoryLimitError err carries, if it is the
// interrupt of the heap watchdog.
func MemoryLimitOf(err any) *MemoryLimitError {
	if ie, ok := err.(*sobek.InterruptedError); ok {
		e, _ := ie.Value().(*MemoryLimitError)
		return e
	}
	return nil
}

func init() { engine.MemoryLeft = memoryLeft }

// memoryLeft is what one native step may still allocate (engine's size
// checks, allocguard.go): the least threshold of the isolates running
// (DefaultMemoryLimit when none runs) less the heap live at the last
// collection (the figure without garbage; growth since is the poller's).
func memoryLeft() float64 {
	s := []metrics.Sample{{Name: "/memory/classes/heap/objects:bytes"}, {Name: "/gc/heap/live:bytes"}}
	heap, live := heapBytes(s)
	if live > 0 {
		heap = live
	}
	least := uint64(math.MaxUint64)
	memWatch.mu.Lock()
	for iso, base := range memWatch.running {
		least = min(least, threshold(iso, base))
	}
	memWatch.mu.Unlock()
	if least == math.MaxUint64 {
		least = DefaultMemoryLimit()
	}
	return float64(least) - float64(heap)
}
