package host

import "github.com/grafana/sobek"

// Timer and immediate callbacks run through small functions named as
// Node's (listOnTimeout, processImmediate in node:internal/timers), so
// that stacks show the callback as V8 does ("Timeout._onTimeout",
// "Immediate.f [as _onImmediate]"; see internal/stack).

const timerShims = `(function (apply) {
  return [
    function listOnTimeout(cb, obj, args) { return apply(cb, obj, args); },
    function processImmediate(cb, obj, args) { return apply(cb, obj, args); },
  ];
})`

// callTimer calls a timer (immediate false) or immediate callback like
// h.call does.
func (h *Host) callTimer(immediate bool, fnVal sobek.Value, fn sobek.Callable, this sobek.Value, args ...sobek.Value) {
	if _, ok := sobek.AssertFunction(fnVal); !ok {
		h.call(fn, this, args...)
		return
	}
	if h.shims == nil {
		// made on the first timer, after user code ran: with the
		// Reflect.apply the host was made with
		v, err := h.Runtime.RunScript("node:internal/timers", timerShims)
		var o *sobek.Object
		if err == nil {
			if mk, ok := sobek.AssertFunction(v); ok {
				if r, err2 := mk(sobek.Undefined(), h.Intrinsic("Reflect.apply")); err2 == nil {
					o, _ = r.(*sobek.Object)
				}
			}
		}
		if o == nil {
			h.call(fn, this, args...)
			return
		}
		for i := 0; i < 2; i++ {
			f, _ := sobek.AssertFunction(o.Get(string(rune('0' + i))))
			h.shims = append(h.shims, f)
		}
	}
	shim := h.shims[0]
	if immediate {
		shim = h.shims[1]
	}
	vals := make([]interface{}, len(args))
	for i, a := range args {
		vals[i] = a
	}
	h.call(shim, sobek.Undefined(), fnVal, this, h.Runtime.NewArray(vals...))
}
