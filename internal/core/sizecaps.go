package core

import (
	"math"
	"strconv"
	"strings"

	"github.com/grafana/sobek"

	"github.com/jsvm-dev/jsvm/internal/engine"
)

// V8's size limits. sobek allocates whatever a builtin is asked for in one
// Go allocation, and Go's out-of-memory is fatal to the process: `new
// ArrayBuffer(2**40)` or `'x'.repeat(2**40)` would kill the host where
// V8 throws a RangeError. So the builtins that allocate in one native step
// check the size first and throw V8's RangeError:
//
//   - String.prototype.repeat, padStart, padEnd and Array.prototype.join:
//     results longer than V8's longest string are "Invalid string length"
//     (join: when the separators alone pass it);
//   - ArrayBuffer and the typed array constructors: lengths that are no
//     index are V8's "Invalid array buffer length" / "Invalid typed array
//     length: n", typed arrays longer than V8's 2**32 elements too, and
//     buffers larger than MaxBufferBytes, or than the memory left under
//     the running isolates' limit (engine.BufferFits), "Array buffer
//     allocation failed".
//
// The replacements keep what code can observe of the originals: name,
// length, prototype object (so instanceof holds and `.constructor` is the
// replacement), the constructor's own statics and [[Prototype]], new.target
// (subclasses). One difference: called without new, a capped constructor
// constructs where V8 throws a TypeError (sobek passes a native
// constructor no new.target for either). They convert their arguments once and hand the converted
// values to the original, so no valueOf or toString runs twice.
//
// Materialising a lazy builtin costs a realm memory, so the caps cost
// nothing until used: the string ones are wrapped into sobek's
// process-wide templates of String.prototype and Array.prototype (a realm
// builds the capped method when its code first reads it; see
// installStringCaps), the buffer ones are installed when a context's
// global is first asked for one of those constructors (the main context,
// whose global is no proxy, at its creation). Not covered: string
// concatenation with + (an engine opcode), strings built by other builtins
// piece by piece, and array-likes with huge lengths handed to typed array
// constructors; the heap watchdog (memlimit.go) bounds what these grow.

// MaxStringLength is V8's longest string, in UTF-16 code units.
const MaxStringLength = engine.MaxStringLength

// MaxBufferBytes is the largest ArrayBuffer allocated; V8 allocates larger
// ones when the machine has the memory, Go would die when it has not.
const MaxBufferBytes = 1 << 32

// maxTypedArrayLength is V8's longest typed array, in elements.
const maxTypedArrayLength = 1 << 32

const maxSafeInteger = 1<<53 - 1

var typedArrays = [...]struct {
	name  string
	bytes int
}{
	{"Int8Array", 1}, {"Uint8Array", 1}, {"Uint8ClampedArray", 1}, {"Int16Array", 2}, {"Uint16Array", 2},
	{"Int32Array", 4}, {"Uint32Array", 4}, {"Float32Array", 4}, {"Float64Array", 8},
	{"BigInt64Array", 8}, {"BigUint64Array", 8},
}

// isBufferCtorName reports whether a global of this name is capped by
// capBuffers.
func isBufferCtorName(k string) bool {
	if k == "ArrayBuffer" || k == "DataView" {
		return true
	}
	for _, t := range typedArrays {
		if t.name == k {
			return true
		}
	}
	return false
}

// capsFirstRun installs the caps a run needs, once per context: the
// buffer caps of a context whose global is no proxy, and the string caps
// when sobek's templates could not be wrapped (see installStringCaps).
func (c *Context) capsFirstRun() {
	if c.capped&capStrings == 0 {
		c.capped |= capStrings
		if !engine.StringCapsLazy() {
			c.capStrings()
		}
	}
	if c.isMain && c.capped&capBuffers == 0 {
		c.capBuffers()
	}
	if c.sandbox == nil {
		c.installAllIntl() // intl.go: no proxy sees the first read
	}
}

const (
	capStrings = 1 << iota
	capBuffers
	capErrorStack // Error.captureStackTrace installed (capturestack.go)
	capConsole    // V8's console made (global.go)
)

func (c *Context) rangeError(msg string) *sobek.Object {
	if ctor, ok := sobek.AssertConstructor(c.builtins.Get("RangeError")); ok {
		if e, err := ctor(nil, c.rt.ToValue(msg)); err == nil {
			return e
		}
	}
	return c.rt.NewGoError(rangeErr(msg))
}

type rangeErr string

func (e rangeErr) Error() string { return string(e) }

// capStrings installs the string caps in c's own prototypes, when
// sobek's templates could not be wrapped (engine.Prepare).
func (c *Context) capStrings() {
	for i := range engine.StringCaps {
		sc := &engine.StringCaps[i]
		ctor, _ := c.builtins.Get(strings.TrimSuffix(sc.Proto, ".prototype")).(*sobek.Object)
		if ctor == nil {
			continue
		}
		proto, _ := ctor.Get("prototype").(*sobek.Object)
		if proto == nil {
			continue
		}
		orig, _ := proto.Get(sc.Name).(*sobek.Object)
		if orig == nil {
			continue
		}
		_ = proto.DefineDataProperty(sc.Name, sc.Capped(c.rt, orig, c.rangeError), sobek.FLAG_TRUE, sobek.FLAG_TRUE, sobek.FLAG_FALSE)
	}
}

// toIndex is the spec's ToIndex without its RangeError: the integer, or
// false when value is no index.
func toIndex(v sobek.Value) (float64, sobek.Value, bool) {
	if v == nil || sobek.IsUndefined(v) {
		return 0, sobek.Undefined(), true
	}
	n := v.ToNumber()
	f := n.ToFloat()
	if math.IsNaN(f) {
		return 0, n, true
	}
	f = math.Trunc(f)
	if f < 0 || f > maxSafeInteger {
		return f, n, false
	}
	return f, n, true
}

func formatNumber(f float64) string {
	return strconv.FormatFloat(f, 'f', -1, 64)
}

// capBuffers replaces ArrayBuffer and the typed array constructors of c.
func (c *Context) capBuffers() {
	c.capped |= capBuffers
	rt := c.rt
	g := c.builtins
	c.replaceCtor(g, "ArrayBuffer", func(args []sobek.Value) ([]sobek.Value, func(*sobek.Object)) {
		n, conv, ok := toIndex(argument(args, 0))
		if !ok {
			panic(c.rangeError("Invalid array buffer length"))
		}
		max, resizable := c.maxByteLength(argument(args, 1), n) // resizable.go
		if n > MaxBufferBytes || !engine.BufferFits(n) {
			panic(c.rangeError("Array buffer allocation failed"))
		}
		if len(args) > 0 {
			args = []sobek.Value{conv}
		}
		if !resizable {
			return args, nil
		}
		return args, func(o *sobek.Object) { engine.MakeResizable(o, max) }
	})
	if p, ok := g.Get("ArrayBuffer").(*sobek.Object); ok && engine.ResizableReady() {
		if proto, ok := p.Get("prototype").(*sobek.Object); ok {
			c.installResizable(proto)
		}
	}
	for _, t := range typedArrays {
		bytes := float64(t.bytes)
		c.replaceCtor(g, t.name, func(args []sobek.Value) ([]sobek.Value, func(*sobek.Object)) {
			a := argument(args, 0)
			if o, isObj := a.(*sobek.Object); isObj {
				return args, trackView(c.rt, o, args)
			}
			if len(args) == 0 {
				return args, nil
			}
			n, conv, ok := toIndex(a)
			if !ok || n > maxTypedArrayLength {
				f := n
				if !ok && conv != nil {
					f = conv.ToFloat()
				}
				panic(c.rangeError("Invalid typed array length: " + formatNumber(f)))
			}
			if n*bytes > MaxBufferBytes || !engine.BufferFits(n*bytes) {
				panic(c.rangeError("Array buffer allocation failed"))
			}
			return append([]sobek.Value{rt.ToValue(n)}, args[1:]...), nil
		})
	}
	c.replaceCtor(g, "DataView", func(args []sobek.Value) ([]sobek.Value, func(*sobek.Object)) {
		o, _ := argument(args, 0).(*sobek.Object)
		return args, trackView(c.rt, o, args)
	})
}

func argument(args []sobek.Value, i int) sobek.Value {
	if i < len(args) {
		return args[i]
	}
	return sobek.Undefined()
}

// replaceCtor puts a native constructor in place of the global name: it
// checks (and converts) the arguments, then constructs with the original.
// check may return a function to call with the constructed object.
func (c *Context) replaceCtor(g *sobek.Object, name string, check func([]sobek.Value) ([]sobek.Value, func(*sobek.Object))) {
	rt := c.rt
	orig, _ := g.Get(name).(*sobek.Object)
	if orig == nil {
		return
	}
	construct, ok := sobek.AssertConstructor(orig)
	if !ok {
		return
	}
	proto, _ := orig.Get("prototype").(*sobek.Object)
	var repl *sobek.Object
	repl = rt.ToValue(func(cc sobek.ConstructorCall) *sobek.Object {
		// sobek gives a native constructor no new.target for a plain
		// `new X()`, nor tells it from a call without new (which V8
		// refuses and this constructs)
		nt := cc.NewTarget
		args, after := check(cc.Arguments)
		if nt == nil || nt == repl {
			nt = orig
		}
		o, err := construct(nt, args...)
		if err != nil {
			panic(err)
		}
		if after != nil {
			after(o)
		}
		return o
	}).(*sobek.Object)
	_ = repl.DefineDataProperty("name", rt.ToValue(name), sobek.FLAG_FALSE, sobek.FLAG_TRUE, sobek.FLAG_FALSE)
	_ = repl.DefineDataProperty("length", orig.Get("length"), sobek.FLAG_FALSE, sobek.FLAG_TRUE, sobek.FLAG_FALSE)
	if proto != nil {
		_ = repl.DefineDataProperty("prototype", proto, sobek.FLAG_FALSE, sobek.FLAG_FALSE, sobek.FLAG_FALSE)
		_ = proto.DefineDataProperty("constructor", repl, sobek.FLAG_TRUE, sobek.FLAG_TRUE, sobek.FLAG_FALSE)
	}
	if p := orig.Prototype(); p != nil {
		_ = repl.SetPrototype(p)
	}
	// the statics V8 gives these constructors
	if v := orig.Get("isView"); v != nil {
		_ = repl.DefineDataProperty("isView", v, sobek.FLAG_TRUE, sobek.FLAG_TRUE, sobek.FLAG_FALSE)
	}
	if v := orig.Get("BYTES_PER_ELEMENT"); v != nil {
		_ = repl.DefineDataProperty("BYTES_PER_ELEMENT", v, sobek.FLAG_FALSE, sobek.FLAG_FALSE, sobek.FLAG_FALSE)
	}
	if name == "ArrayBuffer" {
		species := rt.ToValue(func(fc sobek.FunctionCall) sobek.Value { return fc.This })
		so := species.(*sobek.Object)
		_ = so.DefineDataProperty("name", rt.ToValue("get [Symbol.species]"), sobek.FLAG_FALSE, sobek.FLAG_TRUE, sobek.FLAG_FALSE)
		_ = repl.DefineAccessorPropertySymbol(sobek.SymSpecies, species, nil, sobek.FLAG_TRUE, sobek.FLAG_FALSE)
	}
	_ = g.DefineDataProperty(name, repl, sobek.FLAG_TRUE, sobek.FLAG_TRUE, sobek.FLAG_FALSE)
}
