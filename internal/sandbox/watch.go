package sandbox

import (
	"context"
	"runtime"
	"runtime/metrics"
	"sync"
	"sync/atomic"
	"time"
)

// watch enforces one run's limits from outside the run: the wall-clock
// timeout, the context's cancellation, the CPU budget (the run's thread's
// CPU clock) and the memory budget (the process heap's growth during the
// run, shared among the runs that have a budget at that moment). Firing
// interrupts the sandbox's runtime; disarm makes sure no interrupt lands
// after the run and clears one that did.
type watch struct {
	s      *Sandbox
	mu     sync.Mutex
	done   bool
	reason *LimitError
	fired  chan struct{}
	hit    atomic.Bool

	timer    *time.Timer
	stopCtx  func() bool
	stopTick chan struct{}
	ticker   sync.WaitGroup
}

// tickEvery is how often the CPU and memory budgets are looked at.
const tickEvery = 2 * time.Millisecond

func (s *Sandbox) arm(ctx context.Context) *watch {
	w := &watch{s: s, fired: make(chan struct{})}
	if err := ctx.Err(); err != nil {
		w.fire(ctxLimit(err))
	}
	if t := s.opts.Timeout; t > 0 {
		w.timer = time.AfterFunc(t, func() {
			w.fire(limitErr(CodeTimeout, "Error", "Script execution timed out after %dms", t.Milliseconds()))
		})
	}
	if ctx.Done() != nil {
		w.stopCtx = context.AfterFunc(ctx, func() { w.fire(ctxLimit(ctx.Err())) })
	}
	if s.opts.CPULimit > 0 || s.opts.MemoryLimit > 0 {
		w.stopTick = make(chan struct{})
		w.ticker.Add(1)
		go w.tick(currentThreadClock())
	}
	return w
}

func ctxLimit(err error) *LimitError {
	code := CodeInterrupted
	if err == context.DeadlineExceeded {
		code = CodeTimeout
	}
	le := limitErr(code, "Error", "Script execution was interrupted: %v", err)
	le.Cause = err
	return le
}

// fire interrupts the run with reason (the first reason wins).
func (w *watch) fire(reason *LimitError) {
	w.mu.Lock()
	defer w.mu.Unlock()
	if w.done || w.reason != nil {
		return
	}
	w.reason = reason
	w.hit.Store(true)
	close(w.fired)
	w.s.rt.Interrupt(reason)
}

// stopped tells the codec that the run is over its limits.
func (w *watch) stopped() bool { return w.hit.Load() }

func (w *watch) reasonOr() *LimitError {
	w.mu.Lock()
	defer w.mu.Unlock()
	if w.reason != nil {
		return w.reason
	}
	return limitErr(CodeInterrupted, "Error", "Script execution was interrupted")
}

// disarm ends the watch and returns the reason it fired, or nil.
func (w *watch) disarm() *LimitError {
	if w.timer != nil {
		w.timer.Stop()
	}
	if w.stopCtx != nil {
		w.stopCtx()
	}
	if w.stopTick != nil {
		close(w.stopTick)
		w.ticker.Wait()
	}
	w.mu.Lock()
	w.done = true
	w.mu.Unlock()
	w.s.rt.ClearInterrupt()
	return w.reason
}

// Memory accounting shared by the runs with a memory budget.
var (
	budgeted  atomic.Int64 // runs with a memory budget in progress
	lastGC    atomic.Int64 // unix nanos of the last confirming GC
	heapMu    sync.Mutex
	heapSmpl  = []metrics.Sample{{Name: "/memory/classes/heap/objects:bytes"}}
	gcEvery   = 20 * time.Millisecond
	heapBytes = func() int64 {
		heapMu.Lock()
		defer heapMu.Unlock()
		metrics.Read(heapSmpl)
		return int64(heapSmpl[0].Value.Uint64())
	}
)

func (w *watch) tick(clock threadClock) {
	defer w.ticker.Done()
	limit := w.s.opts.MemoryLimit
	var base int64
	if limit > 0 {
		budgeted.Add(1)
		defer budgeted.Add(-1)
		base = heapBytes()
	}
	cpu0, cpuOK := clock.Read()
	t := time.NewTicker(tickEvery)
	defer t.Stop()
	for {
		select {
		case <-w.stopTick:
			return
		case <-t.C:
		}
		if cpuLimit := w.s.opts.CPULimit; cpuLimit > 0 && cpuOK {
			if now, ok := clock.Read(); ok && now-cpu0 > cpuLimit {
				w.fire(limitErr(CodeCPU, "Error", "Script execution used more than %dms of CPU time", cpuLimit.Milliseconds()))
				return
			}
		}
		if limit > 0 {
			if w.charge(base) > limit && w.confirm(base) > limit {
				le := limitErr(CodeMemory, "RangeError", "Sandbox memory limit of %d bytes exceeded", limit)
				le.Disposed = true
				w.fire(le)
				return
			}
		}
	}
}

// charge is this run's share of the heap's growth since it started.
func (w *watch) charge(base int64) int64 {
	n := budgeted.Load()
	if n < 1 {
		n = 1
	}
	return (heapBytes() - base) / n
}

// confirm collects garbage (at most every gcEvery, process-wide) before a
// run is stopped for memory, so that only live growth counts.
func (w *watch) confirm(base int64) int64 {
	now := time.Now().UnixNano()
	if last := lastGC.Load(); now-last > int64(gcEvery) && lastGC.CompareAndSwap(last, now) {
		runtime.GC()
	}
	return w.charge(base)
}
