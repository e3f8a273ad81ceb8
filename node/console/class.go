package console

import (
	"io"

	"github.com/grafana/sobek"
	"github.com/jsvm-dev/jsvm/internal/nodeerr"
	"github.com/jsvm-dev/jsvm/node/host"
	"github.com/jsvm-dev/jsvm/node/util"
)

// streamWriter writes to a JS writable stream through its write method.
type streamWriter struct {
	rt     *sobek.Runtime
	stream *sobek.Object
	ignore bool
}

func (w *streamWriter) Write(p []byte) (int, error) {
	f, ok := sobek.AssertFunction(w.stream.Get("write"))
	if !ok {
		return len(p), nil
	}
	if _, err := f(w.stream, w.rt.ToValue(string(p))); err != nil && !w.ignore {
		panic(err)
	}
	return len(p), nil
}

// consoleClass is console.Console: new Console(stdout[, stderr][,
// ignoreErrors]) or new Console({ stdout, stderr, ignoreErrors,
// inspectOptions, groupIndentation }). It may be called without new.
func consoleClass(h *host.Host, cache *util.Cache) *sobek.Object {
	rt := h.Runtime
	var ctor *sobek.Object
	construct := func(call sobek.ConstructorCall) *sobek.Object {
		return buildConsole(h, cache, call.Arguments)
	}
	ctor = rt.ToValue(construct).(*sobek.Object)
	_ = ctor.DefineDataProperty("name", rt.ToValue("Console"), sobek.FLAG_FALSE, sobek.FLAG_TRUE, sobek.FLAG_FALSE)
	return ctor
}

func buildConsole(h *host.Host, cache *util.Cache, args []sobek.Value) *sobek.Object {
	rt := h.Runtime
	arg := func(i int) sobek.Value {
		if i < len(args) {
			return args[i]
		}
		return sobek.Undefined()
	}
	var stdout, stderr sobek.Value
	ignore := true
	var inspectOpts *sobek.Object
	groupIndent := 2
	first, _ := arg(0).(*sobek.Object)
	if first == nil || isStream(first) {
		stdout, stderr = arg(0), arg(1)
		if v := arg(2); !sobek.IsUndefined(v) {
			ignore = v.ToBoolean()
		}
	} else {
		stdout, stderr = first.Get("stdout"), first.Get("stderr")
		if v := first.Get("ignoreErrors"); v != nil && !sobek.IsUndefined(v) {
			ignore = v.ToBoolean()
		}
		if v, ok := first.Get("inspectOptions").(*sobek.Object); ok {
			inspectOpts = v
		} else if v := first.Get("inspectOptions"); v != nil && !sobek.IsUndefined(v) {
			panic(nodeerr.InvalidArgType(rt, "options.inspectOptions", "of type object", v))
		}
		if v := first.Get("groupIndentation"); v != nil && !sobek.IsUndefined(v) {
			if !sobek.IsNumber(v) {
				panic(nodeerr.InvalidArgType(rt, "groupIndentation", "of type number", v))
			}
			n := v.ToFloat()
			if n != float64(int64(n)) {
				panic(nodeerr.OutOfRange(rt, "groupIndentation", "an integer", v))
			}
			if n < 0 || n > 1000 {
				panic(nodeerr.OutOfRange(rt, "groupIndentation", ">= 0 && <= 1000", v))
			}
			groupIndent = int(n)
		}
	}
	so, ok := stdout.(*sobek.Object)
	if !ok || !isStream(so) {
		panic(nodeerr.New(rt, "TypeError", "ERR_CONSOLE_WRITABLE_STREAM", "Console expects a writable stream instance for stdout"))
	}
	se := so
	if stderr != nil && !sobek.IsUndefined(stderr) {
		o, ok := stderr.(*sobek.Object)
		if !ok || !isStream(o) {
			panic(nodeerr.New(rt, "TypeError", "ERR_CONSOLE_WRITABLE_STREAM", "Console expects a writable stream instance for stderr"))
		}
		se = o
	}
	var out, errw io.Writer = &streamWriter{rt, so, ignore}, &streamWriter{rt, se, ignore}
	return newConsole(h, cache, out, errw, inspectOpts, groupIndent)
}

func isStream(o *sobek.Object) bool {
	_, ok := sobek.AssertFunction(o.Get("write"))
	return ok
}
