package engine

import "github.com/grafana/sobek"

// sobek's Await (and Promise.resolve, and the combinators' elements) reads
// v.constructor for every object v, outside of any try, where the
// specification reads it only of a promise; a throw there (a Proxy whose
// get trap throws, a revoked Proxy, a throwing `constructor` getter) skips
// the async function's bookkeeping: the exception escapes the async
// function instead of rejecting it, or sobek's VM stack is corrupted and
// the process crashes later (TestAwaitThrowingConstructor reproduces it).
// jsvm's own code therefore never awaits a value a user callback returned
// (a linker's, an importModuleDynamically's): it awaits Awaitable(v).

// Awaitable returns a promise of rt resolved with v as the specification's
// resolve functions do: a thenable's `then` is read inside sobek's try, so
// a throw rejects the promise. Awaiting the result is safe.
func Awaitable(rt *sobek.Runtime, v sobek.Value) sobek.Value {
	p, resolve, _ := rt.NewPromise()
	if err := resolve(v); err != nil {
		panic(err) // uncatchable (an interrupt): passes on
	}
	return rt.ToValue(p)
}
