package util

import (
	"math"
	"reflect"
	"regexp"
	"sort"
	"strings"
	"time"

	"github.com/grafana/sobek"
	"github.com/jsvm-dev/jsvm/internal/engine"
	"github.com/jsvm-dev/jsvm/internal/stack"
)

// Inspect returns what Node's util.inspect(v, opts) returns. v must belong
// to rt (or be a membrane wrapper that opts.Unwrap resolves). A JS exception
// thrown by user code during inspection (a getter, a custom inspect
// function, a proxy trap) propagates as a panic, which sobek turns into a JS
// throw when the caller is a native function; Go callers that run outside
// JS should use rt.Try.
func Inspect(rt *sobek.Runtime, v sobek.Value, opts InspectOptions) string {
	c := newCtx(rt, opts)
	return c.formatValue(c.realmOf(rt), v, 0, false)
}

const (
	kObjectType = iota
	kArrayType
	kArrayExtrasType
)

type ictx struct {
	opts            InspectOptions
	depth           int // math.MaxInt32: unlimited
	colors          bool
	showHidden      bool
	breakLength     int
	compactTrue     bool
	compact         int // number mode (0 for false)
	sorted          bool
	getters         bool
	maxArrayLength  int
	maxStringLength int
	showProxy       bool
	customInspect   bool

	indentationLvl int
	currentDepth   int
	seen           []*sobek.Object
	circular       map[*sobek.Object]int
	realms         map[*sobek.Runtime]*realm
	ctorCache      map[*sobek.Object]ctorInfo
	top            *sobek.Runtime
}

func newCtx(rt *sobek.Runtime, opts InspectOptions) *ictx {
	c := &ictx{
		opts:          opts,
		colors:        opts.Colors,
		showHidden:    opts.ShowHidden,
		sorted:        opts.Sorted,
		getters:       opts.Getters,
		showProxy:     opts.ShowProxy,
		customInspect: !opts.NoCustomInspect,
		realms:        make(map[*sobek.Runtime]*realm),
		top:           rt,
	}
	switch c.depth = resolveNum(opts.Depth, 2); {
	case opts.Depth == DepthMinusOne:
		c.depth = -1
	case c.depth < 0:
		c.depth = math.MaxInt32
	}
	c.breakLength = resolveNum(opts.BreakLength, 80)
	if c.breakLength < 0 {
		c.breakLength = math.MaxInt32
	}
	c.maxArrayLength = resolveNum(opts.MaxArrayLength, 100)
	if c.maxArrayLength < 0 {
		c.maxArrayLength = math.MaxInt32
	}
	c.maxStringLength = resolveNum(opts.MaxStringLength, 10000)
	if c.maxStringLength < 0 {
		c.maxStringLength = math.MaxInt32
	}
	switch {
	case opts.Compact == 0:
		c.compact = 3
	case opts.Compact == CompactTrue:
		c.compactTrue = true
	case opts.Compact == CompactFalse || opts.Compact == Zero || opts.Compact < 0:
		c.compact = 0
	default:
		c.compact = opts.Compact
	}
	return c
}

func (c *ictx) realmOf(rt *sobek.Runtime) *realm {
	r := c.realms[rt]
	if r == nil {
		r = c.opts.Cache.realmFor(rt, c.opts.Captured)
		c.realms[rt] = r
	}
	return r
}

func (ca *Cache) realmFor(rt *sobek.Runtime, captured CapturedReflect) *realm {
	if ca != nil && ca.rt == rt {
		return ca.r
	}
	return newRealm(rt, captured)
}

func (c *ictx) overDepth(recurse int) bool { return recurse > c.depth }

func (c *ictx) stylize(s, style string) string {
	if !c.colors {
		return s
	}
	if code, ok := styles[style]; ok {
		return colorize(s, code)
	}
	return s
}

func (c *ictx) visibleLen(s string) int {
	if c.colors {
		s = removeColors(s)
	}
	return jsLen(s)
}

func spaces(n int) string {
	if n <= 0 {
		return ""
	}
	return strings.Repeat(" ", n)
}

// ---- primitives ----

func (c *ictx) formatNumber(v sobek.Value) string {
	f := v.ToFloat()
	if f == 0 && math.Signbit(f) {
		return c.stylize("-0", "number")
	}
	return c.stylize(v.String(), "number")
}

func (c *ictx) formatPrimitive(r *realm, v sobek.Value) string {
	switch {
	case v == nil || sobek.IsUndefined(v):
		return c.stylize("undefined", "undefined")
	case sobek.IsNull(v):
		return c.stylize("null", "null")
	case sobek.IsString(v):
		s := jsString(v)
		trailer := ""
		if n := jsLen(s); n > c.maxStringLength {
			rem := n - c.maxStringLength
			s = sliceJS(s, c.maxStringLength)
			trailer = "... " + itoa(rem) + " more character" + plural(rem)
		}
		n := jsLen(s)
		if !c.compactTrue && n > 16 && n > c.breakLength-c.indentationLvl-4 {
			lines := splitLinesKeep(s)
			parts := make([]string, len(lines))
			for i, l := range lines {
				parts[i] = c.stylize(strEscape(l), "string")
			}
			return strings.Join(parts, " +\n"+spaces(c.indentationLvl+2)) + trailer
		}
		return c.stylize(strEscape(s), "string") + trailer
	case sobek.IsNumber(v):
		return c.formatNumber(v)
	case sobek.IsBigInt(v):
		return c.stylize(v.String()+"n", "bigint")
	}
	if s, ok := v.(*sobek.Symbol); ok {
		return c.stylize(symbolString(r, s), "symbol")
	}
	if b, ok := v.Export().(bool); ok {
		if b {
			return c.stylize("true", "boolean")
		}
		return c.stylize("false", "boolean")
	}
	return v.String()
}

func symbolString(r *realm, s *sobek.Symbol) string {
	if r != nil {
		if v, ok := r.tryCall(r.intrinsic("Symbol.prototype.toString"), s); ok {
			return escapeKey(v.String())
		}
	}
	return "Symbol(" + s.String() + ")"
}

func plural(n int) string {
	if n > 1 {
		return "s"
	}
	return ""
}

func remainingText(n int) string { return "... " + itoa(n) + " more item" + plural(n) }

// sliceJS cuts s after n UTF-16 units.
func sliceJS(s string, n int) string {
	u := 0
	for i := 0; i < len(s); {
		r, size := decodeWTF8(s[i:])
		w := 1
		if r >= 0x10000 {
			w = 2
		}
		if u+w > n {
			return s[:i]
		}
		u += w
		i += size
	}
	return s
}

// ---- objects ----

func (c *ictx) formatValue(r *realm, v sobek.Value, recurse int, typedArray bool) string {
	o, ok := v.(*sobek.Object)
	if !ok || o == nil {
		return c.formatPrimitive(r, v)
	}
	if c.opts.Unwrap != nil {
		if orig, home, ok := c.opts.Unwrap(o); ok && orig != nil {
			o = orig
			if home != nil {
				r = c.realmOf(home)
			}
		}
	}
	context := o
	isProxy := false
	if o.ExportType() == typeProxy {
		p := o.Export().(sobek.Proxy)
		target := p.Target()
		if target == nil {
			return c.stylize("<Revoked Proxy>", "special")
		}
		if c.showProxy {
			return c.formatProxy(r, p, recurse)
		}
		isProxy = true
		o = target
	}

	if c.customInspect {
		if out, done := c.tryCustom(r, o, context, isProxy, recurse); done {
			return out
		}
	}

	for _, s := range c.seen {
		if s == o {
			if c.circular == nil {
				c.circular = make(map[*sobek.Object]int)
			}
			idx, ok := c.circular[o]
			if !ok {
				idx = len(c.circular) + 1
				c.circular[o] = idx
			}
			return c.stylize("[Circular *"+itoa(idx)+"]", "special")
		}
	}
	return c.formatRaw(r, o, recurse, typedArray)
}

func (c *ictx) tryCustom(r *realm, o, context *sobek.Object, isProxy bool, recurse int) (string, bool) {
	fn := o.GetSymbol(r.custom())
	if fn == nil {
		return "", false
	}
	if _, ok := sobek.AssertFunction(fn); !ok || isInspectFunc(fn) {
		return "", false
	}
	if ctor, ok := o.Get("constructor").(*sobek.Object); ok {
		if p, ok := ctor.Get("prototype").(*sobek.Object); ok && p == o {
			return "", false
		}
	}
	var depth sobek.Value
	if c.depth == math.MaxInt32 {
		depth = r.rt.ToValue(math.Inf(1))
	} else {
		depth = r.rt.ToValue(c.depth - recurse)
	}
	ret := r.call(fn, context, depth, c.userOptions(r), r.inspectFunction(c))
	if rc, ok := ret.(*sobek.Object); ok && rc == context {
		return "", false
	}
	if sobek.IsString(ret) {
		return strings.ReplaceAll(ret.String(), "\n", "\n"+spaces(c.indentationLvl)), true
	}
	return c.formatValue(r, ret, recurse, false), true
}

// userOptions builds the options object passed to custom inspect functions.
func (c *ictx) userOptions(r *realm) *sobek.Object {
	rt := r.rt
	o := rt.NewObject()
	num := func(n int) sobek.Value {
		if n < 0 || n >= math.MaxInt32 {
			return rt.ToValue(math.Inf(1))
		}
		return rt.ToValue(n)
	}
	_ = o.Set("showHidden", c.showHidden)
	if c.depth == math.MaxInt32 {
		_ = o.Set("depth", math.Inf(1))
	} else {
		_ = o.Set("depth", c.depth)
	}
	_ = o.Set("colors", c.colors)
	_ = o.Set("customInspect", c.customInspect)
	_ = o.Set("showProxy", c.showProxy)
	_ = o.Set("maxArrayLength", num(c.maxArrayLength))
	_ = o.Set("maxStringLength", num(c.maxStringLength))
	_ = o.Set("breakLength", num(c.breakLength))
	if c.compactTrue {
		_ = o.Set("compact", true)
	} else if c.compact == 0 {
		_ = o.Set("compact", false)
	} else {
		_ = o.Set("compact", c.compact)
	}
	_ = o.Set("sorted", c.sorted)
	_ = o.Set("getters", c.getters)
	_ = o.Set("numericSeparator", false)
	colors := c.colors
	_ = o.Set("stylize", func(call sobek.FunctionCall) sobek.Value {
		s := call.Argument(0).String()
		if !colors {
			return rt.ToValue(s)
		}
		if code, ok := styles[call.Argument(1).String()]; ok {
			return rt.ToValue(colorize(s, code))
		}
		return rt.ToValue(s)
	})
	return o
}

// inspectFunction is the `inspect` argument handed to custom inspectors.
func (r *realm) inspectFunction(c *ictx) sobek.Value {
	if r.inspectFn != nil {
		return r.inspectFn
	}
	if f := loadedInspect(r.rt); f != nil {
		r.inspectFn = f
		return f
	}
	rt := r.rt
	unwrap, captured := c.opts.Unwrap, c.opts.Captured
	f := rt.ToValue(func(call sobek.FunctionCall) sobek.Value {
		opts := OptionsFromJS(rt, call.Arguments[1:])
		opts.Unwrap, opts.Captured = unwrap, captured
		return rt.ToValue(Inspect(rt, call.Argument(0), opts))
	}).(*sobek.Object)
	registerInspectFunc(f)
	r.inspectFn = f
	return f
}

func (c *ictx) formatProxy(r *realm, p sobek.Proxy, recurse int) string {
	if c.overDepth(recurse) {
		return c.stylize("Proxy [Array]", "special")
	}
	recurse++
	c.indentationLvl += 2
	var handler sobek.Value = sobek.Null()
	if h := engine.UserProxyHandler(p.Handler()); h != nil {
		handler = h
	}
	out := []string{
		c.formatValue(r, p.Target(), recurse, false),
		c.formatValue(r, handler, recurse, false),
	}
	c.indentationLvl -= 2
	return c.reduceToSingleString(out, "", [2]string{"Proxy [", "]"}, kArrayExtrasType, recurse, nil)
}

// constructorName walks the prototype chain for an own `constructor` whose
// prototype chain holds obj. ok is false for null-prototype objects.
func (c *ictx) constructorName(r *realm, obj *sobek.Object, recurse int) (string, bool) {
	var firstProto *sobek.Object
	first := true
	for cur := obj; cur != nil; {
		if f, name := c.ownConstructor(r, cur, cur != obj); f != nil {
			if protoChainHas(obj, f.Get("prototype")) {
				return name, true
			}
		}
		cur = cur.Prototype()
		if first {
			firstProto = cur
			first = false
		}
	}
	if firstProto == nil {
		return "", false
	}
	res := obj.ClassName()
	if c.overDepth(recurse) {
		return res + " <Complex prototype>", true
	}
	protoName, ok := c.constructorName(r, firstProto, recurse+1)
	if !ok {
		sub := *c
		sub.customInspect = false
		sub.depth = -1
		sub.opts.Depth = DepthMinusOne
		sub.seen = nil
		sub.circular = nil
		sub.indentationLvl = 0
		return res + " <" + sub.formatValue(r, firstProto, 0, false) + ">", true
	}
	return res + " <" + protoName + ">", true
}

type ctorInfo struct {
	f    *sobek.Object
	name string
}

// ownConstructor returns o's own `constructor` when it is a data property
// holding a named function. Results for prototypes are cached for the call.
func (c *ictx) ownConstructor(r *realm, o *sobek.Object, cache bool) (*sobek.Object, string) {
	if cache {
		if ci, ok := c.ctorCache[o]; ok {
			return ci.f, ci.name
		}
	}
	var ci ctorInfo
	if r.hasOwnFast(o, "constructor") {
		if d := r.descriptor(o, pkey{s: "constructor"}); d != nil && d.value != nil {
			if f, ok := d.value.(*sobek.Object); ok {
				if _, isFn := sobek.AssertFunction(f); isFn {
					if name := f.Get("name"); name != nil && name.String() != "" {
						ci = ctorInfo{f, name.String()}
					}
				}
			}
		}
	}
	if cache {
		if c.ctorCache == nil {
			c.ctorCache = make(map[*sobek.Object]ctorInfo)
		}
		c.ctorCache[o] = ci
	}
	return ci.f, ci.name
}

func getPrefix(constructor string, hasCtor bool, tag, fallback, size string) string {
	if !hasCtor {
		if tag != "" && fallback != tag {
			return "[" + fallback + size + ": null prototype] [" + tag + "] "
		}
		return "[" + fallback + size + ": null prototype] "
	}
	if tag != "" && constructor != tag {
		return constructor + size + " [" + tag + "] "
	}
	return constructor + size + " "
}

type formatter func() []string

func (c *ictx) formatRaw(r *realm, o *sobek.Object, recurse int, typedArray bool) string {
	constructor, hasCtor := c.constructorName(r, o, recurse)

	tag := ""
	if t := o.GetSymbol(sobek.SymToStringTag); t != nil && sobek.IsString(t) {
		tag = t.String()
		if tag != "" {
			d := r.descriptor(o, pkey{sym: sobek.SymToStringTag})
			if d != nil && (c.showHidden || d.enumerable) {
				tag = ""
			}
		}
	}

	var (
		keys       []pkey
		base       string
		braces     [2]string
		extrasType = kObjectType
		format     formatter
	)
	noFormatter := func() []string { return nil }
	format = noFormatter
	className := o.ClassName()
	et := o.ExportType()

	switch {
	case className == "Array":
		prefix := ""
		if constructor != "Array" || tag != "" || !hasCtor {
			prefix = getPrefix(constructor, hasCtor, tag, "Array", "("+itoa(int(o.Get("length").ToInteger()))+")")
		}
		keys = c.nonIndexKeys(r, o)
		braces = [2]string{prefix + "[", "]"}
		length := int(o.Get("length").ToInteger())
		if length == 0 && len(keys) == 0 {
			return braces[0] + "]"
		}
		extrasType = kArrayExtrasType
		format = func() []string { return c.formatArray(r, o, recurse, length) }
	case et == reflectTypeSetExport && className != "Array" && c.isSet(r, o):
		size := int(r.call(r.intrinsic("Set.prototype.#size"), o).ToInteger())
		prefix := getPrefix(constructor, hasCtor, tag, "Set", "("+itoa(size)+")")
		keys = r.ownKeys(o, c.showHidden)
		if size == 0 && len(keys) == 0 {
			return prefix + "{}"
		}
		braces = [2]string{prefix + "{", "}"}
		format = func() []string { return c.formatSet(r, o, size, recurse) }
	case et == reflectTypeMapExport && c.isMap(r, o):
		size := int(r.call(r.intrinsic("Map.prototype.#size"), o).ToInteger())
		prefix := getPrefix(constructor, hasCtor, tag, "Map", "("+itoa(size)+")")
		keys = r.ownKeys(o, c.showHidden)
		if size == 0 && len(keys) == 0 {
			return prefix + "{}"
		}
		braces = [2]string{prefix + "{", "}"}
		format = func() []string { return c.formatMap(r, o, size, recurse) }
	default:
		if taName := c.typedArrayName(r, o); taName != "" {
			keys = c.nonIndexKeys(r, o)
			length := int(r.call(r.intrinsic("%TypedArray%.prototype.#length"), o).ToInteger())
			if constructor == "Buffer" && hasCtor && taName == "Uint8Array" {
				return c.formatBuffer(r, o, length, keys)
			}
			fallback := ""
			if !hasCtor {
				fallback = taName
			}
			prefix := getPrefix(constructor, hasCtor, tag, fallback, "("+itoa(length)+")")
			braces = [2]string{prefix + "[", "]"}
			if length == 0 && len(keys) == 0 && !c.showHidden {
				return braces[0] + "]"
			}
			format = func() []string { return c.formatTypedArray(r, o, length, recurse) }
			extrasType = kArrayExtrasType
			break
		}
		keys = r.ownKeys(o, c.showHidden)
		braces = [2]string{"{", "}"}
		_, isFunc := sobek.AssertFunction(o)
		switch {
		case isFunc:
			base = c.functionBase(r, o, constructor, hasCtor, tag)
			if len(keys) == 0 {
				return c.stylize(base, "special")
			}
		case constructor == "Object" && hasCtor && className == "Arguments":
			braces[0] = "[Arguments] {"
			if len(keys) == 0 {
				return braces[0] + "}"
			}
		case className == "RegExp":
			base = r.call(r.intrinsic("RegExp.prototype.toString"), o).String()
			prefix := getPrefix(constructor, hasCtor, tag, "RegExp", "")
			if prefix != "RegExp " {
				base = prefix + base
			}
			if len(keys) == 0 || c.overDepth(recurse) {
				return c.stylize(base, "regexp")
			}
		case et == typeTime:
			if t, ok := r.tryCall(r.intrinsic("Date.prototype.getTime"), o); ok && math.IsNaN(t.ToFloat()) {
				base = r.call(r.intrinsic("Date.prototype.toString"), o).String()
			} else {
				base = r.call(r.intrinsic("Date.prototype.toISOString"), o).String()
			}
			prefix := getPrefix(constructor, hasCtor, tag, "Date", "")
			if prefix != "Date " {
				base = prefix + base
			}
			if len(keys) == 0 {
				return c.stylize(base, "date")
			}
		case c.isError(r, o, className):
			var ks []pkey
			base, ks = c.formatError(r, o, constructor, hasCtor, tag, keys)
			keys = ks
			if len(keys) == 0 {
				return base
			}
		case et == typeABuf:
			prefix := getPrefix(constructor, hasCtor, tag, "ArrayBuffer", "")
			if !typedArray {
				format = func() []string { return c.formatArrayBuffer(o) }
			} else if len(keys) == 0 {
				return prefix + "{ byteLength: " + c.formatNumber(o.Get("byteLength")) + " }"
			}
			braces[0] = prefix + "{"
			keys = append([]pkey{{s: "byteLength"}}, keys...)
		case c.isDataView(r, o):
			braces[0] = getPrefix(constructor, hasCtor, tag, "DataView", "") + "{"
			keys = append([]pkey{{s: "byteLength"}, {s: "byteOffset"}, {s: "buffer"}}, keys...)
		case et == typePromise:
			braces[0] = getPrefix(constructor, hasCtor, tag, "Promise", "") + "{"
			p := o.Export().(*sobek.Promise)
			format = func() []string { return c.formatPromise(r, p, recurse) }
		case !hasCtor && tag == "Module":
			braces[0] = "[Module: null prototype] {"
		case c.isWeak(r, o, "WeakSet"):
			braces[0] = getPrefix(constructor, hasCtor, tag, "WeakSet", "") + "{"
			format = func() []string { return []string{c.stylize("<items unknown>", "special")} }
		case c.isWeak(r, o, "WeakMap"):
			braces[0] = getPrefix(constructor, hasCtor, tag, "WeakMap", "") + "{"
			format = func() []string { return []string{c.stylize("<items unknown>", "special")} }
		default:
			if b, isBoxed := c.boxedBase(r, o, et, constructor, hasCtor, tag, &keys); isBoxed {
				base = b
				if len(keys) == 0 {
					return base
				}
				break
			}
			if constructor == "Object" && hasCtor {
				if tag != "" {
					braces[0] = getPrefix(constructor, hasCtor, tag, "Object", "") + "{"
				}
				if len(keys) == 0 {
					return braces[0] + "}"
				}
				break
			}
			if len(keys) == 0 {
				return getPrefix(constructor, hasCtor, tag, "Object", "") + "{}"
			}
			braces[0] = getPrefix(constructor, hasCtor, tag, "Object", "") + "{"
		}
	}

	if c.overDepth(recurse) {
		name := getPrefix(constructor, hasCtor, tag, "Object", "")
		name = name[:len(name)-1]
		if hasCtor {
			name = "[" + name + "]"
		}
		return c.stylize(name, "special")
	}
	recurse++
	c.seen = append(c.seen, o)
	c.currentDepth = recurse
	output := format()
	for _, k := range keys {
		output = append(output, c.formatProperty(r, o, recurse, k, extrasType, nil))
	}
	if c.circular != nil {
		if idx, ok := c.circular[o]; ok {
			ref := c.stylize("<ref *"+itoa(idx)+">", "special")
			if !c.compactTrue {
				if base == "" {
					base = ref
				} else {
					base = ref + " " + base
				}
			} else {
				braces[0] = ref + " " + braces[0]
			}
		}
	}
	c.seen = c.seen[:len(c.seen)-1]

	if c.sorted {
		if extrasType == kObjectType {
			sort.Strings(output)
		} else if len(keys) > 1 {
			tail := output[len(output)-len(keys):]
			sort.Strings(tail)
		}
	}
	return c.reduceToSingleString(output, base, braces, extrasType, recurse, o)
}

var (
	reflectTypeSetExport = reflect.TypeOf([]interface{}{})
	reflectTypeMapExport = reflect.TypeOf([][2]interface{}{})
	typeTime             = reflect.TypeOf(time.Time{})
)

func (c *ictx) isSet(r *realm, o *sobek.Object) bool {
	_, ok := r.tryCall(r.intrinsic("Set.prototype.#size"), o)
	return ok
}

func (c *ictx) isMap(r *realm, o *sobek.Object) bool {
	_, ok := r.tryCall(r.intrinsic("Map.prototype.#size"), o)
	return ok
}

func (c *ictx) typedArrayName(r *realm, o *sobek.Object) string {
	switch o.ExportType().Kind() {
	case reflect.Slice:
	default:
		return ""
	}
	if o.ClassName() == "Array" {
		return ""
	}
	v, ok := r.tryCall(r.intrinsic("%TypedArray%.prototype.#@@toStringTag"), o)
	if !ok || v == nil || !sobek.IsString(v) {
		return ""
	}
	return v.String()
}

func (c *ictx) isDataView(r *realm, o *sobek.Object) bool {
	if !protoChainHas(o, r.intrinsic("DataView.prototype")) {
		return false
	}
	_, ok := r.tryCall(r.intrinsic("DataView.prototype.#byteLength"), o)
	return ok
}

func (c *ictx) isWeak(r *realm, o *sobek.Object, kind string) bool {
	if !protoChainHas(o, r.intrinsic(kind+".prototype")) {
		return false
	}
	_, ok := r.tryCall(r.intrinsic(kind+".prototype.has"), o, r.rt.NewObject())
	return ok
}

func (c *ictx) isError(r *realm, o *sobek.Object, className string) bool {
	if className == "Error" {
		return true
	}
	return protoChainHas(o, r.intrinsic("Error.prototype"))
}

var indexKeyRe = regexp.MustCompile(`^(0|[1-9][0-9]*)$`)

func isIndexKey(k pkey) bool {
	if k.sym != nil || !indexKeyRe.MatchString(k.s) {
		return false
	}
	return len(k.s) < 10 || (len(k.s) == 10 && k.s <= "4294967294")
}

func filterIndexKeys(keys []pkey) []pkey {
	out := keys[:0:0]
	for _, k := range keys {
		if !isIndexKey(k) {
			out = append(out, k)
		}
	}
	return out
}

func (c *ictx) nonIndexKeys(r *realm, o *sobek.Object) []pkey {
	if c.showHidden {
		keys := filterIndexKeys(r.ownKeys(o, true))
		out := keys[:0:0]
		for _, k := range keys {
			if k.sym == nil && k.s == "length" && o.ClassName() == "Array" {
				// Node lists it as [length]; keep it.
			}
			out = append(out, k)
		}
		return out
	}
	return filterIndexKeys(r.ownKeys(o, false))
}

func (c *ictx) formatArray(r *realm, o *sobek.Object, recurse, length int) []string {
	n := length
	if c.maxArrayLength < n {
		n = c.maxArrayLength
	}
	remaining := length - n
	output := make([]string, 0, n+1)
	for i := 0; i < n; i++ {
		k := pkey{s: itoa(i)}
		d := r.descriptor(o, k)
		if d == nil {
			return c.formatSpecialArray(r, o, recurse, n, output, i, length)
		}
		output = append(output, c.formatProperty(r, o, recurse, k, kArrayType, d))
	}
	if remaining > 0 {
		output = append(output, remainingText(remaining))
	}
	return output
}

func (c *ictx) formatSpecialArray(r *realm, o *sobek.Object, recurse, maxLength int, output []string, i, length int) []string {
	var keys []string
	for _, k := range r.ownKeys(o, false) {
		if k.sym == nil {
			keys = append(keys, k.s)
		}
	}
	index := i
	for ; i < len(keys) && len(output) < maxLength; i++ {
		key := keys[i]
		if !isIndexKey(pkey{s: key}) {
			break
		}
		tmp := int(parseIntSimple(key))
		if itoa(index) != key {
			empty := tmp - index
			output = append(output, c.stylize("<"+itoa(empty)+" empty item"+plural(empty)+">", "undefined"))
			index = tmp
			if len(output) == maxLength {
				break
			}
		}
		output = append(output, c.formatProperty(r, o, recurse, pkey{s: key}, kArrayType, nil))
		index++
	}
	remaining := length - index
	if len(output) != maxLength {
		if remaining > 0 {
			output = append(output, c.stylize("<"+itoa(remaining)+" empty item"+plural(remaining)+">", "undefined"))
		}
	} else if remaining > 0 {
		output = append(output, remainingText(remaining))
	}
	return output
}

func parseIntSimple(s string) int64 {
	var n int64
	for i := 0; i < len(s); i++ {
		n = n*10 + int64(s[i]-'0')
	}
	return n
}

func (c *ictx) formatSet(r *realm, o *sobek.Object, size, recurse int) []string {
	var vals []sobek.Value
	r.call(r.intrinsic("Set.prototype.forEach"), o, r.rt.ToValue(func(call sobek.FunctionCall) sobek.Value {
		vals = append(vals, call.Argument(0))
		return sobek.Undefined()
	}))
	maxLen := size
	if c.maxArrayLength < maxLen {
		maxLen = c.maxArrayLength
	}
	c.indentationLvl += 2
	output := make([]string, 0, maxLen+1)
	for i, v := range vals {
		if i >= maxLen {
			break
		}
		output = append(output, c.formatValue(r, v, recurse, false))
	}
	if rem := size - maxLen; rem > 0 {
		output = append(output, remainingText(rem))
	}
	c.indentationLvl -= 2
	return output
}

func (c *ictx) formatMap(r *realm, o *sobek.Object, size, recurse int) []string {
	var ks, vs []sobek.Value
	r.call(r.intrinsic("Map.prototype.forEach"), o, r.rt.ToValue(func(call sobek.FunctionCall) sobek.Value {
		vs = append(vs, call.Argument(0))
		ks = append(ks, call.Argument(1))
		return sobek.Undefined()
	}))
	maxLen := size
	if c.maxArrayLength < maxLen {
		maxLen = c.maxArrayLength
	}
	c.indentationLvl += 2
	output := make([]string, 0, maxLen+1)
	for i := range ks {
		if i >= maxLen {
			break
		}
		output = append(output, c.formatValue(r, ks[i], recurse, false)+" => "+c.formatValue(r, vs[i], recurse, false))
	}
	if rem := size - maxLen; rem > 0 {
		output = append(output, remainingText(rem))
	}
	c.indentationLvl -= 2
	return output
}

func (c *ictx) formatTypedArray(r *realm, o *sobek.Object, length, recurse int) []string {
	maxLen := length
	if c.maxArrayLength < maxLen {
		maxLen = c.maxArrayLength
	}
	output := make([]string, 0, maxLen+1)
	for i := 0; i < maxLen; i++ {
		v := o.Get(itoa(i))
		if sobek.IsBigInt(v) {
			output = append(output, c.stylize(v.String()+"n", "bigint"))
		} else {
			output = append(output, c.formatNumber(v))
		}
	}
	if rem := length - maxLen; rem > 0 {
		output = append(output, remainingText(rem))
	}
	if c.showHidden {
		c.indentationLvl += 2
		for _, k := range []string{"BYTES_PER_ELEMENT", "length", "byteLength", "byteOffset", "buffer"} {
			output = append(output, "["+k+"]: "+c.formatValue(r, o.Get(k), recurse, true))
		}
		c.indentationLvl -= 2
	}
	return output
}

func hexBytes(b []byte) string {
	const digits = "0123456789abcdef"
	var sb strings.Builder
	for i, x := range b {
		if i > 0 {
			sb.WriteByte(' ')
		}
		sb.WriteByte(digits[x>>4])
		sb.WriteByte(digits[x&15])
	}
	return sb.String()
}

func (c *ictx) formatArrayBuffer(o *sobek.Object) []string {
	ab := o.Export().(sobek.ArrayBuffer)
	if ab.Detached() {
		return []string{c.stylize("(detached)", "special")}
	}
	b := ab.Bytes()
	n := len(b)
	if c.maxArrayLength < n {
		n = c.maxArrayLength
	}
	str := hexBytes(b[:n])
	if rem := len(b) - c.maxArrayLength; rem > 0 {
		str += " ... " + itoa(rem) + " more byte" + plural(rem)
	}
	return []string{c.stylize("[Uint8Contents]", "special") + ": <" + str + ">"}
}

// formatBuffer prints a node Buffer (a Uint8Array subclass named Buffer)
// as Buffer.prototype[inspect.custom] does in Node.
func (c *ictx) formatBuffer(r *realm, o *sobek.Object, length int, keys []pkey) string {
	const maxBytes = 50
	n := length
	if n > maxBytes {
		n = maxBytes
	}
	b := make([]byte, n)
	for i := 0; i < n; i++ {
		b[i] = byte(o.Get(itoa(i)).ToInteger())
	}
	str := hexBytes(b)
	if rem := length - maxBytes; rem > 0 {
		str += " ... " + itoa(rem) + " more byte" + plural(rem)
	}
	if len(keys) > 0 {
		sub := *c
		sub.compactTrue = true
		sub.breakLength = math.MaxInt32
		sub.seen = append([]*sobek.Object(nil), c.seen...)
		out := make([]string, 0, len(keys))
		for _, k := range keys {
			out = append(out, sub.formatProperty(r, o, 1, k, kObjectType, nil))
		}
		if length != 0 {
			str += ", "
		}
		str += strings.Join(out, ", ")
	}
	name := "Buffer"
	if ctor, ok := o.Get("constructor").(*sobek.Object); ok {
		name = ctor.Get("name").String()
	}
	return "<" + name + " " + str + ">"
}

func (c *ictx) formatPromise(r *realm, p *sobek.Promise, recurse int) []string {
	switch p.State() {
	case sobek.PromiseStatePending:
		return []string{c.stylize("<pending>", "special")}
	case sobek.PromiseStateRejected:
		c.indentationLvl += 2
		s := c.formatValue(r, p.Result(), recurse, false)
		c.indentationLvl -= 2
		return []string{c.stylize("<rejected>", "special") + " " + s}
	}
	c.indentationLvl += 2
	s := c.formatValue(r, p.Result(), recurse, false)
	c.indentationLvl -= 2
	return []string{s}
}

func (c *ictx) boxedBase(r *realm, o *sobek.Object, et reflect.Type, constructor string, hasCtor bool, tag string, keys *[]pkey) (string, bool) {
	typ := boxedKind(r, o)
	if typ == "" {
		return "", false
	}
	method := typ + ".prototype.valueOf"
	val, ok := r.tryCall(r.intrinsic(method), o)
	if !ok {
		return "", false
	}
	if typ == "String" {
		// The index keys of a String object are noise.
		n := jsLen(val.String())
		ks := *keys
		if n > len(ks) {
			n = len(ks)
		}
		*keys = ks[n:]
	}
	base := "[" + typ
	if typ != constructor {
		if !hasCtor {
			base += " (null prototype)"
		} else {
			base += " (" + constructor + ")"
		}
	}
	plain := *c
	plain.colors = false
	base += ": " + plain.formatPrimitive(r, val) + "]"
	if tag != "" && tag != constructor {
		base += " [" + tag + "]"
	}
	if len(*keys) != 0 || !c.colors {
		return base, true
	}
	return c.stylize(base, strings.ToLower(typ)), true
}

var classRe = regexp.MustCompile(`^(\s+[^(]*?)\s*{`)
var stripCommentsRe = regexp.MustCompile(`(//.*?\n)|(/\*(.|\n)*?\*/)`)

func (c *ictx) functionBase(r *realm, o *sobek.Object, constructor string, hasCtor bool, tag string) string {
	if src, ok := r.tryCall(r.intrinsic("Function.prototype.toString"), o); ok {
		s := src.String()
		if strings.HasPrefix(s, "class") && strings.HasSuffix(s, "}") {
			slice := s[5 : len(s)-1]
			if bi := strings.IndexByte(slice, '{'); bi >= 0 {
				if !strings.Contains(slice[:bi], "(") || classRe.MatchString(stripCommentsRe.ReplaceAllString(slice, "")) {
					return c.classBase(r, o, constructor, hasCtor, tag)
				}
			}
		}
	}
	typ := "Function"
	async, gen := funcKind(o)
	if gen {
		typ = "Generator" + typ
	}
	if async {
		typ = "Async" + typ
	}
	base := "[" + typ
	if !hasCtor {
		base += " (null prototype)"
	}
	name := o.Get("name")
	if name == nil || name.String() == "" {
		base += " (anonymous)"
	} else {
		base += ": " + name.String()
	}
	base += "]"
	if hasCtor && constructor != typ && constructor != "Function" {
		base += " " + constructor
	}
	if tag != "" && constructor != tag {
		base += " [" + tag + "]"
	}
	return base
}

func (c *ictx) classBase(r *realm, o *sobek.Object, constructor string, hasCtor bool, tag string) string {
	name := "(anonymous)"
	if r.hasOwn(o, pkey{s: "name"}) {
		if n := o.Get("name"); n != nil && n.ToBoolean() {
			name = n.String()
		}
	}
	base := "class " + name
	if hasCtor && constructor != "Function" {
		base += " [" + constructor + "]"
	}
	if tag != "" && constructor != tag {
		base += " [" + tag + "]"
	}
	if hasCtor {
		if p := o.Prototype(); p != nil {
			if sn := p.Get("name"); sn != nil && sn.ToBoolean() {
				base += " extends " + sn.String()
			}
		}
	} else {
		base += " extends [null prototype]"
	}
	return "[" + base + "]"
}

func (c *ictx) formatProperty(r *realm, o *sobek.Object, recurse int, k pkey, typ int, d *descriptor) string {
	if d == nil {
		d = r.descriptor(o, k)
		if d == nil {
			var v sobek.Value
			if k.sym != nil {
				v = o.GetSymbol(k.sym)
			} else {
				v = o.Get(k.s)
			}
			if v == nil {
				v = sobek.Undefined()
			}
			d = &descriptor{value: v, enumerable: true}
		}
	}
	var str string
	extra := " "
	switch {
	case d.value != nil:
		diff := 2
		if c.compactTrue && typ == kObjectType {
			diff = 3
		}
		c.indentationLvl += diff
		str = c.formatValue(r, d.value, recurse, false)
		if diff == 3 && c.breakLength < stringWidth(str) {
			extra = "\n" + spaces(c.indentationLvl)
		}
		c.indentationLvl -= diff
	case d.get != nil:
		label := "Getter"
		if d.set != nil {
			label = "Getter/Setter"
		}
		if c.getters {
			str = c.formatGetter(r, o, d, label, recurse)
		} else {
			str = c.stylize("["+label+"]", "special")
		}
	case d.set != nil:
		str = c.stylize("[Setter]", "special")
	default:
		str = c.stylize("undefined", "undefined")
	}
	if typ == kArrayType {
		return str
	}
	var name string
	switch {
	case k.sym != nil:
		name = "[" + c.stylize(symbolString(r, k.sym), "symbol") + "]"
	case k.s == "__proto__":
		name = "['__proto__']"
	case !d.enumerable:
		name = "[" + escapeKey(k.s) + "]"
	case isIdentKey(k.s):
		name = c.stylize(k.s, "name")
	default:
		name = c.stylize(strEscape(k.s), "string")
	}
	return name + ":" + extra + str
}

func (c *ictx) formatGetter(r *realm, o *sobek.Object, d *descriptor, label string, recurse int) (str string) {
	fn, _ := sobek.AssertFunction(d.get)
	if fn == nil {
		return c.stylize("["+label+"]", "special")
	}
	v, err := fn(o)
	if err != nil {
		ex, ok := err.(*sobek.Exception)
		if !ok {
			panic(err)
		}
		msg := ""
		if eo, ok := ex.Value().(*sobek.Object); ok {
			msg = eo.Get("message").String()
		}
		return c.stylize("["+label+":", "special") + " <Inspection threw (" + msg + ")>" + c.stylize("]", "special")
	}
	c.indentationLvl += 2
	defer func() { c.indentationLvl -= 2 }()
	if sobek.IsNull(v) {
		return c.stylize("["+label+":", "special") + " " + c.stylize("null", "null") + c.stylize("]", "special")
	}
	if _, isObj := v.(*sobek.Object); isObj {
		return c.stylize("["+label+"]", "special") + " " + c.formatValue(r, v, recurse, false)
	}
	return c.stylize("["+label+":", "special") + " " + c.formatPrimitive(r, v) + c.stylize("]", "special")
}

func isIdentKey(s string) bool {
	if s == "" {
		return false
	}
	for i := 0; i < len(s); i++ {
		ch := s[i]
		if ch == '_' || (ch >= 'a' && ch <= 'z') || (ch >= 'A' && ch <= 'Z') || (i > 0 && ch >= '0' && ch <= '9') {
			continue
		}
		return false
	}
	return true
}

// ---- errors ----

// errorStack is err.stack (or Error.prototype.toString(err)), with sobek's
// frame format ("\tat f (file:1:2(3))") turned into Node's.
func (c *ictx) errorStack(r *realm, o *sobek.Object) string {
	st := o.Get("stack")
	var s string
	if st != nil && st.ToBoolean() {
		s = st.String()
	} else if v, ok := r.tryCall(r.intrinsic("Error.prototype.toString"), o); ok {
		s = v.String()
	} else {
		s = "Error"
	}
	s = stack.V8(s)
	return s
}

func (c *ictx) formatError(r *realm, o *sobek.Object, constructor string, hasCtor bool, tag string, keys []pkey) (string, []pkey) {
	name := "Error"
	if n := o.Get("name"); n != nil && !sobek.IsUndefined(n) && !sobek.IsNull(n) {
		name = n.String()
	}
	stack := c.errorStack(r, o)
	// Drop keys whose value the stack already shows.
	if !c.showHidden && len(keys) != 0 {
		for _, n := range []string{"name", "message", "stack"} {
			for i, k := range keys {
				if k.sym == nil && k.s == n {
					if v := o.Get(n); v != nil && strings.Contains(stack, v.String()) {
						keys = append(keys[:i:i], keys[i+1:]...)
					}
					break
				}
			}
		}
	}
	hasKey := func(n string) bool {
		for _, k := range keys {
			if k.sym == nil && k.s == n {
				return true
			}
		}
		return false
	}
	if c.hasProperty(r, o, "cause") && !hasKey("cause") {
		keys = append(keys, pkey{s: "cause"})
	}
	if errs, ok := o.Get("errors").(*sobek.Object); ok && errs.ClassName() == "Array" && !hasKey("errors") {
		keys = append(keys, pkey{s: "errors"})
	}
	stack = improveStack(stack, constructor, hasCtor, name, tag)

	msg := ""
	if m := o.Get("message"); m != nil && !sobek.IsUndefined(m) {
		msg = m.String()
	}
	pos := -1
	if msg != "" {
		pos = strings.Index(stack, msg)
		if pos != -1 {
			pos += len(msg)
		}
	}
	from := pos
	if from < 0 {
		from = 0
	}
	stackStart := -1
	if i := strings.Index(stack[from:], "\n    at"); i >= 0 {
		stackStart = from + i
	}
	if stackStart == -1 {
		stack = "[" + stack + "]"
	} else {
		head := stack[:stackStart]
		frames := strings.Split(stack[stackStart+1:], "\n")
		frames = c.dedupCauseFrames(r, o, frames)
		stack = head + "\n" + strings.Join(frames, "\n")
	}
	if c.indentationLvl != 0 {
		stack = strings.ReplaceAll(stack, "\n", "\n"+spaces(c.indentationLvl))
	}
	return stack, keys
}

func (c *ictx) hasProperty(r *realm, o *sobek.Object, name string) bool {
	if f := r.intrinsic("Reflect.has"); f != nil {
		if v, ok := r.tryCall(f, sobek.Undefined(), o, r.rt.ToValue(name)); ok {
			return v.ToBoolean()
		}
	}
	return false
}

// dedupCauseFrames replaces the frames an error shares with its cause by
// "... n lines matching cause stack trace ...".
func (c *ictx) dedupCauseFrames(r *realm, o *sobek.Object, frames []string) []string {
	cause, ok := o.Get("cause").(*sobek.Object)
	if !ok || !c.isError(r, cause, cause.ClassName()) {
		return frames
	}
	cs := c.errorStack(r, cause)
	i := strings.Index(cs, "\n    at")
	if i < 0 {
		return frames
	}
	causeFrames := strings.Split(cs[i+1:], "\n")
	start, length := identicalSequenceRange(frames, causeFrames)
	if length > 0 {
		skipped := length - 2
		msg := "    ... " + itoa(skipped) + " lines matching cause stack trace ..."
		out := append([]string{}, frames[:start+1]...)
		out = append(out, msg)
		out = append(out, frames[start+length-1:]...)
		return out
	}
	return frames
}

// identicalSequenceRange finds the longest run (at least 4 lines) of a that
// also occurs in b, anchored at a line of b equal to a line of a.
func identicalSequenceRange(a, b []string) (int, int) {
	for i := 0; i < len(a)-3; i++ {
		pos := -1
		for j, s := range b {
			if s == a[i] {
				pos = j
				break
			}
		}
		if pos != -1 {
			rest := len(b) - pos
			if rest > 3 {
				l := 1
				maxL := len(a) - i
				if rest < maxL {
					maxL = rest
				}
				for maxL > l && a[i+l] == b[pos+l] {
					l++
				}
				if l > 3 {
					return i, l
				}
			}
		}
	}
	return 0, 0
}

var nullProtoErrRe1 = regexp.MustCompile(`^([A-Z][a-z_ A-Z0-9[\]()-]+)(?::|\n\s+at)`)
var nullProtoErrRe2 = regexp.MustCompile(`^([a-z_A-Z0-9-]*Error)$`)

func improveStack(stack, constructor string, hasCtor bool, name, tag string) string {
	l := len(name)
	if !hasCtor || (strings.HasSuffix(name, "Error") && strings.HasPrefix(stack, name) &&
		(len(stack) == l || stack[l] == ':' || stack[l] == '\n')) {
		fallback := "Error"
		if !hasCtor {
			m := nullProtoErrRe1.FindStringSubmatch(stack)
			if m == nil {
				m = nullProtoErrRe2.FindStringSubmatch(stack)
			}
			fallback = ""
			if m != nil {
				fallback = m[1]
			}
			l = len(fallback)
			if fallback == "" {
				fallback = "Error"
			}
		}
		prefix := getPrefix(constructor, hasCtor, tag, fallback, "")
		prefix = prefix[:len(prefix)-1]
		if name != prefix {
			if strings.Contains(prefix, name) {
				if l == 0 {
					stack = prefix + ": " + stack
				} else {
					stack = prefix + stack[l:]
				}
			} else {
				stack = prefix + " [" + name + "]" + stack[l:]
			}
		}
	}
	return stack
}

// ---- layout ----

func (c *ictx) reduceToSingleString(output []string, base string, braces [2]string, extrasType, recurse int, value *sobek.Object) string {
	if !c.compactTrue {
		if c.compact >= 1 {
			entries := len(output)
			if extrasType == kArrayExtrasType && entries > 6 {
				output = c.groupArrayElements(output, value)
			}
			if c.currentDepth-recurse < c.compact && entries == len(output) {
				start := len(output) + c.indentationLvl + jsLen(braces[0]) + jsLen(base) + 10
				if c.isBelowBreakLength(output, start, base) {
					joined := strings.Join(output, ", ")
					if !strings.Contains(joined, "\n") {
						b := ""
						if base != "" {
							b = base + " "
						}
						return b + braces[0] + " " + joined + " " + braces[1]
					}
				}
			}
		}
		ind := "\n" + spaces(c.indentationLvl)
		b := ""
		if base != "" {
			b = base + " "
		}
		return b + braces[0] + ind + "  " + strings.Join(output, ","+ind+"  ") + ind + braces[1]
	}
	if c.isBelowBreakLength(output, 0, base) {
		b := ""
		if base != "" {
			b = " " + base
		}
		return braces[0] + b + " " + strings.Join(output, ", ") + " " + braces[1]
	}
	ind := spaces(c.indentationLvl)
	var ln string
	if base == "" && len(braces[0]) == 1 {
		ln = " "
	} else {
		b := ""
		if base != "" {
			b = " " + base
		}
		ln = b + "\n" + ind + "  "
	}
	return braces[0] + ln + strings.Join(output, ",\n"+ind+"  ") + " " + braces[1]
}

func (c *ictx) isBelowBreakLength(output []string, start int, base string) bool {
	total := len(output) + start
	if total+len(output) > c.breakLength {
		return false
	}
	for _, s := range output {
		total += c.visibleLen(s)
		if total > c.breakLength {
			return false
		}
	}
	return base == "" || !strings.Contains(base, "\n")
}

func (c *ictx) groupArrayElements(output []string, value *sobek.Object) []string {
	totalLength := 0
	maxLength := 0
	outputLength := len(output)
	if c.maxArrayLength < len(output) {
		// The "... more items" entry does not take part.
		outputLength--
	}
	const separatorSpace = 2
	dataLen := make([]int, outputLength)
	for i := 0; i < outputLength; i++ {
		l := stringWidth(output[i])
		if !c.colors {
			l = stringWidth(output[i])
		}
		dataLen[i] = l
		totalLength += l + separatorSpace
		if maxLength < l {
			maxLength = l
		}
	}
	actualMax := maxLength + separatorSpace
	if actualMax*3+c.indentationLvl < c.breakLength &&
		(float64(totalLength)/float64(actualMax) > 5 || maxLength <= 6) {
		const approxCharHeights = 2.5
		const averageBias = 1.0
		bias := math.Sqrt(float64(actualMax) - float64(totalLength)/float64(len(output)))
		_ = averageBias
		biasedMax := math.Max(float64(actualMax)-3-bias, 1)
		columns := minInt(
			int(math.Round(math.Sqrt(approxCharHeights*biasedMax*float64(outputLength))/biasedMax)),
			(c.breakLength-c.indentationLvl)/actualMax,
			c.compact*4,
			15,
		)
		if columns <= 1 {
			return output
		}
		var tmp []string
		maxLineLength := make([]int, 0, columns)
		for i := 0; i < columns; i++ {
			lineLength := 0
			for j := i; j < len(output); j += columns {
				if j < outputLength && dataLen[j] > lineLength {
					lineLength = dataLen[j]
				}
			}
			maxLineLength = append(maxLineLength, lineLength+separatorSpace)
		}
		padStart := true
		if value != nil {
			for i := 0; i < len(output); i++ {
				v := value.Get(itoa(i))
				if v == nil || !(sobek.IsNumber(v) || sobek.IsBigInt(v)) {
					padStart = false
					break
				}
			}
		}
		for i := 0; i < outputLength; i += columns {
			max := minInt(i+columns, outputLength)
			var sb strings.Builder
			j := i
			for ; j < max-1; j++ {
				padding := maxLineLength[j-i] + jsLen(output[j]) - dataLen[j]
				sb.WriteString(pad(output[j]+", ", padding, padStart))
			}
			if padStart {
				padding := maxLineLength[j-i] + jsLen(output[j]) - dataLen[j] - separatorSpace
				sb.WriteString(pad(output[j], padding, true))
			} else {
				sb.WriteString(output[j])
			}
			tmp = append(tmp, sb.String())
		}
		if c.maxArrayLength < len(output) {
			tmp = append(tmp, output[outputLength])
		}
		output = tmp
	}
	return output
}

func pad(s string, width int, start bool) string {
	n := jsLen(s)
	if n >= width {
		return s
	}
	if start {
		return spaces(width-n) + s
	}
	return s + spaces(width-n)
}

func minInt(a int, rest ...int) int {
	for _, b := range rest {
		if b < a {
			a = b
		}
	}
	return a
}
