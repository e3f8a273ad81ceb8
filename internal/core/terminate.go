package core

import "github.com/grafana/sobek"

type terminateValue struct{ v any }

// Terminate ends the isolate for good, from any goroutine (a Worker's
// terminate()): every runtime of it is interrupted with value, wherever
// the code runs now (the main context or a context it entered), and a
// runtime created later is interrupted at once. Nothing clears these
// interrupts; the isolate is not to be used again.
func (iso *Isolate) Terminate(value any) {
	if !iso.terminated.CompareAndSwap(nil, &terminateValue{value}) {
		return
	}
	for _, c := range iso.Contexts() {
		interruptRuntime(c.rt, value)
	}
}

// Terminated reports whether Terminate was called.
func (iso *Isolate) Terminated() bool { return iso.terminated.Load() != nil }

func (iso *Isolate) interruptIfTerminated(rt *sobek.Runtime) {
	if t := iso.terminated.Load(); t != nil {
		rt.Interrupt(t.v)
	}
}
