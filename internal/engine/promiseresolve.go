package engine

import "github.com/grafana/sobek"

// sobek's PromiseResolve (Promise.resolve, and through it the combinators,
// which call C.resolve) reads the `constructor` of every object it is
// given; the spec (and V8) reads it only of a promise. So
// Promise.resolve(x) with x a Proxy whose get trap throws, a revoked Proxy
// or an object whose constructor getter throws threw synchronously where
// V8 returns a promise rejected by the read of x.then, and a tracing Proxy
// saw an extra `get constructor`; an object whose constructor is C
// ({constructor: Promise}) came back as itself. guardPromiseResolve (from
// GuardProxies, through the global template's Promise) makes each realm's
// Promise.resolve (its func field, identity kept) do NewPromiseCapability(C)
// and call its resolve with x for any object that is not a promise; a
// promise and a primitive go to sobek's own.
//
// A realm that reaches its Promise constructor other than through the
// global (an async function's promise's constructor, before any code read
// the global Promise) keeps sobek's resolve.

func guardPromiseResolve(rt *sobek.Runtime, ctor *sobek.Object) {
	fn, _ := ctor.Get("resolve").(*sobek.Object)
	p := (*func(sobek.FunctionCall) sobek.Value)(fnField(fn, proxyLayout.fOff))
	if p == nil || *p == nil || sameCode(*p, promiseResolve(nil, nil)) {
		return
	}
	*p = promiseResolve(rt, *p)
}

func promiseResolve(rt *sobek.Runtime, orig func(sobek.FunctionCall) sobek.Value) func(sobek.FunctionCall) sobek.Value {
	return func(call sobek.FunctionCall) sobek.Value {
		c, ok := call.This.(*sobek.Object)
		if !ok {
			panic(rt.NewTypeError("PromiseResolve called on non-object"))
		}
		x, isObj := call.Argument(0).(*sobek.Object)
		if !isObj || x.ExportType() == promiseType {
			return orig(call)
		}
		return newCapabilityResolved(rt, c, x)
	}
}

// newCapabilityResolved is NewPromiseCapability(c) and a call of its
// resolve with x; it returns the capability's promise.
func newCapabilityResolved(rt *sobek.Runtime, c *sobek.Object, x sobek.Value) sobek.Value {
	var resolve, reject sobek.Value
	executor := rt.ToValue(func(call sobek.FunctionCall) sobek.Value {
		if resolve != nil && !sobek.IsUndefined(resolve) || reject != nil && !sobek.IsUndefined(reject) {
			panic(rt.NewTypeError("Promise executor has already been invoked with non-undefined arguments"))
		}
		resolve, reject = call.Argument(0), call.Argument(1)
		return sobek.Undefined()
	})
	if _, isCtor := sobek.AssertConstructor(c); !isCtor {
		panic(rt.NewTypeError(rendering(c) + " is not a constructor"))
	}
	promise, err := rt.New(c, executor)
	if err != nil {
		panic(err)
	}
	res, ok1 := sobek.AssertFunction(resolve)
	_, ok2 := sobek.AssertFunction(reject)
	if !ok1 || !ok2 {
		panic(rt.NewTypeError("Promise resolve or reject function is not callable"))
	}
	Call(res, sobek.Undefined(), x)
	return promise
}

// rendering is a value as V8's messages show it, without running code.
func rendering(v sobek.Value) string {
	if o, ok := v.(*sobek.Object); ok {
		if o.ClassName() == "Function" {
			return o.String()
		}
		return "#<Object>"
	}
	return v.String()
}
