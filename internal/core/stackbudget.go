package core

import (
	"github.com/grafana/sobek"
	"github.com/jsvm-dev/jsvm/internal/engine"
	"github.com/jsvm-dev/jsvm/internal/stack"
)

// One recursion budget per isolate, as V8 has one stack per isolate.
//
// sobek bounds the call depth of each runtime on its own
// (SetMaxCallStackSize) and reports an overflow as an uncatchable
// *sobek.StackOverflowError. With one runtime per context, recursion that
// crosses realms (a function of the main context calling into a new context
// that calls it again, membrane getters, Proxy traps) would get a fresh
// budget at every crossing, and the Go stack under it grows until Go's
// fatal limit kills the process. So every crossing into a realm (push)
// sets that runtime's limit to its current depth plus what is left of the
// isolate's budget: the frames of all realms below on the chain count, and
// each crossing costs crossingCost frames more (it holds Go frames of the
// membrane and of sobek's nested run loop). The limit is put back at the
// matching pop.
//
// The overflow is uncatchable inside the runtime where it happens (sobek
// skips every JS catch); at the crossing where it leaves that runtime, it
// becomes V8's RangeError "Maximum call stack size exceeded" of that realm,
// thrown to the caller, where JS catch sees it (overflowError).

// MaxCallStackSize is the deepest JS call stack an isolate allows, all
// realms together; V8's default stack holds about this many small frames.
const MaxCallStackSize = 10000

// crossingCost is what one crossing between realms counts, in frames.
// Measured: a JS -> Go -> JS crossing through the membrane holds about
// 3 KiB of Go stack, so the whole budget in crossings stays far below
// Go's 1 GB limit.
const crossingCost = 8

// stackFrame is what push records to undo at the matching pop.
type stackFrame struct {
	entry     int // the runtime's call depth when it was entered
	prevLimit int // the runtime's limit before
	prevUsed  int // iso.used before
}

// usedBelow returns the budget used by the realms on the chain, the
// executing one included, plus the cost of one more crossing.
func (iso *Isolate) usedBelow() int {
	used := iso.used
	if n := len(iso.active); n > 0 {
		top := &iso.active[n-1]
		used += callDepth(top.c.rt) - top.frame.entry + crossingCost
	}
	return used
}

// overBudget returns V8's RangeError of c, thrown, when no frame of the
// isolate's budget is left for a crossing into c; nil otherwise. Entering
// a runtime with its limit below its depth breaks sobek's bookkeeping, so
// an exhausted budget stops the crossing before it starts.
func (c *Context) overBudget() *sobek.Exception {
	if c.iso.usedBelow() < c.iso.maxStack {
		return nil
	}
	so := &sobek.StackOverflowError{}
	v := c.overflowError(so, c.iso.Executing())
	return c.rt.Try(func() { panic(v) })
}

// budgetPush is called by push before c becomes the executing realm, with
// used = usedBelow(); it returns what budgetPop undoes.
func (iso *Isolate) budgetPush(c *Context, used int) stackFrame {
	entry := callDepth(c.rt)
	f := stackFrame{entry: entry, prevLimit: c.limit, prevUsed: iso.used}
	iso.used = used
	// sobek lets the stack grow while its depth is at most the limit,
	// so the limit is one below the deepest depth allowed
	limit := entry + iso.maxStack - used - 1
	if limit < entry {
		limit = entry // overBudget stopped crossings with less
	}
	c.setLimit(limit)
	return f
}

// budgetPop undoes the budgetPush that returned f.
func (iso *Isolate) budgetPop(c *Context, f stackFrame) {
	iso.used = f.prevUsed
	c.setLimit(f.prevLimit)
}

func (c *Context) setLimit(n int) {
	if c.limit != n {
		c.limit = n
		c.rt.SetMaxCallStackSize(n)
	}
}

// StackOverflowMessage is V8's message for exhausted recursion.
const StackOverflowMessage = "Maximum call stack size exceeded"

// overflowError returns V8's RangeError for so, an overflow that left c:
// an error of c's realm whose stack holds the innermost frames, as V8's.
func (c *Context) overflowError(so *sobek.StackOverflowError, below *Context) sobek.Value {
	// the runtime may still be at its limit: constructing the error needs
	// a few frames of its own
	limit := c.limit
	c.rt.SetMaxCallStackSize(callDepth(c.rt) + 16)
	defer c.rt.SetMaxCallStackSize(limit)
	var e *sobek.Object
	ex := c.rt.Try(func() {
		if ctor, ok := sobek.AssertConstructor(c.builtins.Get("RangeError")); ok {
			e, _ = ctor(nil, c.rt.ToValue(StackOverflowMessage))
		}
	})
	if e == nil || ex != nil {
		e = c.rt.NewObject()
		_ = e.Set("name", "RangeError")
		_ = e.Set("message", StackOverflowMessage)
	}
	frames := so.Stack()
	if len(frames) == 0 && below != nil {
		frames = below.rt.CaptureCallStack(10, nil)
	}
	if len(frames) > 10 {
		frames = frames[:10]
	}
	_ = e.DefineDataProperty("stack", c.rt.ToValue("RangeError: "+StackOverflowMessage+stack.Frames(frames)), sobek.FLAG_TRUE, sobek.FLAG_TRUE, sobek.FLAG_FALSE)
	return e
}

// asException returns err with a stack overflow replaced by V8's
// RangeError of c, thrown (a *sobek.Exception); other errors are returned
// as they are.
func (c *Context) asException(err error) error {
	var so *sobek.StackOverflowError
	if err == nil || !engine.As(err, &so) {
		return err
	}
	v := c.overflowError(so, nil)
	return c.rt.Try(func() { panic(v) })
}

// AsException is asException for the layers above: a run's error with a
// stack overflow made V8's catchable RangeError of c.
func (c *Context) AsException(err error) error { return c.asException(err) }

// setMaxStack changes the isolate's budget (tests: the unwinding of deep
// Go-nested recursion costs O(depth²) in Go's panic machinery).
func (iso *Isolate) setMaxStack(n int) {
	iso.maxStack = n
	iso.main.setLimit(n)
}
