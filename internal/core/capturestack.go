package core

import (
	"github.com/grafana/sobek"
	"github.com/jsvm-dev/jsvm/internal/engine"
)

// V8 gives every context's Error a captureStackTrace(obj, fn) and a
// stackTraceLimit (10); sobek has neither. They are installed on a
// context's Error when its global is first asked for Error (the host
// installs its own on the main context's).

// installCaptureStackTrace defines Error.captureStackTrace and
// Error.stackTraceLimit on c's Error, unless they exist.
func (c *Context) installCaptureStackTrace() {
	c.capped |= capErrorStack
	errCtor, ok := c.builtins.Get("Error").(*sobek.Object)
	if !ok || errCtor.Get("captureStackTrace") != nil {
		return
	}
	rt := c.rt
	capture := func(call sobek.FunctionCall) sobek.Value {
		obj, ok := call.Argument(0).(*sobek.Object)
		if !ok || obj.ExportType() == proxyType && c.iso.linkOf(obj) == nil {
			// V8 takes ordinary objects only (a Proxy is none; an object
			// of another context, here a wrapper, is one)
			panic(c.typeError("invalid_argument"))
		}
		var until *sobek.Object
		if fo, ok := call.Argument(1).(*sobek.Object); ok {
			if _, ok := sobek.AssertFunction(fo); ok {
				until = fo
			}
		}
		frames := rt.CaptureCallStack(0, nil)
		skip := 0
		if len(frames) > 0 && frames[0].SrcName() == "<native>" {
			skip = 1 // captureStackTrace itself
		}
		if !engine.ErrorStacksWork() || !c.pend(obj, frames, skip, until) {
			panic(c.typeError("Cannot define property stack, object is not extensible"))
		}
		return sobek.Undefined()
	}
	fn := rt.ToValue(capture).(*sobek.Object)
	_ = fn.DefineDataProperty("name", rt.ToValue("captureStackTrace"), sobek.FLAG_FALSE, sobek.FLAG_TRUE, sobek.FLAG_FALSE)
	_ = fn.DefineDataProperty("length", rt.ToValue(2), sobek.FLAG_FALSE, sobek.FLAG_TRUE, sobek.FLAG_FALSE)
	_ = errCtor.DefineDataProperty("captureStackTrace", fn, sobek.FLAG_TRUE, sobek.FLAG_TRUE, sobek.FLAG_FALSE)
	if errCtor.Get("stackTraceLimit") == nil {
		_ = errCtor.DefineDataProperty("stackTraceLimit", rt.ToValue(10), sobek.FLAG_TRUE, sobek.FLAG_TRUE, sobek.FLAG_TRUE)
	}
}

// typeError is a TypeError of c.
func (c *Context) typeError(msg string) *sobek.Object {
	if ctor, ok := sobek.AssertConstructor(c.builtins.Get("TypeError")); ok {
		if e, err := ctor(nil, c.rt.ToValue(msg)); err == nil {
			return e
		}
	}
	return c.rt.NewTypeError(msg)
}

// InstallErrorStacks gives the main context V8's error stacks: its error
// constructors hooked and Error.captureStackTrace (contexts do it as their
// code first reaches Error).
func (c *Context) InstallErrorStacks() {
	c.hookErrorStacks()
	c.installCaptureStackTrace()
}
