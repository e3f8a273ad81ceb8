package host

import (
	"github.com/grafana/sobek"
	"github.com/jsvm-dev/jsvm/internal/nodeerr"
)

// emitter is a small EventEmitter for process, implemented in Go so that
// startup does not need the events module.
type emitter struct {
	h         *Host
	this      *sobek.Object
	listeners map[string][]listener
	onChange  func(ev string, n int)
	max       int
}

type listener struct {
	fn   *sobek.Object
	call sobek.Callable
	once bool
}

func (e *emitter) count(ev string) int { return len(e.listeners[ev]) }

func (e *emitter) add(ev string, fn sobek.Value, once, prepend bool) {
	rt := e.h.Runtime
	call, ok := sobek.AssertFunction(fn)
	if !ok {
		panic(nodeerr.InvalidArgType(rt, "listener", "of type function", fn))
	}
	l := listener{fn: fn.(*sobek.Object), call: call, once: once}
	if e.count("newListener") > 0 {
		e.emit("newListener", rt.ToValue(ev), fn)
	}
	if prepend {
		e.listeners[ev] = append([]listener{l}, e.listeners[ev]...)
	} else {
		e.listeners[ev] = append(e.listeners[ev], l)
	}
	if e.onChange != nil {
		e.onChange(ev, len(e.listeners[ev]))
	}
}

func (e *emitter) remove(ev string, fn sobek.Value) {
	ls := e.listeners[ev]
	for i := len(ls) - 1; i >= 0; i-- {
		if sobek.Value(ls[i].fn).SameAs(fn) {
			e.listeners[ev] = append(ls[:i:i], ls[i+1:]...)
			if len(e.listeners[ev]) == 0 {
				delete(e.listeners, ev)
			}
			if e.onChange != nil {
				e.onChange(ev, len(e.listeners[ev]))
			}
			if e.count("removeListener") > 0 {
				e.emit("removeListener", e.h.Runtime.ToValue(ev), fn)
			}
			return
		}
	}
}

// emitErr calls the listeners of ev in order; it stops at and returns the
// first error.
func (e *emitter) emitErr(ev string, args ...sobek.Value) error {
	ls := e.listeners[ev]
	if len(ls) == 0 {
		return nil
	}
	ls = append([]listener(nil), ls...)
	for _, l := range ls {
		if l.once {
			e.remove(ev, l.fn)
		}
		if _, err := l.call(e.this, args...); err != nil {
			return err
		}
	}
	return nil
}

// emit is emitErr for use inside native functions: errors are thrown on.
func (e *emitter) emit(ev string, args ...sobek.Value) bool {
	n := e.count(ev)
	if err := e.emitErr(ev, args...); err != nil {
		if ex, ok := err.(*sobek.Exception); ok {
			panic(ex)
		}
		panic(err)
	}
	return n > 0
}

// install puts the EventEmitter methods on obj.
func (e *emitter) install(obj *sobek.Object) {
	rt := e.h.Runtime
	e.this = obj
	evName := func(v sobek.Value) string {
		if s, ok := v.(*sobek.Symbol); ok {
			return "@@" + s.String()
		}
		return v.String()
	}
	set := func(name string, fn func(sobek.FunctionCall) sobek.Value) {
		_ = obj.DefineDataProperty(name, rt.ToValue(fn), sobek.FLAG_TRUE, sobek.FLAG_TRUE, sobek.FLAG_FALSE)
	}
	adder := func(once, prepend bool) func(sobek.FunctionCall) sobek.Value {
		return func(c sobek.FunctionCall) sobek.Value {
			e.add(evName(c.Argument(0)), c.Argument(1), once, prepend)
			return c.This
		}
	}
	set("on", adder(false, false))
	set("addListener", adder(false, false))
	set("prependListener", adder(false, true))
	set("once", adder(true, false))
	set("prependOnceListener", adder(true, true))
	off := func(c sobek.FunctionCall) sobek.Value {
		e.remove(evName(c.Argument(0)), c.Argument(1))
		return c.This
	}
	set("off", off)
	set("removeListener", off)
	set("removeAllListeners", func(c sobek.FunctionCall) sobek.Value {
		if len(c.Arguments) == 0 || sobek.IsUndefined(c.Argument(0)) {
			for ev := range e.listeners {
				delete(e.listeners, ev)
				if e.onChange != nil {
					e.onChange(ev, 0)
				}
			}
		} else {
			ev := evName(c.Argument(0))
			delete(e.listeners, ev)
			if e.onChange != nil {
				e.onChange(ev, 0)
			}
		}
		return c.This
	})
	set("emit", func(c sobek.FunctionCall) sobek.Value {
		var args []sobek.Value
		if len(c.Arguments) > 1 {
			args = c.Arguments[1:]
		}
		return rt.ToValue(e.emit(evName(c.Argument(0)), args...))
	})
	set("listeners", func(c sobek.FunctionCall) sobek.Value {
		var out []any
		for _, l := range e.listeners[evName(c.Argument(0))] {
			out = append(out, l.fn)
		}
		return rt.NewArray(out...)
	})
	set("rawListeners", func(c sobek.FunctionCall) sobek.Value {
		var out []any
		for _, l := range e.listeners[evName(c.Argument(0))] {
			out = append(out, l.fn)
		}
		return rt.NewArray(out...)
	})
	set("listenerCount", func(c sobek.FunctionCall) sobek.Value {
		return rt.ToValue(e.count(evName(c.Argument(0))))
	})
	set("eventNames", func(c sobek.FunctionCall) sobek.Value {
		var out []any
		for ev := range e.listeners {
			out = append(out, ev)
		}
		return rt.NewArray(out...)
	})
	set("setMaxListeners", func(c sobek.FunctionCall) sobek.Value {
		e.max = int(c.Argument(0).ToInteger())
		return c.This
	})
	set("getMaxListeners", func(c sobek.FunctionCall) sobek.Value {
		if e.max == 0 {
			return rt.ToValue(10)
		}
		return rt.ToValue(e.max)
	})
}
