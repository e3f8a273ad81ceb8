package host

import (
	"container/heap"
	"time"

	"github.com/grafana/sobek"
	"github.com/jsvm-dev/jsvm/internal/core"
	"github.com/jsvm-dev/jsvm/internal/engine"
)

// exitSignal is the interrupt value used to unwind JS on process.exit or a
// fatal error.
type exitSignal struct{}

type tick struct {
	fn   sobek.Callable
	args []sobek.Value
}

// macrotask runs fn as one Node callback: inside a single outer call into
// the runtime, followed by the nextTick queue; sobek then drains promise
// jobs when the outer call returns; nextTicks queued by promise jobs run
// after, and so on until both queues are empty (Node's
// processTicksAndRejections).
func (h *Host) macrotask(fn func()) {
	if h.stopped || h.checkTerminated() {
		return
	}
	h.outer(func() {
		fn()
		if h.ticksAfterJobs {
			// the ESM entry evaluates inside a promise job in Node, so
			// its nextTicks wait for the promise jobs (settle runs them)
			h.ticksAfterJobs = false
			return
		}
		h.drainTicks()
	})
	h.settle()
	h.Isolate.ClearKeptObjects() // the task is over: WeakRef targets may go
}

// runFinalizations calls the FinalizationRegistry callbacks whose targets
// were collected; a throw is an uncaught exception, as in Node.
func (h *Host) runFinalizations() {
	h.Isolate.RunFinalizations(func(c *core.Context, ex *sobek.Exception) {
		h.uncaught(core.Carry(ex.Value(), c, h.Isolate.Main()), nil, "uncaughtException")
	})
}

// settle runs nextTicks and unhandled-rejection processing until quiet.
func (h *Host) settle() {
	for !h.stopped {
		if len(h.ticks) > 0 {
			h.outer(h.drainTicks)
			continue
		}
		if len(h.rejections) > 0 || len(h.lateHandled) > 0 {
			h.outer(h.processRejections)
			continue
		}
		// promise jobs that vm contexts queued run after the main
		// context's, as in Node's single per-isolate queue
		if h.Isolate.HasHeld() {
			// inside an outer call: main-context jobs their rounds queue
			// run after them, in the shared queue's order
			released := false
			h.outer(func() { released = h.Isolate.ReleaseHeld() })
			if released {
				continue
			}
		}
		break
	}
}

// macrotaskNoTicks runs fn in an outer call without running nextTicks after
// (used for 'exit' listeners, after which Node runs nothing).
func (h *Host) macrotaskNoTicks(fn func()) {
	h.outer(fn)
}

// outer calls fn from inside a JS frame so that nested calls into the
// runtime do not drain the job queue; the jobs run when it returns.
func (h *Host) outer(fn func()) {
	h.outerFns = append(h.outerFns, fn)
	var err error
	outermost := len(h.outerFns) == 1
	if outermost {
		// the outermost call: a crash of the engine itself (a sobek bug
		// user code can reach, see internal/engine) becomes an uncaught
		// error with the runtime repaired, not a Go panic of the process;
		// the heap watchdog covers the task (core/memlimit.go)
		h.Isolate.EnterRun()
		if crash := engine.Guard(h.Runtime, func() { _, err = h.runner(sobek.Undefined(), h.outerFn) }); crash != nil {
			err = crash
		}
		h.Isolate.ExitRun()
	} else {
		_, err = h.runner(sobek.Undefined(), h.outerFn)
	}
	h.outerFns = h.outerFns[:len(h.outerFns)-1]
	if h.checkTerminated() {
		return // the isolate stays interrupted: nothing more runs
	}
	if err != nil {
		if _, ok := err.(*sobek.InterruptedError); !ok || (outermost && core.MemoryLimitOf(err) != nil) {
			h.reportError(err)
		}
	}
	h.Runtime.ClearInterrupt()
}

// initRunner creates the JS frame that macrotasks run inside.
func (h *Host) initRunner() error {
	rt := h.Runtime
	r, err := rt.RunScript("node:internal/process/task_queues", "(function processTicksAndRejections(f) { return f() })")
	if err != nil {
		return err
	}
	h.runner, _ = sobek.AssertFunction(r)
	fo := rt.ToValue(func(sobek.FunctionCall) sobek.Value {
		h.outerFns[len(h.outerFns)-1]()
		if h.stopped {
			h.Runtime.Interrupt(exitSignal{})
		}
		return sobek.Undefined()
	}).(*sobek.Object)
	_ = fo.DefineDataProperty("name", rt.ToValue("runMicrotasks"), sobek.FLAG_FALSE, sobek.FLAG_FALSE, sobek.FLAG_TRUE)
	h.outerFn = fo
	return nil
}

// drainTicks runs the nextTick queue (called inside an outer call).
func (h *Host) drainTicks() {
	for len(h.ticks) > 0 && !h.stopped {
		t := h.ticks[0]
		h.ticks[0] = tick{}
		h.ticks = h.ticks[1:]
		if _, err := t.fn(sobek.Undefined(), t.args...); err != nil {
			h.reportError(err)
		}
	}
	if len(h.ticks) == 0 {
		h.ticks = nil
	}
}

// call calls a JS callback from Go inside a macrotask, reporting a throw as
// an uncaught exception.
func (h *Host) call(fn sobek.Callable, this sobek.Value, args ...sobek.Value) {
	if _, err := fn(this, args...); err != nil {
		h.reportError(err)
	}
}

func (h *Host) updateTime() {
	h.loopNow = float64(time.Since(h.start)) / float64(time.Millisecond)
	// libuv keeps loop time in whole milliseconds
	h.loopNow = float64(int64(h.loopNow))
}

// alive reports whether the loop has ref'd work.
func (h *Host) alive() bool {
	if h.stopped || h.checkTerminated() {
		return false
	}
	if h.refTimers > 0 || h.refImm > 0 || h.refs.Load() > 0 || len(h.ticks) > 0 {
		return true
	}
	h.mu.Lock()
	n := len(h.posted)
	h.mu.Unlock()
	return n > 0
}

// runLoop runs libuv-like iterations: timers, poll (posted work), check
// (immediates), until nothing ref'd remains.
func (h *Host) runLoop() {
	for h.alive() {
		h.updateTime()
		h.runTimers()
		if h.stopped {
			return
		}
		h.poll()
		if h.stopped {
			return
		}
		h.runImmediates()
		if h.stopped {
			return
		}
	}
}

func (h *Host) runTimers() {
	for len(h.timers) > 0 && !h.stopped {
		t := h.timers[0]
		if t.due > h.loopNow {
			return
		}
		heap.Pop(&h.timers)
		t.scheduled = false
		if t.ref {
			h.refTimers--
		}
		if !t.repeat {
			delete(h.timerByID, t.id)
		}
		h.macrotask(func() {
			h.callTimer(false, t.cbVal, t.cb, t.obj, t.args...)
		})
		if t.repeat && !t.cleared && !t.scheduled {
			h.updateTime()
			h.schedule(t)
		}
	}
}

func (h *Host) poll() {
	var timeout time.Duration = -1 // block until posted work
	switch {
	case len(h.immediates) > 0 || len(h.ticks) > 0:
		timeout = 0
	case len(h.timers) > 0:
		d := h.timers[0].due - h.loopNow
		if d < 0 {
			d = 0
		}
		timeout = time.Duration(d * float64(time.Millisecond))
	case h.refs.Load() > 0:
	default:
		timeout = 0
	}
	if h.refTimers == 0 && h.refImm == 0 && h.refs.Load() == 0 {
		timeout = 0
	}
	h.mu.Lock()
	n := len(h.posted)
	h.mu.Unlock()
	if n == 0 && timeout != 0 {
		if timeout < 0 {
			<-h.wake
		} else {
			tm := time.NewTimer(timeout)
			select {
			case <-h.wake:
			case <-tm.C:
			}
			tm.Stop()
		}
	}
	h.mu.Lock()
	jobs := h.posted
	h.posted = nil
	h.mu.Unlock()
	for i, fn := range jobs {
		if h.stopped {
			return
		}
		jobs[i] = nil
		h.macrotask(fn)
	}
}

func (h *Host) runImmediates() {
	if len(h.immediates) == 0 {
		return
	}
	list := h.immediates
	h.immediates = nil
	for i, im := range list {
		if h.stopped {
			h.immediates = append(list[i:], h.immediates...)
			return
		}
		if im.cleared {
			continue
		}
		im.cleared = true
		if im.ref {
			h.refImm--
		}
		h.macrotask(func() {
			h.callTimer(true, im.obj.Get("_onImmediate"), im.cb, im.obj, im.args...)
		})
	}
}

// ---- timers ----

type timer struct {
	id        int64
	due       float64
	delay     float64
	seq       uint64
	repeat    bool
	ref       bool
	cleared   bool
	scheduled bool
	index     int
	cb        sobek.Callable
	cbVal     sobek.Value
	args      []sobek.Value
	obj       *sobek.Object
}

type timerHeap []*timer

func (t timerHeap) Len() int { return len(t) }
func (t timerHeap) Less(i, j int) bool {
	if t[i].due != t[j].due {
		return t[i].due < t[j].due
	}
	return t[i].seq < t[j].seq
}
func (t timerHeap) Swap(i, j int) {
	t[i], t[j] = t[j], t[i]
	t[i].index = i
	t[j].index = j
}
func (t *timerHeap) Push(x any) {
	tm := x.(*timer)
	tm.index = len(*t)
	*t = append(*t, tm)
}
func (t *timerHeap) Pop() any {
	old := *t
	n := len(old)
	tm := old[n-1]
	old[n-1] = nil
	*t = old[:n-1]
	tm.index = -1
	return tm
}

func (h *Host) schedule(t *timer) {
	h.timerSeq++
	t.seq = h.timerSeq
	t.due = h.loopNow + t.delay
	t.scheduled = true
	t.cleared = false
	if t.ref {
		h.refTimers++
	}
	h.timerByID[t.id] = t
	heap.Push(&h.timers, t)
}

func (h *Host) unschedule(t *timer) {
	if t.scheduled {
		heap.Remove(&h.timers, t.index)
		t.scheduled = false
		if t.ref {
			h.refTimers--
		}
	}
	delete(h.timerByID, t.id)
}

type immediate struct {
	cb      sobek.Callable
	args    []sobek.Value
	obj     *sobek.Object
	ref     bool
	cleared bool
}
