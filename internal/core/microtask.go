package core

import (
	"github.com/grafana/sobek"
)

// Node runs the promise jobs of every context of an isolate from one queue,
// after the outer task; sobek drains a runtime's own job queue as soon as
// its call stack becomes empty, i.e. at the end of every run. To defer a
// context's jobs, a run is executed *held*: on a helper goroutine, inside
// a frame of the context's own runtime (a JS function calling back into
// Go), so the run is nested and does not drain. The caller blocks while the
// run executes, so the runtime is never used by two goroutines at once.
// ReleaseHeld lets the frames return: each context's queued jobs run then,
// in the order the contexts were first held.
//
// This relies on sobek draining jobs exactly when the outermost call
// returns (runtime.leave); TestHeldJobsWait fails if that changes.

type hold struct {
	work chan func()
	done chan any // per work item: the panic it raised, or nil
	busy bool     // a held run is executing (only one goroutine runs at a time)
}

// RunHeld runs fn (which runs JS in c) with c's call stack held, so the
// promise jobs it creates wait for ReleaseHeld. A panic in fn is re-raised
// in the caller.
func (c *Context) RunHeld(fn func()) {
	if c.hold == nil {
		c.startHold()
	}
	h := c.hold
	if h.busy {
		// nested in a held run of c: the stack is already held
		fn()
		return
	}
	h.work <- fn
	if p := <-h.done; p != nil {
		panic(p)
	}
}

func (c *Context) startHold() {
	if c.holder == nil {
		v, err := c.rt.RunScript("node:internal/vm", "(function hold(g) { g() })")
		if err != nil {
			panic(err)
		}
		c.holder, _ = sobek.AssertFunction(v)
	}
	h := &hold{work: make(chan func()), done: make(chan any)}
	c.hold = h
	c.iso.held = append(c.iso.held, c)
	serve := c.rt.ToValue(func(sobek.FunctionCall) sobek.Value {
		for fn := range h.work {
			h.busy = true
			p := protect(fn)
			h.busy = false
			h.done <- p
		}
		return sobek.Undefined()
	})
	go func() {
		// returns when work is closed; the runtime's stack then empties and
		// sobek drains the jobs the held runs queued, here.
		_, err := c.holder(sobek.Undefined(), serve)
		h.done <- err
	}()
}

func protect(fn func()) (p any) {
	defer func() { p = recover() }()
	fn()
	return nil
}

// Held reports whether c has held runs whose jobs wait.
func (c *Context) Held() bool { return c.hold != nil }

// Release lets c's held frame return, running the promise jobs its held
// runs queued. It reports whether c was held.
func (c *Context) Release() bool {
	h := c.hold
	if h == nil {
		return false
	}
	c.hold = nil // runs from the jobs below start a new hold
	for i, hc := range c.iso.held {
		if hc == c {
			c.iso.held = append(c.iso.held[:i], c.iso.held[i+1:]...)
			break
		}
	}
	close(h.work)
	<-h.done
	return true
}

// ReleaseHeld lets every held context's frame return, running the promise
// jobs their runs queued. It reports whether there was anything to release.
func (iso *Isolate) ReleaseHeld() bool {
	if len(iso.held) == 0 {
		return false
	}
	for len(iso.held) > 0 {
		iso.held[0].Release()
	}
	return true
}
