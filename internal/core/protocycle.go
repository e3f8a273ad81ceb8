package core

import "github.com/grafana/sobek"

// guardProtoCycles makes c's Object.setPrototypeOf, Reflect.setPrototypeOf
// and Object.prototype.__proto__'s setter refuse a prototype cycle that
// runs through membrane wrappers, as V8 does (its contexts share one heap,
// so its cycle check sees through them). sobek's own check stops at the
// wrapper, a Proxy, so `Object.setPrototypeOf(a, b)` with b a wrapper whose
// original's chain leads back to a would form the cycle (every walk
// through it then throws; see wrapper.lookup). It is installed when c
// first gets a wrapper: a realm without foreign objects cannot form one.
// A reference taken before then still reaches the unguarded intrinsic.
func (c *Context) guardProtoCycles() {
	if c.protoGuard {
		return
	}
	c.protoGuard = true
	rt := c.rt
	cyclic := func(target, proto sobek.Value) bool {
		t, ok := target.(*sobek.Object)
		p, ok2 := proto.(*sobek.Object)
		return ok && ok2 && t.ExportType() != proxyType && c.iso.protoReaches(p, t)
	}
	wrap := func(holder *sobek.Object, name string, length int, fails func() sobek.Value) {
		if holder == nil {
			return
		}
		orig, ok := sobek.AssertFunction(holder.Get(name))
		if !ok {
			return
		}
		f := rt.ToValue(func(call sobek.FunctionCall) sobek.Value {
			if cyclic(call.Argument(0), call.Argument(1)) {
				return fails()
			}
			v, err := orig(call.This, call.Arguments...)
			if err != nil {
				panic(err)
			}
			return v
		}).(*sobek.Object)
		_ = f.DefineDataProperty("name", rt.ToValue(name), sobek.FLAG_FALSE, sobek.FLAG_TRUE, sobek.FLAG_FALSE)
		_ = f.DefineDataProperty("length", rt.ToValue(length), sobek.FLAG_FALSE, sobek.FLAG_TRUE, sobek.FLAG_FALSE)
		_ = holder.DefineDataProperty(name, f, sobek.FLAG_TRUE, sobek.FLAG_TRUE, sobek.FLAG_FALSE)
	}
	throwCyclic := func() sobek.Value { panic(rt.NewTypeError("Cyclic __proto__ value")) }
	objProto := rt.NewObject().Prototype() // %Object.prototype%, whatever the globals say
	if ctor, ok := objProto.Get("constructor").(*sobek.Object); ok && ctor.Get("prototype") == objProto {
		wrap(ctor, "setPrototypeOf", 2, throwCyclic)
	}
	if refl, ok := c.builtins.Get("Reflect").(*sobek.Object); ok {
		wrap(refl, "setPrototypeOf", 2, func() sobek.Value { return rt.ToValue(false) })
	}
	// the __proto__ accessor: the same getter, a guarded setter
	d := descFromObject(mustCall(c.reflect().getOwnPropertyDescriptor, objProto, rt.ToValue("__proto__")), func(v sobek.Value) sobek.Value { return v })
	set, ok := sobek.AssertFunction(d.Setter)
	if !ok || d.Getter == nil {
		return
	}
	setter := rt.ToValue(func(call sobek.FunctionCall) sobek.Value {
		if cyclic(call.This, call.Argument(0)) {
			return throwCyclic()
		}
		if _, err := set(call.This, call.Arguments...); err != nil {
			panic(err)
		}
		return sobek.Undefined()
	}).(*sobek.Object)
	_ = setter.DefineDataProperty("name", rt.ToValue("set __proto__"), sobek.FLAG_FALSE, sobek.FLAG_TRUE, sobek.FLAG_FALSE)
	_ = setter.DefineDataProperty("length", rt.ToValue(1), sobek.FLAG_FALSE, sobek.FLAG_TRUE, sobek.FLAG_FALSE)
	_ = objProto.DefineAccessorProperty("__proto__", d.Getter, setter, sobek.FLAG_TRUE, sobek.FLAG_FALSE)
}
