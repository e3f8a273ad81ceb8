package host

import (
	"strings"

	"github.com/grafana/sobek"
	"github.com/jsvm-dev/jsvm/internal/stack"
)

// The main context's errors get V8 stacks (format, Error.stackTraceLimit,
// Error.prepareStackTrace with CallSites, Error.captureStackTrace) the way
// every realm's do: from the hooked intrinsic error constructors of
// internal/core (errorstacks.go). The global Error is the intrinsic.
func (h *Host) installErrorStacks() error {
	h.errorCtor, _ = h.Runtime.GlobalObject().Get("Error").(*sobek.Object)
	h.Isolate.Main().InstallErrorStacks()
	return nil
}

// v8Frames reshapes the frames of a sobek stack: V8's format, at most
// limit (limit < 0: all). It returns them as "\n    at ..." lines, without
// the head.
func v8Frames(s string, limit, skip int) string {
	lines := strings.Split(stack.V8(s), "\n")
	head := 0
	for head < len(lines) && !strings.HasPrefix(lines[head], "    at ") {
		head++
	}
	frames := lines[head:]
	if skip > 0 {
		frames = frames[min(skip, len(frames)):]
	}
	if limit >= 0 && len(frames) > limit {
		frames = frames[:limit]
	}
	if len(frames) == 0 {
		return ""
	}
	return "\n" + strings.Join(frames, "\n")
}

// intrinsicError returns the engine's own Error constructor.
func (h *Host) intrinsicError() *sobek.Object {
	if h.errorCtor != nil {
		return h.errorCtor
	}
	o, _ := h.Runtime.GlobalObject().Get("Error").(*sobek.Object)
	return o
}

// ShapeEngineError gives an error the engine threw itself, whose stack is
// still sobek's (errors constructed through the global Error are shaped
// when made), V8's words and stack: the message translated, the frames in
// V8's format, at most Error.stackTraceLimit of them. Code that catches
// errors to inspect them as Node would (assert.throws) calls it.
func (h *Host) ShapeEngineError(v sobek.Value) {
	o, ok := v.(*sobek.Object)
	if !ok || !h.isError(v) {
		return
	}
	defer func() { _ = recover() }() // a hostile error must not break the check
	if o.ClassName() != "Error" {
		return // a Proxy or a host object: not the engine's
	}
	st, ok := o.Get("stack").Export().(string)
	if !ok || !strings.Contains(st, "\n\tat ") {
		return
	}
	stack.TranslateFromStack(o) // V8's words for engine errors (and the stack's head)
	st, _ = o.Get("stack").Export().(string)
	i := strings.Index(st, "\n\tat ")
	if i < 0 {
		return
	}
	limit := -1
	if e, ok := h.Runtime.GlobalObject().Get("Error").(*sobek.Object); ok {
		if l := e.Get("stackTraceLimit"); l != nil && sobek.IsNumber(l) {
			if f := l.ToFloat(); f >= 0 && f < 1e6 {
				limit = int(f)
			} else if f >= 1e6 {
				limit = 1 << 30
			}
		} else {
			limit = 0 // not a number: V8 captures no frames
		}
	}
	_ = o.Set("stack", st[:i]+v8Frames(st, limit, 0))
}
