package core

import (
	"sync"
	"time"

	"github.com/grafana/sobek"
)

// Watchdog stops a run from outside (timeout, cancellation, SIGINT): Fire
// interrupts whichever runtime of the isolate is executing, and Stop, called
// when the run returns, makes sure no interrupt lands afterwards and clears
// the ones that did, so every runtime is reusable and carries no stale
// interrupt into its next run.
type Watchdog struct {
	iso    *Isolate
	mu     sync.Mutex
	done   bool
	hit    []*sobek.Runtime
	fired  any
	timer  *time.Timer
	refire *time.Timer
}

// NewWatchdog returns a watchdog for iso; with timeout > 0 it fires with
// value after that long. Call it on the goroutine running the isolate:
// arming publishes the executing realm, and keeps it published until Stop.
func (iso *Isolate) NewWatchdog(timeout time.Duration, value any) *Watchdog {
	w := &Watchdog{iso: iso}
	if iso.watching.Add(1) == 1 {
		iso.top.Store(iso.innermost())
	}
	if timeout > 0 {
		w.timer = time.AfterFunc(timeout, func() { w.Fire(value) })
	}
	return w
}

// Fire interrupts the executing runtime with value, unless the run is over.
// It is safe to call from any goroutine.
func (w *Watchdog) Fire(value any) {
	w.mu.Lock()
	defer w.mu.Unlock()
	if w.done {
		return
	}
	first := w.fired == nil
	if first {
		w.fired = value
	}
	w.interrupt(value)
	if first {
		// The runtime executing at this instant may return before it sees
		// the interrupt (a context's call into the main context that is
		// just finishing), and the run would go on; fire again until the
		// run is over.
		w.refire = time.AfterFunc(refireEvery, func() { w.again(value) })
	}
}

const refireEvery = 2 * time.Millisecond

func (w *Watchdog) again(value any) {
	w.mu.Lock()
	defer w.mu.Unlock()
	if w.done {
		return
	}
	w.interrupt(value)
	w.refire.Reset(refireEvery)
}

func (w *Watchdog) interrupt(value any) {
	if ex := w.iso.top.Load(); ex != nil {
		w.hit = append(w.hit, ex.rt)
		interruptRuntime(ex.rt, value)
	}
}

// Stop ends the watch and returns the value it fired with, or nil.
func (w *Watchdog) Stop() any {
	if w.timer != nil {
		w.timer.Stop()
	}
	w.mu.Lock()
	defer w.mu.Unlock()
	if !w.done && w.iso.watching.Add(-1) == 0 {
		w.iso.top.Store(nil)
	}
	w.done = true
	if w.refire != nil {
		w.refire.Stop()
	}
	for _, rt := range w.hit {
		rt.ClearInterrupt()
	}
	return w.fired
}
