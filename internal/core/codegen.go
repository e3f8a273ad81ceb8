package core

import (
	"github.com/grafana/sobek"
)

// codeGenerationDisallowed is V8's message when a context forbids code
// generation from strings.
const codeGenerationDisallowed = "Code generation from strings disallowed for this context"

// disallowCodeGeneration makes every way of compiling a string inside c
// throw the context's EvalError, as V8 does for a context created with
// codeGeneration: { strings: false }. sobek has no hook for that, so the
// realm's compiling builtins are replaced by throwing look-alikes before
// any code runs:
//
//   - the global eval (a direct eval calls it too: sobek evaluates directly
//     only when the callee is the original eval);
//   - the global Function, also as Function.prototype.constructor;
//   - GeneratorFunction and AsyncFunction, as the constructor of their
//     prototypes (they are not globals).
//
// The replacements keep the identities code can observe: each has the
// original's name, length and prototype object (so instanceof and
// `(function(){}).constructor === Function` hold), GeneratorFunction and
// AsyncFunction inherit from the new Function, and they are constructors
// (new, Reflect.construct and class extends reach them). As in V8, eval
// throws whatever its argument. sobek has no async generators, so there
// is nothing else to cover (WebAssembly has its own switch, DisallowWasm).
func (c *Context) disallowCodeGeneration() {
	rt := c.rt
	g := c.builtins
	evalError, _ := sobek.AssertConstructor(g.Get("EvalError"))
	fail := func() {
		if evalError != nil {
			if e, err := evalError(nil, rt.ToValue(codeGenerationDisallowed)); err == nil {
				panic(e)
			}
		}
		panic(rt.NewTypeError(codeGenerationDisallowed))
	}
	named := func(fn *sobek.Object, name string, length int) {
		_ = fn.DefineDataProperty("length", rt.ToValue(length), sobek.FLAG_FALSE, sobek.FLAG_TRUE, sobek.FLAG_FALSE)
		_ = fn.DefineDataProperty("name", rt.ToValue(name), sobek.FLAG_FALSE, sobek.FLAG_TRUE, sobek.FLAG_FALSE)
	}
	// ctor returns a throwing constructor standing for the builtin whose
	// prototype object is proto.
	ctor := func(name string, proto *sobek.Object) *sobek.Object {
		fn := rt.ToValue(func(sobek.ConstructorCall) *sobek.Object {
			fail()
			return nil
		}).(*sobek.Object)
		named(fn, name, 1)
		_ = fn.DefineDataProperty("prototype", proto, sobek.FLAG_FALSE, sobek.FLAG_FALSE, sobek.FLAG_FALSE)
		return fn
	}

	eval := rt.ToValue(func(sobek.FunctionCall) sobek.Value {
		fail()
		return sobek.Undefined()
	}).(*sobek.Object)
	named(eval, "eval", 1)
	_ = g.DefineDataProperty("eval", eval, sobek.FLAG_TRUE, sobek.FLAG_TRUE, sobek.FLAG_FALSE)

	fnCtor, _ := g.Get("Function").(*sobek.Object)
	if fnCtor == nil {
		return
	}
	fnProto, _ := fnCtor.Get("prototype").(*sobek.Object)
	if fnProto == nil {
		return
	}
	function := ctor("Function", fnProto)
	_ = g.DefineDataProperty("Function", function, sobek.FLAG_TRUE, sobek.FLAG_TRUE, sobek.FLAG_FALSE)
	_ = fnProto.DefineDataProperty("constructor", function, sobek.FLAG_TRUE, sobek.FLAG_TRUE, sobek.FLAG_FALSE)

	// The prototypes of generator and async functions are only reachable
	// from functions of those kinds.
	for _, k := range []struct{ name, src string }{
		{"GeneratorFunction", "(function* () {})"},
		{"AsyncFunction", "(async function () {})"},
	} {
		v, err := rt.RunString(k.src)
		if err != nil {
			continue
		}
		proto := v.(*sobek.Object).Prototype()
		if proto == nil {
			continue
		}
		repl := ctor(k.name, proto)
		_ = repl.SetPrototype(function)
		_ = proto.DefineDataProperty("constructor", repl, sobek.FLAG_FALSE, sobek.FLAG_TRUE, sobek.FLAG_FALSE)
	}
}
