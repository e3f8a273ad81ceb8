package core

import (
	"github.com/grafana/sobek"
	"github.com/jsvm-dev/jsvm/internal/engine"
)

// Node runs the promise jobs of every context of an isolate from one queue,
// after the outer task; sobek drains a runtime's own job queue as soon as
// its call stack becomes empty, i.e. at the end of every run. To defer a
// context's jobs, a run is executed *held*: on the caller's goroutine, with
// an outermost-call marker on the context runtime's call stack
// (engine/heldframe.go), so the run is nested and does not drain. If the run
// queued no job, the marker goes at once and nothing stays behind; if it
// did, the context stays held until Release removes the marker and lets
// the jobs run, in the order the contexts were first held.
//
// This relies on sobek draining jobs exactly when the outermost call
// returns (runtime.leave); TestHeldJobsWait fails if that changes, and
// TestHeldFrameLayout (package engine) if the fields it reads move.

// RunHeld runs fn (which runs JS in c) with c's call stack held, so the
// promise jobs it creates wait for Release. It reports whether c became
// held by this run (jobs now wait and the caller must arrange a Release);
// a run nested in c's frames, or in an already held c, reports false.
func (c *Context) RunHeld(fn func()) (newlyHeld bool) {
	if c.held || !engine.HeldFrames() || callDepth(c.rt) > 0 {
		// already held, or c is on the stack (nested: no drain at the
		// end), or the engine's layout is unknown (drains in place)
		fn()
		return false
	}
	pushOuterFrame(c.rt)
	defer func() {
		if pendingJobs(c.rt) == 0 {
			if popOuterFrame(c.rt) {
				return
			}
		}
		c.held = true
		c.iso.held = append(c.iso.held, c)
		newlyHeld = true
	}()
	fn()
	return false
}

// Held reports whether c has held runs whose jobs wait.
func (c *Context) Held() bool { return c.held }

// Release removes c's held frame and runs the promise jobs its held runs
// queued. It reports whether it did; it does nothing while c is running
// (its frames are above the held one; a later Release finishes it).
//
// With the isolate's QueueRelease set, Release runs one round: the jobs
// queued so far, under the held frame; jobs those queue wait for the
// next Release, which QueueRelease places at the end of the shared
// queue, so a context's promise chain interleaves with the main
// context's jobs as in Node's one queue.
func (c *Context) Release() bool {
	if !c.held || callDepth(c.rt) != 1 {
		return false
	}
	c.held = false // runs from the jobs below start a new hold
	for i, hc := range c.iso.held {
		if hc == c {
			c.iso.held = append(c.iso.held[:i], c.iso.held[i+1:]...)
			break
		}
	}
	if c.iso.QueueRelease != nil {
		c.runRound()
		if pendingJobs(c.rt) > 0 && callDepth(c.rt) == 1 {
			c.held = true
			c.iso.held = append(c.iso.held, c)
			c.iso.QueueRelease(c)
			return true
		}
	}
	if !popOuterFrame(c.rt) {
		return true
	}
	// a call into the idle runtime drains its queue when it returns
	_, _ = c.drainFn()(sobek.Undefined())
	return true
}

// runRound runs the jobs queued in c's runtime so far, under its held
// frame (nested calls: nothing drains). An uncatchable error (an
// interrupt) drops the rest, as sobek does, and passes on with the held
// frame removed.
func (c *Context) runRound() {
	jobs := takeJobs(c.rt)
	defer func() {
		if p := recover(); p != nil {
			dropJobs(c.rt)
			popOuterFrame(c.rt)
			panic(p)
		}
	}()
	for _, job := range jobs {
		job()
	}
}

// drainFn returns a no-op native function of c's runtime, called to
// drain its job queue.
func (c *Context) drainFn() sobek.Callable {
	if c.drain == nil {
		c.drain, _ = sobek.AssertFunction(c.rt.ToValue(func(sobek.FunctionCall) sobek.Value { return sobek.Undefined() }))
	}
	return c.drain
}

// ReleaseHeld releases every held context, running the promise jobs their
// runs queued. It reports whether anything was released.
// Only the contexts held when it is called are released: one that a
// round holds again waits for its turn in the shared queue.
func (iso *Isolate) ReleaseHeld() bool {
	released := false
	for _, c := range append([]*Context(nil), iso.held...) {
		if c.Release() {
			released = true
		}
	}
	return released
}

// HasHeld reports whether some context's promise jobs wait for a Release.
func (iso *Isolate) HasHeld() bool { return len(iso.held) > 0 }

// enterOuter puts the outermost-call marker on c's runtime if it is idle,
// and reports whether it did. A call from Go into an idle runtime ends in
// sobek's leave(), which drains the jobs and also drops the VM stack, so
// that every such call (a context's function called from outside)
// reallocates it; under the marker the call is nested and the stack
// stays. leaveOuter then does what leave() would have done to the jobs.
func (c *Context) enterOuter() bool {
	if !engine.HeldFrames() || callDepth(c.rt) != 0 {
		return false
	}
	pushOuterFrame(c.rt)
	return true
}

// leaveOuter removes enterOuter's marker after a call that ended with err:
// queued jobs run now (as they would have at the end of an outermost
// call); after an uncatchable error they are dropped and the interrupt is
// cleared (as sobek's leaveAbrupt does).
// With the isolate's QueueRelease set, queued jobs wait instead: the
// marker stays as a held frame until the Release it arranges.
func (c *Context) leaveOuter(err error) {
	switch err.(type) {
	case *sobek.InterruptedError, *sobek.StackOverflowError:
		if popOuterFrame(c.rt) {
			dropJobs(c.rt)
			c.rt.ClearInterrupt()
		}
		return
	}
	if pendingJobs(c.rt) > 0 && c.iso.QueueRelease != nil && !c.held && callDepth(c.rt) == 1 {
		c.held = true
		c.iso.held = append(c.iso.held, c)
		c.iso.QueueRelease(c)
		return
	}
	if !popOuterFrame(c.rt) {
		return
	}
	if pendingJobs(c.rt) > 0 {
		_, _ = c.drainFn()(sobek.Undefined())
	}
}

// A context created with microtaskMode 'afterEvaluate' has a queue of its
// own that V8 drains only when an evaluation (a script run, a module's
// evaluate) in it ends: a promise job it gets otherwise (an outside
// `await` on one of its promises, a resolve called from outside) waits
// for the next evaluation, forever if none comes. Its runtime keeps a
// held frame for good (evalHold), so calls into it from outside never
// drain; an outermost evaluation drains the queue when it ends, still
// under the run's watchdog (a job that runs away times the run out).

// holdUntilEvaluate gives an afterEvaluate context its permanent held
// frame (nothing when the engine's layout is unknown: sobek then drains
// after every call, as before).
func (c *Context) holdUntilEvaluate() {
	if c.Options.MicrotaskMode != "afterEvaluate" || !engine.HeldFrames() {
		return
	}
	pushOuterFrame(c.rt)
	c.evalHold = true
}

// evaluationEnds drains an afterEvaluate context's queue after an
// outermost evaluation (only the permanent frame below it) and reports
// the error a job ended with (an interrupt).
func (c *Context) evaluationEnds() (err error) {
	if !c.evalHold || callDepth(c.rt) != 1 || !popOuterFrame(c.rt) {
		return nil
	}
	defer pushOuterFrame(c.rt) // the frame goes back even if a job was interrupted
	_, err = c.drainFn()(sobek.Undefined())
	return err
}

// EndEvaluation drains the queue of an afterEvaluate context after an
// evaluation its caller ran (a module's evaluate); a no-op for others.
func (c *Context) EndEvaluation() error { return c.evaluationEnds() }

// DropJobs discards the promise jobs queued in c (an interrupted
// evaluation's, which must not run at the next drain).
func (c *Context) DropJobs() { dropJobs(c.rt) }
