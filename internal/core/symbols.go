package core

import "github.com/grafana/sobek"

// In V8 the registry of Symbol.for is one per isolate: Symbol.for('k')
// is the same symbol in every context. sobek keeps one per runtime, so
// each realm's Symbol.for and Symbol.keyFor are replaced by functions over
// the isolate's registry — lazily, when a context first reads its global
// Symbol (contextified globals ask the proxy), eagerly for globals that
// are no proxy (main, DONT_CONTEXTIFY contexts). Symbol.asyncIterator is
// added the same way.

// capSymbols marks a context whose Symbol uses the isolate's registry
// (a bit of Context.capped, next to sizecaps.go's).
const capSymbols = 1 << 8

type symbolRegistry struct {
	byKey map[string]*sobek.Symbol
	keyOf map[*sobek.Symbol]string
	// asyncIterator is Symbol.asyncIterator, which sobek lacks: one
	// well-known (unregistered) symbol per isolate, which the lowered
	// async generators and for await of lower.go use too.
	asyncIterator *sobek.Symbol
}

func (r *symbolRegistry) symbolFor(key string) *sobek.Symbol {
	if s, ok := r.byKey[key]; ok {
		return s
	}
	if r.byKey == nil {
		r.byKey, r.keyOf = map[string]*sobek.Symbol{}, map[*sobek.Symbol]string{}
	}
	s := sobek.NewSymbol(key)
	r.byKey[key], r.keyOf[s] = s, key
	return s
}

// shareSymbolRegistry installs the isolate's Symbol.for and Symbol.keyFor
// on c's Symbol.
func (c *Context) shareSymbolRegistry() {
	c.capped |= capSymbols
	sym, ok := c.builtins.Get("Symbol").(*sobek.Object)
	if !ok {
		return
	}
	rt, reg := c.rt, &c.iso.symbols
	define := func(name string, fn func(sobek.FunctionCall) sobek.Value) {
		f := rt.ToValue(fn).(*sobek.Object)
		_ = f.DefineDataProperty("name", rt.ToValue(name), sobek.FLAG_FALSE, sobek.FLAG_TRUE, sobek.FLAG_FALSE)
		_ = f.DefineDataProperty("length", rt.ToValue(1), sobek.FLAG_FALSE, sobek.FLAG_TRUE, sobek.FLAG_FALSE)
		_ = sym.DefineDataProperty(name, f, sobek.FLAG_TRUE, sobek.FLAG_TRUE, sobek.FLAG_FALSE)
	}
	if sobek.IsUndefined(sym.Get("asyncIterator")) || sym.Get("asyncIterator") == nil {
		if reg.asyncIterator == nil {
			reg.asyncIterator = sobek.NewSymbol("Symbol.asyncIterator")
		}
		_ = sym.DefineDataProperty("asyncIterator", reg.asyncIterator, sobek.FLAG_FALSE, sobek.FLAG_FALSE, sobek.FLAG_FALSE)
	}
	define("for", func(call sobek.FunctionCall) sobek.Value {
		return reg.symbolFor(call.Argument(0).String())
	})
	define("keyFor", func(call sobek.FunctionCall) sobek.Value {
		s, ok := call.Argument(0).(*sobek.Symbol)
		if !ok {
			panic(rt.NewTypeError(v8Rendering(call.Argument(0)) + " is not a symbol"))
		}
		if k, ok := reg.keyOf[s]; ok {
			return rt.ToValue(k)
		}
		return sobek.Undefined()
	})
}

// v8Rendering is how V8 shows a value in a message of its own
// (NoSideEffectsToString): #<Foo> for an object of constructor Foo,
// [object Array] for arrays, [object Object] without a prototype,
// a function's source, primitives as strings.
func v8Rendering(v sobek.Value) string {
	o, ok := v.(*sobek.Object)
	if !ok {
		if v == nil {
			return "undefined"
		}
		return v.String()
	}
	if _, isFn := sobek.AssertFunction(o); isFn {
		return o.String()
	}
	if o.ClassName() == "Array" {
		return "[object Array]"
	}
	proto := o.Prototype()
	if proto == nil {
		return "[object Object]"
	}
	name := "Object"
	if ctor, ok := proto.Get("constructor").(*sobek.Object); ok {
		if n := ctor.Get("name"); n != nil && n.String() != "" {
			name = n.String()
		}
	}
	return "#<" + name + ">"
}
