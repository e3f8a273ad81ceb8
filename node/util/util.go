package util

import (
	_ "embed"
	"fmt"
	"io"
	"os"
	"weak"

	"github.com/grafana/sobek"
	"github.com/jsvm-dev/jsvm/internal/jsequal"
	"github.com/jsvm-dev/jsvm/internal/nodeerr"
	"github.com/jsvm-dev/jsvm/node/encoding"
	"github.com/jsvm-dev/jsvm/node/host"
)

//go:embed util.js
var utilSource string

var embedded = &host.Embedded{Name: "node:util", Params: "module, exports, go", Source: utilSource}

// UnwrapOf returns the membrane unwrapper of h (nil without an isolate).
func UnwrapOf(h *host.Host) func(*sobek.Object) (*sobek.Object, *sobek.Runtime, bool) {
	if h == nil || h.Isolate == nil {
		return nil
	}
	return h.Isolate.Unwrap
}

// CapturedOf returns the captured-intrinsics lookup of h's isolate (nil
// without one).
func CapturedOf(h *host.Host) CapturedReflect {
	if h == nil || h.Isolate == nil {
		return nil
	}
	return h.Isolate.CapturedReflect
}

// Load is the loader of the `util` builtin.
func Load(h *host.Host, module *sobek.Object) error {
	rt := h.Runtime
	exports, ok := module.Get("exports").(*sobek.Object)
	if !ok {
		exports = rt.NewObject()
		_ = module.Set("exports", exports)
	}
	unwrap := UnwrapOf(h)
	captured := CapturedOf(h)
	cache := NewCacheCaptured(rt, captured)
	cache.r.roots = h.IntrinsicGlobal
	cache.r.paths = h.IntrinsicPath

	// util.TextEncoder / util.TextDecoder (also the globals) live in
	// node/encoding.
	enc := rt.NewObject()
	_ = enc.Set("exports", rt.NewObject())
	if err := encoding.Load(h, enc); err != nil {
		return err
	}
	if ee, ok := enc.Get("exports").(*sobek.Object); ok {
		_ = exports.Set("TextEncoder", ee.Get("TextEncoder"))
		_ = exports.Set("TextDecoder", ee.Get("TextDecoder"))
	}

	defaults := rt.NewObject()
	for _, kv := range []struct {
		k string
		v any
	}{{"showHidden", false}, {"depth", 2}, {"colors", false}, {"customInspect", true},
		{"showProxy", false}, {"maxArrayLength", 100}, {"maxStringLength", 10000},
		{"breakLength", 80}, {"compact", 3}, {"sorted", false}, {"getters", false},
		{"numericSeparator", false}} {
		_ = defaults.Set(kv.k, kv.v)
	}
	defaultsByRuntime.Store(weak.Make(rt), weak.Make(defaults))
	optsOf := func(args []sobek.Value) InspectOptions {
		base := OptionsFromJS(rt, []sobek.Value{defaults})
		o := mergeOptions(rt, base, args)
		o.Unwrap = unwrap
		o.Captured = captured
		o.Cache = cache
		return o
	}

	inspect := rt.ToValue(func(call sobek.FunctionCall) sobek.Value {
		var rest []sobek.Value
		if len(call.Arguments) > 1 {
			rest = call.Arguments[1:]
		}
		return rt.ToValue(Inspect(rt, call.Argument(0), optsOf(rest)))
	}).(*sobek.Object)
	_ = inspect.DefineDataProperty("name", rt.ToValue("inspect"), sobek.FLAG_FALSE, sobek.FLAG_TRUE, sobek.FLAG_FALSE)
	rememberInspect(rt, inspect)
	custom := newRealm(rt, nil).custom()
	_ = inspect.Set("custom", custom)
	_ = inspect.DefineAccessorProperty("defaultOptions",
		rt.ToValue(func(sobek.FunctionCall) sobek.Value { return defaults }),
		rt.ToValue(func(call sobek.FunctionCall) sobek.Value {
			o, ok := call.Argument(0).(*sobek.Object)
			if !ok {
				panic(nodeerr.InvalidArgType(rt, "options", "of type object", call.Argument(0)))
			}
			for _, k := range o.Keys() {
				_ = defaults.Set(k, o.Get(k))
			}
			return sobek.Undefined()
		}), sobek.FLAG_TRUE, sobek.FLAG_TRUE)
	colors := rt.NewObject()
	for name, code := range colorCodes {
		_ = colors.Set(name, rt.NewArray(code[0], code[1]))
	}
	_ = colors.Set("grey", rt.NewArray(90, 39))
	_ = inspect.Set("colors", colors)
	stylesObj := rt.NewObject()
	for k, v := range styleColor {
		_ = stylesObj.Set(k, v)
	}
	_ = inspect.Set("styles", stylesObj)
	_ = exports.Set("inspect", inspect)

	setFunc(rt, exports, "format", func(call sobek.FunctionCall) sobek.Value {
		return rt.ToValue(Format(rt, call.Arguments, optsOf(nil)))
	})
	setFunc(rt, exports, "formatWithOptions", func(call sobek.FunctionCall) sobek.Value {
		o, ok := call.Argument(0).(*sobek.Object)
		if !ok || o == nil {
			panic(nodeerr.InvalidArgType(rt, "inspectOptions", "of type object", call.Argument(0)))
		}
		var rest []sobek.Value
		if len(call.Arguments) > 1 {
			rest = call.Arguments[1:]
		}
		return rt.ToValue(Format(rt, rest, optsOf([]sobek.Value{o})))
	})
	setFunc(rt, exports, "isDeepStrictEqual", func(call sobek.FunctionCall) sobek.Value {
		return rt.ToValue(jsequal.DeepEqualWith(call.Argument(0), call.Argument(1), true, jsequal.Options{Unwrap: unwrap}))
	})
	_ = exports.Set("types", Types(rt, unwrap))

	stderr := h.Options.Stderr
	if stderr == nil {
		stderr = io.Discard
	}
	goHelpers := rt.NewObject()
	_ = goHelpers.Set("invalidArgType", func(name, expected string, v sobek.Value) *sobek.Object {
		return nodeerr.InvalidArgType(rt, name, expected, v)
	})
	_ = goHelpers.Set("nodeError", func(kind, code, msg string) *sobek.Object {
		return nodeerr.New(rt, kind, code, msg)
	})
	_ = goHelpers.Set("stderr", func(s string) { _, _ = io.WriteString(stderr, s) })
	_ = goHelpers.Set("pid", os.Getpid())
	hinted := false
	_ = goHelpers.Set("warn", func(call sobek.FunctionCall) sobek.Value {
		// Prefer the host's process.emitWarning when there is one.
		if p, ok := rt.GlobalObject().Get("process").(*sobek.Object); ok {
			if f, ok := sobek.AssertFunction(p.Get("emitWarning")); ok {
				if _, err := f(p, call.Arguments...); err != nil {
					panic(err)
				}
				return sobek.Undefined()
			}
		}
		msg, typ, code := call.Argument(0).String(), call.Argument(1).String(), call.Argument(2)
		line := fmt.Sprintf("(node:%d) ", os.Getpid())
		if !sobek.IsUndefined(code) {
			line += "[" + code.String() + "] "
		}
		line += typ + ": " + msg + "\n"
		if !hinted && typ == "DeprecationWarning" {
			hinted = true
			line += "(Use `node --trace-deprecation ...` to show where the warning was created)\n"
		}
		_, _ = io.WriteString(stderr, line)
		return sobek.Undefined()
	})

	_ = goHelpers.Set("customPromisifyArgs", promisifyArgs)
	fn, err := embedded.Func(h)
	if err != nil {
		return err
	}
	_, err = fn(sobek.Undefined(), module, exports, goHelpers)
	return err
}

// promisifyArgs is Node's internal customPromisifyArgs symbol: a callback
// API carrying it (crypto.generateKeyPair, fs.read, child_process.exec ...)
// resolves util.promisify's promise with an object of these names.
var promisifyArgs = sobek.NewSymbol("customPromisifyArgs")

// KeyObjectHandle is the symbol under which crypto's KeyObjects keep their
// Go key (an own, non-configurable property set by the constructor):
// util.types.isKeyObject is true for objects carrying or inheriting it,
// as node's check of its internal kKeyType symbol.
var KeyObjectHandle = sobek.NewSymbol("kHandle")

// SetPromisifyArgs marks fn as a callback API whose results util.promisify
// gathers into an object with these property names.
func SetPromisifyArgs(rt *sobek.Runtime, fn sobek.Value, names ...string) {
	o, ok := fn.(*sobek.Object)
	if !ok {
		return
	}
	_ = o.DefineDataPropertySymbol(promisifyArgs, rt.ToValue(names), sobek.FLAG_FALSE, sobek.FLAG_FALSE, sobek.FLAG_FALSE)
}

// mergeOptions applies util.inspect's JS arguments on top of base.
func mergeOptions(rt *sobek.Runtime, base InspectOptions, args []sobek.Value) InspectOptions {
	if len(args) == 0 {
		return base
	}
	obj, ok := args[0].(*sobek.Object)
	if !ok {
		o := OptionsFromJS(rt, args)
		res := base
		if len(args) > 0 && !sobek.IsUndefined(args[0]) {
			res.ShowHidden = o.ShowHidden
		}
		if len(args) > 1 && !sobek.IsUndefined(args[1]) {
			res.Depth = o.Depth
		}
		if len(args) > 2 && !sobek.IsUndefined(args[2]) {
			res.Colors = o.Colors
		}
		return res
	}
	o := OptionsFromJS(rt, args)
	has := func(k string) bool {
		v := obj.Get(k)
		return v != nil && !sobek.IsUndefined(v)
	}
	res := base
	if has("depth") {
		res.Depth = o.Depth
	}
	if has("colors") {
		res.Colors = o.Colors
	}
	if has("showHidden") {
		res.ShowHidden = o.ShowHidden
	}
	if has("showProxy") {
		res.ShowProxy = o.ShowProxy
	}
	if has("customInspect") {
		res.NoCustomInspect = o.NoCustomInspect
	}
	if has("breakLength") {
		res.BreakLength = o.BreakLength
	}
	if has("maxArrayLength") {
		res.MaxArrayLength = o.MaxArrayLength
	}
	if has("maxStringLength") {
		res.MaxStringLength = o.MaxStringLength
	}
	if has("sorted") {
		res.Sorted = o.Sorted
	}
	if has("getters") {
		res.Getters = o.Getters
	}
	if has("compact") {
		res.Compact = o.Compact
	}
	return res
}

// Types builds util.types for rt.
func Types(rt *sobek.Runtime, unwrap func(*sobek.Object) (*sobek.Object, *sobek.Runtime, bool)) *sobek.Object {
	t := rt.NewObject()
	def := func(name string, pred func(r *realm, o *sobek.Object) bool) {
		setFunc(rt, t, name, func(call sobek.FunctionCall) sobek.Value {
			o, ok := call.Argument(0).(*sobek.Object)
			if !ok || o == nil {
				return rt.ToValue(false)
			}
			r := newRealm(rt, nil)
			if unwrap != nil {
				if orig, home, ok := unwrap(o); ok {
					o, r = orig, newRealm(home, nil)
				}
			}
			if name != "isProxy" && o.ExportType() == typeProxy {
				return rt.ToValue(false)
			}
			return rt.ToValue(pred(r, o))
		})
	}
	c := &ictx{}
	taIs := func(kind string) func(r *realm, o *sobek.Object) bool {
		return func(r *realm, o *sobek.Object) bool { return c.typedArrayName(r, o) == kind }
	}
	boxed := func(kind string) func(r *realm, o *sobek.Object) bool {
		return func(r *realm, o *sobek.Object) bool { return boxedKind(r, o) == kind }
	}
	def("isExternal", func(*realm, *sobek.Object) bool { return false })
	def("isDate", func(r *realm, o *sobek.Object) bool { return o.ExportType() == typeTime })
	def("isArgumentsObject", func(r *realm, o *sobek.Object) bool { return o.ClassName() == "Arguments" })
	def("isBigIntObject", boxed("BigInt"))
	def("isBooleanObject", boxed("Boolean"))
	def("isNumberObject", boxed("Number"))
	def("isStringObject", boxed("String"))
	def("isSymbolObject", boxed("Symbol"))
	def("isBoxedPrimitive", func(r *realm, o *sobek.Object) bool { return boxedKind(r, o) != "" })
	def("isNativeError", func(r *realm, o *sobek.Object) bool { return o.ClassName() == "Error" })
	def("isRegExp", func(r *realm, o *sobek.Object) bool { return o.ClassName() == "RegExp" })
	def("isAsyncFunction", func(r *realm, o *sobek.Object) bool { a, _ := funcKind(o); return a })
	def("isGeneratorFunction", func(r *realm, o *sobek.Object) bool { _, g := funcKind(o); return g })
	def("isGeneratorObject", func(r *realm, o *sobek.Object) bool { return protoChainHas(o, generatorProto(r)) })
	def("isPromise", func(r *realm, o *sobek.Object) bool { return o.ExportType() == typePromise })
	def("isMap", func(r *realm, o *sobek.Object) bool { return o.ExportType() == reflectTypeMapExport && c.isMap(r, o) })
	def("isSet", func(r *realm, o *sobek.Object) bool {
		return o.ExportType() == reflectTypeSetExport && o.ClassName() != "Array" && c.isSet(r, o)
	})
	def("isMapIterator", func(r *realm, o *sobek.Object) bool {
		return protoChainHas(o, iterProto(r, "Map")) && o.ClassName() != "Map"
	})
	def("isSetIterator", func(r *realm, o *sobek.Object) bool {
		return protoChainHas(o, iterProto(r, "Set")) && o.ClassName() != "Set"
	})
	def("isWeakMap", func(r *realm, o *sobek.Object) bool { return c.isWeak(r, o, "WeakMap") })
	def("isWeakSet", func(r *realm, o *sobek.Object) bool { return c.isWeak(r, o, "WeakSet") })
	def("isArrayBuffer", func(r *realm, o *sobek.Object) bool { return o.ExportType() == typeABuf })
	def("isAnyArrayBuffer", func(r *realm, o *sobek.Object) bool { return o.ExportType() == typeABuf })
	def("isSharedArrayBuffer", func(*realm, *sobek.Object) bool { return false })
	def("isDataView", func(r *realm, o *sobek.Object) bool { return c.isDataView(r, o) })
	def("isProxy", func(r *realm, o *sobek.Object) bool { return o.ExportType() == typeProxy })
	def("isModuleNamespaceObject", func(r *realm, o *sobek.Object) bool {
		t := o.GetSymbol(sobek.SymToStringTag)
		return t != nil && t.String() == "Module" && o.Prototype() == nil
	})
	def("isTypedArray", func(r *realm, o *sobek.Object) bool { return c.typedArrayName(r, o) != "" })
	def("isArrayBufferView", func(r *realm, o *sobek.Object) bool {
		return c.typedArrayName(r, o) != "" || c.isDataView(r, o)
	})
	for _, k := range []string{"Uint8Array", "Uint8ClampedArray", "Uint16Array", "Uint32Array", "Int8Array",
		"Int16Array", "Int32Array", "Float32Array", "Float64Array", "BigInt64Array", "BigUint64Array"} {
		def("is"+k, taIs(k))
	}
	def("isKeyObject", func(_ *realm, o *sobek.Object) bool {
		if o.ExportType() == typeProxy {
			return false // no trap may run (node reads through the Proxy)
		}
		v := o.GetSymbol(KeyObjectHandle)
		return v != nil && !sobek.IsUndefined(v)
	})
	def("isCryptoKey", func(*realm, *sobek.Object) bool { return false })
	return t
}

func iterProto(r *realm, kind string) sobek.Value {
	key := "%" + kind + "IteratorPrototype%"
	if v, ok := r.cache[key]; ok {
		return v
	}
	var res sobek.Value
	if ctor, ok := r.rt.GlobalObject().Get(kind).(*sobek.Object); ok {
		if inst, err := r.rt.New(ctor); err == nil {
			if f, ok := sobek.AssertFunction(inst.Get("values")); ok {
				if it, err := f(inst); err == nil {
					if io, ok := it.(*sobek.Object); ok {
						res = io.Prototype()
					}
				}
			}
		}
	}
	r.cache[key] = res
	return res
}

// boxedKind names the primitive a boxed primitive wraps ("" if o is not one).
func boxedKind(r *realm, o *sobek.Object) string {
	var typ string
	switch o.ClassName() {
	case "Number", "String", "Boolean":
		typ = o.ClassName()
	default:
		et := o.ExportType()
		switch {
		case et != nil && et.String() == "*big.Int":
			typ = "BigInt"
		case protoChainHas(o, r.intrinsic("Symbol.prototype")):
			typ = "Symbol"
		case protoChainHas(o, r.intrinsic("BigInt.prototype")):
			typ = "BigInt"
		}
	}
	if typ == "" {
		return ""
	}
	if _, ok := r.tryCall(r.intrinsic(typ+".prototype.valueOf"), o); !ok {
		return ""
	}
	return typ
}

// setFunc defines a native method with a proper name.
func setFunc(rt *sobek.Runtime, o *sobek.Object, name string, f func(sobek.FunctionCall) sobek.Value) {
	fo := rt.ToValue(f).(*sobek.Object)
	_ = fo.DefineDataProperty("name", rt.ToValue(name), sobek.FLAG_FALSE, sobek.FLAG_TRUE, sobek.FLAG_FALSE)
	_ = o.Set(name, fo)
}

var genProg = sobek.MustCompile("generator", "(function*(){})", false)

// generatorProto is %GeneratorFunction.prototype.prototype% of r.
func generatorProto(r *realm) sobek.Value {
	const key = "%GeneratorPrototype%"
	if v, ok := r.cache[key]; ok {
		return v
	}
	var res sobek.Value
	if g, err := r.rt.RunProgram(genProg); err == nil {
		if gf, ok := g.(*sobek.Object); ok && gf.Prototype() != nil {
			res = gf.Prototype().Get("prototype")
		}
	}
	r.cache[key] = res
	return res
}
