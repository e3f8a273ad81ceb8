package core

import (
	"strings"

	"github.com/grafana/sobek"
	"github.com/jsvm-dev/jsvm/internal/stack"
)

// stackTraceLimit is V8's default Error.stackTraceLimit.
const stackTraceLimit = 10

// callerFrames completes the stack of an error leaving home for here: V8
// keeps one stack for all the contexts of an isolate, so the frames of
// here that led into home follow home's frames (as "    at ..." lines).
func callerFrames(v sobek.Value, home, here *Context) {
	o, ok := v.(*sobek.Object)
	if !ok {
		return
	}
	defer func() { _ = recover() }() // a hostile error must not break the throw
	var st string
	home.rt.Try(func() {
		d := o.Get("stack")
		if d == nil {
			return
		}
		st, _ = d.Export().(string)
	})
	if !strings.Contains(st, "\tat ") && !strings.Contains(st, "\n    at ") {
		return
	}
	if strings.Count(st, "\n    at ") >= stackTraceLimit {
		// V8 keeps no more; and the walk below is O(depth) per
		// crossing, which an error leaving deep recursion through
		// many crossings would pay at each
		return
	}
	outer := stack.Frames(here.rt.CaptureCallStack(0, nil))
	if outer == "" {
		return
	}
	s := stack.V8(st)
	if strings.HasSuffix(s, outer) {
		return // already completed at this crossing
	}
	// home's frames from before this entry into home are below here's
	// frames in V8's single stack: they come back when the error leaves
	// the crossing that entered home before
	if older := stack.Frames(home.rt.CaptureCallStack(0, nil)); older != "" {
		s = strings.TrimSuffix(s, older)
	}
	home.rt.Try(func() { _ = o.Set("stack", s+outer) })
}
