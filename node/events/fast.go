package events

import (
	"strconv"

	"github.com/grafana/sobek"
	"github.com/jsvm-dev/jsvm/internal/engine"
)

// installFastEmit replaces EventEmitter.prototype.emit by a Go function
// that does what events.js's emit does for an event other than 'error'
// named by a string or a symbol: this._events[type], then each listener
// called with this and the arguments after type (a listener array copied
// first), returning whether there was one. It needs no arguments array
// and no Function.prototype.apply per listener. Any other call ('error',
// an object as type, no _events object, a listener that is not a
// function) goes to events.js's emit, which it replaces.
func installFastEmit(rt *sobek.Runtime, proto *sobek.Object) {
	orig, _ := proto.Get("emit").(*sobek.Object)
	slow, ok := engine.Direct(orig)
	if !ok {
		return
	}
	yes, no := rt.ToValue(true), rt.ToValue(false)
	f := rt.ToValue(func(c sobek.FunctionCall) sobek.Value {
		this, ok := c.This.(*sobek.Object)
		if !ok || len(c.Arguments) == 0 {
			return slow(c)
		}
		var handler sobek.Value
		switch t := c.Arguments[0].(type) {
		case *sobek.Symbol:
			events, ok := this.Get("_events").(*sobek.Object)
			if !ok {
				return slow(c)
			}
			handler = events.GetSymbol(t)
		default:
			if !sobek.IsString(t) {
				return slow(c)
			}
			key := t.String()
			if key == "error" {
				return slow(c)
			}
			events, ok := this.Get("_events").(*sobek.Object)
			if !ok {
				return slow(c)
			}
			handler = events.Get(key)
		}
		if handler == nil || sobek.IsUndefined(handler) {
			return no
		}
		h, ok := handler.(*sobek.Object)
		if !ok {
			return slow(c)
		}
		call := sobek.FunctionCall{This: this, Arguments: c.Arguments[1:]}
		if fn, ok := engine.Direct(h); ok {
			fn(call)
			return yes
		}
		if h.ClassName() != "Array" {
			return slow(c)
		}
		// a copy of the listeners, all functions, before any is called
		n := int(h.Get("length").ToInteger())
		var buf [4]func(sobek.FunctionCall) sobek.Value // not shared: a listener may emit
		fns := buf[:0]
		if n > len(buf) {
			fns = make([]func(sobek.FunctionCall) sobek.Value, 0, n)
		}
		for i := 0; i < n; i++ {
			l, _ := h.Get(strconv.Itoa(i)).(*sobek.Object)
			fn, ok := engine.Direct(l)
			if !ok {
				return slow(c)
			}
			fns = append(fns, fn)
		}
		for _, fn := range fns {
			fn(call)
		}
		return yes
	}).(*sobek.Object)
	_ = f.DefineDataProperty("name", rt.ToValue("emit"), sobek.FLAG_FALSE, sobek.FLAG_FALSE, sobek.FLAG_TRUE)
	_ = f.DefineDataProperty("length", orig.Get("length"), sobek.FLAG_FALSE, sobek.FLAG_FALSE, sobek.FLAG_TRUE)
	_ = proto.Set("emit", f)
}
