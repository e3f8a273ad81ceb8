package engine

import "github.com/grafana/sobek"

// Recursion through the natives that call back into JavaScript
// (`function f() { return f.call(this) }`, f.apply, String(o) of an
// object whose toString calls String(this)) runs a nested sobek run loop
// per level. At the call budget sobek panics an uncatchable
// *sobek.StackOverflowError that every level recovers and panics again
// from its deferred function, so Go walks the remaining stack once per
// level (O(depth²): seconds, where node throws a catchable RangeError in
// milliseconds; TestSobekUncatchableUnwindQuadratic), and no JS catch
// sees it. catchOverflows makes Function.prototype.call and apply and the
// String function (called, not constructed) of every realm run through
// catchOverflow (their func fields swapped in place, identity kept): the
// overflow becomes V8's RangeError at the innermost such call, an ordinary
// exception from there on, caught by the caller's try and unwound in
// linear time; ~7 ns per call. Getters, `new F()` inside F, `'' + this`
// and other paths with no native of jsvm's in between stay uncatchable
// (RATIONALE.md).

// catchOverflow calls f. A call-budget overflow inside it comes out as
// V8's RangeError of rt; any other panic goes on from this frame, after
// the recovery completed (a panic from inside the deferred function is
// what makes sobek's unwinding quadratic).
func catchOverflow(rt *sobek.Runtime, f func(sobek.FunctionCall) sobek.Value, fc sobek.FunctionCall) sobek.Value {
	v, p := callRecovering(f, fc)
	if p == nil {
		return v
	}
	if _, ok := p.(*sobek.StackOverflowError); ok {
		(&proxyRealm{rt: rt}).overflow()
	}
	panic(p)
}

// callRecovering calls f, returning what it panicked with, if anything.
func callRecovering(f func(sobek.FunctionCall) sobek.Value, fc sobek.FunctionCall) (v sobek.Value, p any) {
	defer func() { p = recover() }()
	return f(fc), nil
}

func guardCallback(rt *sobek.Runtime, orig func(sobek.FunctionCall) sobek.Value) func(sobek.FunctionCall) sobek.Value {
	return func(fc sobek.FunctionCall) sobek.Value { return catchOverflow(rt, orig, fc) }
}

// swapCallback makes fn's func field go through catchOverflow, once.
func swapCallback(rt *sobek.Runtime, fn *sobek.Object) {
	if p := (*func(sobek.FunctionCall) sobek.Value)(fnField(fn, proxyLayout.fOff)); p != nil && *p != nil && !sameCode(*p, guardCallback(nil, nil)) {
		*p = guardCallback(rt, *p)
	}
}

// catchOverflows installs the swaps (from GuardProxies: the layout it
// found, the templates' lock not held).
func catchOverflows() {
	for _, name := range []string{"call", "apply"} {
		WrapLazyMethod("Function.prototype", name, func(rt *sobek.Runtime, fn *sobek.Object) *sobek.Object {
			swapCallback(rt, fn)
			return fn
		})
	}
}
