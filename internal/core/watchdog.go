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
	iso   *Isolate
	mu    sync.Mutex
	done  bool
	hit   []*sobek.Runtime
	fired any
	timer *time.Timer
}

// NewWatchdog returns a watchdog for iso; with timeout > 0 it fires with
// value after that long.
func (iso *Isolate) NewWatchdog(timeout time.Duration, value any) *Watchdog {
	w := &Watchdog{iso: iso}
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
	if w.fired == nil {
		w.fired = value
	}
	if ex := w.iso.Executing(); ex != nil {
		w.hit = append(w.hit, ex.rt)
		ex.rt.Interrupt(value)
	}
}

// Stop ends the watch and returns the value it fired with, or nil.
func (w *Watchdog) Stop() any {
	if w.timer != nil {
		w.timer.Stop()
	}
	w.mu.Lock()
	defer w.mu.Unlock()
	w.done = true
	for _, rt := range w.hit {
		rt.ClearInterrupt()
	}
	return w.fired
}
