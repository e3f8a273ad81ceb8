package core

import (
	"github.com/grafana/sobek"
	"github.com/jsvm-dev/jsvm/internal/engine"
)

// In V8 an object of one context is the same object in another, so a
// builtin method of realm R applied to an object of realm H checks H's
// object's internal slots and works: Map.prototype.get.call(mapOfH, k).
// Here that object is a membrane wrapper in R (a Proxy, no slots), and
// sobek's method would throw "incompatible receiver". So the methods that
// check their receiver's brand are replaced in R by natives that, given a
// wrapper, apply the home realm's same method to the original (arguments
// and result carried), and otherwise call R's original.
//
// Installed lazily, per constructor: in a contextified context when its
// global is first asked for the constructor (the global proxy sees that
// read, as for the size caps); in a realm whose global is no proxy (main,
// DONT_CONTEXTIFY) when the first wrapper is made there. Object's and
// Function's toString at a context's first run.
//
// RegExp.prototype.exec and the flag getters sobek guards (writing one
// turns off its regexp fast path for the whole realm) are written through
// engine.KeepRegExpGuard, which keeps the fast path.

// brandMethods lists, per constructor, the prototype's methods to
// forward; nil means every function-valued property (data and accessor).
var brandMethods = map[string][]string{
	"Map": nil, "Set": nil, "WeakMap": nil, "WeakSet": nil, "Date": nil,
	"Promise": nil, "DataView": nil, "Boolean": nil, "Number": nil,
	"RegExp": nil, "String": {"toString", "valueOf"},
	"Object": {"toString"}, "Function": {"toString"},
}

// regexpGuarded are RegExp.prototype's properties sobek guards.
var regexpGuarded = map[string]bool{"exec": true, "global": true, "multiline": true, "ignoreCase": true, "unicode": true, "sticky": true}

// brandKey names a forwarded method: constructor, property key (string
// or *Symbol, as keyOf), kind.
type brandKey struct {
	name string
	key  any
	kind int
}

const (
	fwdValue = iota
	fwdGet
	fwdSet
)

// forwardBrands installs the forwarders of constructor name in c, once.
func (c *Context) forwardBrands(name string) {
	if c.forwarded[name] {
		return
	}
	only, ok := brandMethods[name]
	if !ok {
		return
	}
	if c.forwarded == nil {
		c.forwarded = map[string]bool{}
	}
	c.forwarded[name] = true
	ctor, ok := c.builtins.Get(name).(*sobek.Object)
	if !ok {
		return
	}
	proto, ok := ctor.Get("prototype").(*sobek.Object)
	if !ok {
		return
	}
	r := c.reflect()
	var keys []sobek.Value
	if only != nil {
		for _, k := range only {
			keys = append(keys, c.rt.ToValue(k))
		}
	} else {
		keys = arrayValues(mustCall(r.ownKeys, proto))
	}
	made := map[*sobek.Object]*sobek.Object{} // aliases stay one function
	fwd := func(orig sobek.Value, key sobek.Value, kind int) sobek.Value {
		o, ok := orig.(*sobek.Object)
		if !ok {
			return nil
		}
		if f := made[o]; f != nil {
			return f
		}
		f := c.forwarder(name, key, kind, o)
		if f != nil {
			made[o] = f
			if c.brandOrig == nil {
				c.brandOrig = map[brandKey]sobek.Callable{}
			}
			c.brandOrig[brandKey{name, keyOf(key), kind}], _ = sobek.AssertFunction(o)
		}
		return f
	}
	for _, k := range keys {
		if k.String() == "constructor" {
			continue
		}
		dv, ok := mustCall(r.getOwnPropertyDescriptor, proto, k).(*sobek.Object)
		if !ok {
			continue
		}
		changed := false
		if v := dv.Get("value"); v != nil && !sobek.IsUndefined(v) {
			if f := fwd(v, k, fwdValue); f != nil {
				_ = dv.Set("value", f)
				changed = true
			}
		} else {
			for _, acc := range []struct {
				name string
				kind int
			}{{"get", fwdGet}, {"set", fwdSet}} {
				if v := dv.Get(acc.name); v != nil && !sobek.IsUndefined(v) {
					if f := fwd(v, k, acc.kind); f != nil {
						_ = dv.Set(acc.name, f)
						changed = true
					}
				}
			}
		}
		if changed {
			if _, isSym := k.(*sobek.Symbol); !isSym && name == "RegExp" && regexpGuarded[k.String()] {
				// sobek guards these for its fast path: the forwarders
				// answer as the originals for the realm's own regexps
				engine.KeepRegExpGuard(proto, func() { mustCall(r.defineProperty, proto, k, dv) })
				continue
			}
			mustCall(r.defineProperty, proto, k, dv)
		}
	}
}

// forwardAllBrands installs every forwarder (realms whose global is no
// proxy, when their first wrapper is made).
func (c *Context) forwardAllBrands() {
	for name := range brandMethods {
		c.forwardBrands(name)
	}
}

// forwarder returns the replacement of orig, the method (kind) under key
// of name's prototype, or nil if orig is no function.
func (c *Context) forwarder(name string, key sobek.Value, kind int, orig *sobek.Object) *sobek.Object {
	origCall, ok := sobek.AssertFunction(orig)
	if !ok {
		return nil
	}
	iso := c.iso
	fn := c.rt.ToValue(func(call sobek.FunctionCall) sobek.Value {
		if o, ok := call.This.(*sobek.Object); ok {
			if l := iso.linkOf(o); l != nil && l.here == c && l.proxy == o && l.call == nil || l != nil && l.here == c && l.proxy == o && name == "Function" {
				return c.forwardCall(l, name, key, kind, call.Arguments)
			}
		}
		v, err := origCall(call.This, call.Arguments...)
		if err != nil {
			panic(err)
		}
		return v
	}).(*sobek.Object)
	_ = fn.DefineDataProperty("name", orig.Get("name"), sobek.FLAG_FALSE, sobek.FLAG_TRUE, sobek.FLAG_FALSE)
	_ = fn.DefineDataProperty("length", orig.Get("length"), sobek.FLAG_FALSE, sobek.FLAG_TRUE, sobek.FLAG_FALSE)
	return fn
}

// forwardCall applies the home realm's method to the original of l.
func (c *Context) forwardCall(l *wrapper, name string, key sobek.Value, kind int, args []sobek.Value) sobek.Value {
	home := l.home
	var res sobek.Value
	callbacks := false
	for _, a := range args {
		if _, ok := sobek.AssertFunction(a); ok {
			callbacks = true
		}
	}
	if !callbacks {
		// the builtin's own errors (a wrong brand, a range) are the
		// caller's realm's, as V8's are: no user code ran that could
		// have thrown them
		defer func() {
			if x := recover(); x != nil {
				panic(c.ownError(x, home))
			}
		}()
	}
	crossInto(home, c, func() {
		m := home.brandMethod(name, Carry(key, c, home), kind)
		if m == nil {
			panic(home.rt.NewTypeError("Method " + name + ".prototype." + key.String() + " called on incompatible receiver"))
		}
		hargs := make([]sobek.Value, len(args))
		for i, a := range args {
			hargs[i] = Carry(a, c, home)
		}
		v, err := m(l.o, hargs...)
		if err != nil {
			panic(err)
		}
		res = v
	})
	return Carry(res, home, c)
}

// brandMethod reads the method (kind) under key of name's prototype in c:
// c's original, or c's forwarder, which calls the original for an object
// of c.
func (c *Context) brandMethod(name string, key sobek.Value, kind int) sobek.Callable {
	if f := c.brandOrig[brandKey{name, keyOf(key), kind}]; f != nil {
		// the original, whatever code of c did to the prototype since:
		// V8 runs the caller's intrinsic, which no code can change
		return f
	}
	ctor, ok := c.builtins.Get(name).(*sobek.Object)
	if !ok {
		return nil
	}
	proto, ok := ctor.Get("prototype").(*sobek.Object)
	if !ok {
		return nil
	}
	dv, ok := mustCall(c.reflect().getOwnPropertyDescriptor, proto, key).(*sobek.Object)
	if !ok {
		return nil
	}
	field := [...]string{"value", "get", "set"}[kind]
	f, _ := sobek.AssertFunction(dv.Get(field))
	return f
}

// ownError remakes x, an exception carried from home, as an error of c
// when it is one of home's intrinsic errors; anything else passes as is.
func (c *Context) ownError(x any, home *Context) any {
	v, ok := x.(sobek.Value)
	if !ok {
		return x
	}
	if l := c.iso.linkOf(asObject(v)); l != nil && l.home == home {
		e := l.o
		for _, name := range []string{"TypeError", "RangeError"} {
			hc, _ := home.builtins.Get(name).(*sobek.Object)
			if hc == nil || e.Prototype() == nil || e.Prototype() != asObject(hc.Get("prototype")) {
				continue
			}
			if ctor, ok := sobek.AssertConstructor(c.builtins.Get(name)); ok {
				if ne, err := ctor(nil, e.Get("message")); err == nil {
					return ne
				}
			}
		}
	}
	return x
}

func asObject(v sobek.Value) *sobek.Object {
	o, _ := v.(*sobek.Object)
	return o
}
