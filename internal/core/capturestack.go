package core

import (
	"strings"

	"github.com/grafana/sobek"
	"github.com/jsvm-dev/jsvm/internal/stack"
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
		limit := 10
		if l := errCtor.Get("stackTraceLimit"); l != nil && sobek.IsNumber(l) {
			limit = max(0, min(int(l.ToInteger()), 1000))
		}
		ctor, _ := sobek.AssertConstructor(errCtor)
		var frames []string
		if ctor != nil {
			if e, err := ctor(nil); err == nil {
				if st := e.Get("stack"); st != nil && !sobek.IsUndefined(st) {
					frames = strings.Split(stack.V8(st.String()), "\n")
				}
			}
		}
		for len(frames) > 0 && !strings.HasPrefix(frames[0], "    at ") {
			frames = frames[1:] // the message line(s)
		}
		for len(frames) > 0 && strings.Contains(frames[0], "captureStackTrace") {
			frames = frames[1:]
		}
		if fo, ok := call.Argument(1).(*sobek.Object); ok {
			if n := fo.Get("name"); n != nil && n.String() != "" {
				name := n.String()
				for i, f := range frames {
					if strings.HasPrefix(f, "    at "+name+" ") || strings.Contains(f, "."+name+" ") {
						frames = frames[i+1:]
						break
					}
				}
			}
		}
		if len(frames) > limit {
			frames = frames[:limit]
		}
		head := "Error"
		if ts, ok := sobek.AssertFunction(asObject(errCtor.Get("prototype")).Get("toString")); ok {
			if h, err := ts(obj); err == nil {
				head = h.String()
			}
		}
		text := head
		if len(frames) > 0 {
			text += "\n" + strings.Join(frames, "\n")
		}
		if err := obj.DefineDataProperty("stack", rt.ToValue(text), sobek.FLAG_TRUE, sobek.FLAG_TRUE, sobek.FLAG_FALSE); err != nil {
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
