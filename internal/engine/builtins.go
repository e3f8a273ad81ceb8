package engine

import (
	"math"
	"strings"

	"github.com/grafana/sobek"
	"golang.org/x/text/unicode/norm"
)

// Builtins of ECMA-262 (and of V8 in Node 20) that sobek lacks or shapes
// differently, added to sobek's process-wide templates (templates.go) so
// that every realm has them and a realm that never reads one pays nothing:
// the Annex B String HTML methods (anchor, big, ...), isWellFormed and
// toWellFormed, Date's getYear/setYear/toGMTString, Object.prototype's
// __defineGetter__ family; BigInt.prototype loses the length and name
// sobek gives it, and Array.prototype[Symbol.unscopables] has V8's keys.
// Each method is a native with V8's name, length, attributes, receiver
// checks and messages; the intrinsics it calls are fresh copies of
// sobek's originals (OriginalBuiltin), never what the realm's code put
// in their place. TestBuiltinsLayout fails when a template moves.

// BuiltinsAdded reports whether every builtin of this file is in sobek's
// templates (TestBuiltinsLayout).
func BuiltinsAdded() bool {
	Prepare()
	return prepared.builtins
}

// addBuiltins runs once, from Prepare.
func addBuiltins() bool {
	if !LazyMethods() {
		return false
	}
	ok := true
	for _, h := range htmlMethods {
		ok = AddLazyMethod("String.prototype", h.name, h.build) && ok
	}
	ok = AddLazyMethod("String.prototype", "isWellFormed", func(rt *sobek.Runtime) *sobek.Object {
		return nativeMethod(rt, "isWellFormed", 0, func(fc sobek.FunctionCall) sobek.Value {
			s := coercibleString(rt, fc.This, "String.prototype.isWellFormed")
			return rt.ToValue(firstLoneSurrogate(s, 0) < 0)
		})
	}) && ok
	ok = AddLazyMethod("String.prototype", "toWellFormed", func(rt *sobek.Runtime) *sobek.Object {
		return nativeMethod(rt, "toWellFormed", 0, func(fc sobek.FunctionCall) sobek.Value {
			s := coercibleString(rt, fc.This, "String.prototype.toWellFormed")
			i := firstLoneSurrogate(s, 0)
			if i < 0 {
				return s
			}
			u := units(s)
			for ; i >= 0; i = firstLoneSurrogate(s, i+1) {
				u[i] = 0xFFFD
			}
			return sobek.StringFromUTF16(u)
		})
	}) && ok
	ok = addDateBuiltins() && ok
	ok = addBuiltinFixes() && ok
	ok = addAnnexBObject() && ok
	// V8's own-key order of Object.prototype (getOwnPropertyNames)
	ok = OrderLazyProperties("Object.prototype", "constructor", "__defineGetter__", "__defineSetter__", "hasOwnProperty",
		"__lookupGetter__", "__lookupSetter__", "isPrototypeOf", "propertyIsEnumerable", "toString", "valueOf",
		"__proto__", "toLocaleString") && ok
	// sobek's BigInt.prototype has a length and a name, as if a function
	ok = RemoveLazyProperty("BigInt.prototype", "length") && ok
	ok = RemoveLazyProperty("BigInt.prototype", "name") && ok
	ok = ReplaceLazySymbol("Array.prototype", sobek.SymUnscopables, func(rt *sobek.Runtime) sobek.Value {
		o := rt.NewObject()
		_ = o.SetPrototype(nil)
		for _, k := range [...]string{"at", "copyWithin", "entries", "fill", "find", "findIndex", "findLast", "findLastIndex",
			"flat", "flatMap", "includes", "keys", "values", "toReversed", "toSorted", "toSpliced"} {
			_ = o.Set(k, true)
		}
		return o
	}) && ok
	return ok
}

// nativeMethod is a function of rt with V8's name and length for a builtin
// method (no prototype, not a constructor).
func nativeMethod(rt *sobek.Runtime, name string, length int, fn func(sobek.FunctionCall) sobek.Value) *sobek.Object {
	f := rt.ToValue(fn).(*sobek.Object)
	_ = f.DefineDataProperty("name", rt.ToValue(name), sobek.FLAG_FALSE, sobek.FLAG_TRUE, sobek.FLAG_FALSE)
	_ = f.DefineDataProperty("length", rt.ToValue(length), sobek.FLAG_FALSE, sobek.FLAG_TRUE, sobek.FLAG_FALSE)
	return f
}

// coercibleString is RequireObjectCoercible(this) and ToString(this), with
// V8's TypeError for null and undefined.
func coercibleString(rt *sobek.Runtime, this sobek.Value, method string) sobek.String {
	if this == nil || sobek.IsUndefined(this) || sobek.IsNull(this) {
		panic(rt.NewTypeError(method + " called on null or undefined"))
	}
	return toStringOf(rt, this)
}

// toStringOf is ToString(v), V8's TypeError for a Symbol.
func toStringOf(rt *sobek.Runtime, v sobek.Value) sobek.String {
	if _, isSym := v.(*sobek.Symbol); isSym {
		panic(rt.NewTypeError("Cannot convert a Symbol value to a string"))
	}
	return toStr(v)
}

// firstLoneSurrogate is the index of s's first unpaired surrogate at or
// after from, -1 if none.
func firstLoneSurrogate(s sobek.String, from int) int {
	n := s.Length()
	for i := from; i < n; i++ {
		c := s.CharAt(i)
		switch {
		case c >= 0xD800 && c <= 0xDBFF:
			if i+1 < n {
				if d := s.CharAt(i + 1); d >= 0xDC00 && d <= 0xDFFF {
					i++
					continue
				}
			}
			return i
		case c >= 0xDC00 && c <= 0xDFFF:
			return i
		}
	}
	return -1
}

type htmlMethod struct {
	name, tag, attr string
}

// htmlMethods are Annex B's CreateHTML methods (B.2.2.2-14).
var htmlMethods = func() []struct {
	name  string
	build func(*sobek.Runtime) *sobek.Object
} {
	list := []htmlMethod{{"anchor", "a", "name"}, {"big", "big", ""}, {"blink", "blink", ""}, {"bold", "b", ""},
		{"fixed", "tt", ""}, {"fontcolor", "font", "color"}, {"fontsize", "font", "size"}, {"italics", "i", ""},
		{"link", "a", "href"}, {"small", "small", ""}, {"strike", "strike", ""}, {"sub", "sub", ""}, {"sup", "sup", ""}}
	out := make([]struct {
		name  string
		build func(*sobek.Runtime) *sobek.Object
	}, len(list))
	for i, h := range list {
		out[i].name = h.name
		out[i].build = func(rt *sobek.Runtime) *sobek.Object {
			length := 0
			if h.attr != "" {
				length = 1
			}
			return nativeMethod(rt, h.name, length, func(fc sobek.FunctionCall) sobek.Value {
				return createHTML(rt, fc, h)
			})
		}
	}
	return out
}()

// createHTML is CreateHTML(this, tag, attribute, value).
func createHTML(rt *sobek.Runtime, fc sobek.FunctionCall, h htmlMethod) sobek.Value {
	s := coercibleString(rt, fc.This, "String.prototype."+h.name)
	var v sobek.String
	n := s.Length() + 2*len(h.tag) + 5
	if h.attr != "" {
		v = toStringOf(rt, fc.Argument(0))
		n += len(h.attr) + 3 + v.Length()
		for i := 0; i < v.Length() && n <= MaxStringLength; i++ {
			if v.CharAt(i) == '"' {
				n += 5
			}
		}
	}
	if n > MaxStringLength {
		panic(invalidStringLength(rt))
	}
	var b sobek.StringBuilder
	b.WriteUTF8String("<" + h.tag)
	if h.attr != "" {
		b.WriteUTF8String(" " + h.attr + "=\"")
		start := 0
		for i, n := 0, v.Length(); i < n; i++ {
			if v.CharAt(i) == '"' {
				b.WriteString(v.Substring(start, i))
				b.WriteUTF8String("&quot;")
				start = i + 1
			}
		}
		b.WriteString(v.Substring(start, v.Length()))
		b.WriteUTF8String("\"")
	}
	b.WriteUTF8String(">")
	b.WriteString(s)
	b.WriteUTF8String("</" + h.tag + ">")
	return b.String()
}

// Date.prototype.getYear, setYear (B.2.3) and toGMTString, which is the
// very function toUTCString is (B.2.3.3): the toUTCString a realm gets is
// remembered per runtime and toGMTString's factory returns it.
var utcString PerRuntime[sobek.Object]

func addDateBuiltins() bool {
	ok := WrapLazyMethod("Date.prototype", "toUTCString", func(rt *sobek.Runtime, orig *sobek.Object) *sobek.Object {
		return utcString.Get(rt, func() *sobek.Object { return orig })
	})
	ok = AddLazyMethod("Date.prototype", "toGMTString", func(rt *sobek.Runtime) *sobek.Object {
		if f := utcString.Lookup(rt); f != nil {
			return f
		}
		return OriginalBuiltin(rt, "Date.prototype", "toUTCString")
	}) && ok
	ok = AddLazyMethod("Date.prototype", "getYear", func(rt *sobek.Runtime) *sobek.Object {
		getTime, getFullYear := dateMethod(rt, "getTime"), dateMethod(rt, "getFullYear")
		return nativeMethod(rt, "getYear", 0, func(fc sobek.FunctionCall) sobek.Value {
			d := thisDate(rt, fc.This, "getYear")
			if math.IsNaN(Call(getTime, d).ToFloat()) {
				return sobek.NaN()
			}
			return rt.ToValue(Call(getFullYear, d).ToFloat() - 1900)
		})
	}) && ok
	ok = AddLazyMethod("Date.prototype", "setYear", func(rt *sobek.Runtime) *sobek.Object {
		setTime, setFullYear := dateMethod(rt, "setTime"), dateMethod(rt, "setFullYear")
		return nativeMethod(rt, "setYear", 1, func(fc sobek.FunctionCall) sobek.Value {
			d := thisDate(rt, fc.This, "setYear")
			y := fc.Argument(0).ToNumber().ToFloat()
			if math.IsNaN(y) {
				return Call(setTime, d, sobek.NaN())
			}
			yyyy := y
			if yi := math.Trunc(y); yi >= 0 && yi <= 99 {
				yyyy = 1900 + yi
			}
			return Call(setFullYear, d, rt.ToValue(yyyy))
		})
	}) && ok
	return ok
}

func dateMethod(rt *sobek.Runtime, name string) sobek.Callable {
	f, _ := sobek.AssertFunction(OriginalBuiltin(rt, "Date.prototype", name))
	if f == nil {
		panic(rt.NewTypeError("Date.prototype." + name + " is not available"))
	}
	return f
}

// thisDate is thisTimeValue's check: this must be a Date.
func thisDate(rt *sobek.Runtime, this sobek.Value, method string) *sobek.Object {
	if o, ok := this.(*sobek.Object); ok && o.ClassName() == "Date" {
		return o
	}
	panic(rt.NewTypeError("Method Date.prototype." + method + " called on incompatible receiver " + v8Receiver(this)))
}

// v8Receiver renders v roughly as V8's "incompatible receiver" messages
// do: primitives as strings, arrays as [object Array], other objects as
// #<the name of their prototype's constructor>.
func v8Receiver(v sobek.Value) string {
	o, ok := v.(*sobek.Object)
	if !ok {
		if v == nil {
			return "undefined"
		}
		return v.String()
	}
	if _, isFn := sobek.AssertFunction(o); isFn {
		return "function"
	}
	if cls := o.ClassName(); cls == "Array" {
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

// addAnnexBObject adds Object.prototype's __defineGetter__,
// __defineSetter__, __lookupGetter__ and __lookupSetter__ (B.2.2.2-5).
func addAnnexBObject() bool {
	ok := true
	for _, m := range [...]struct {
		name   string
		setter bool
	}{{"__defineGetter__", false}, {"__defineSetter__", true}} {
		ok = AddLazyMethod("Object.prototype", m.name, func(rt *sobek.Runtime) *sobek.Object {
			def, _ := sobek.AssertFunction(OriginalBuiltin(rt, "Object", "defineProperty"))
			field := "get"
			if m.setter {
				field = "set"
			}
			return nativeMethod(rt, m.name, 2, func(fc sobek.FunctionCall) sobek.Value {
				o := toObject(rt, fc.This)
				fn := fc.Argument(1)
				if _, isFn := sobek.AssertFunction(fn); !isFn {
					panic(rt.NewTypeError("Object.prototype." + m.name + ": Expecting function"))
				}
				// a descriptor no property of Object.prototype can change
				desc := rt.NewObject()
				_ = desc.SetPrototype(nil)
				_ = desc.Set(field, fn)
				_ = desc.Set("enumerable", true)
				_ = desc.Set("configurable", true)
				Call(def, sobek.Undefined(), o, fc.Argument(0), desc)
				return sobek.Undefined()
			})
		}) && ok
	}
	for _, m := range [...]struct {
		name   string
		setter bool
	}{{"__lookupGetter__", false}, {"__lookupSetter__", true}} {
		ok = AddLazyMethod("Object.prototype", m.name, func(rt *sobek.Runtime) *sobek.Object {
			gopd, _ := sobek.AssertFunction(OriginalBuiltin(rt, "Object", "getOwnPropertyDescriptor"))
			gpo, _ := sobek.AssertFunction(OriginalBuiltin(rt, "Object", "getPrototypeOf"))
			field := "get"
			if m.setter {
				field = "set"
			}
			return nativeMethod(rt, m.name, 1, func(fc sobek.FunctionCall) sobek.Value {
				o := toObject(rt, fc.This)
				key := toPropertyKey(rt, fc.Argument(0))
				proxies := 0
				for {
					if d, isObj := Call(gopd, sobek.Undefined(), o, key).(*sobek.Object); isObj {
						// a descriptor object of the realm's own: plain data
						if v := d.Get(field); v != nil {
							return v
						}
						return sobek.Undefined()
					}
					if o.ExportType() == proxyType {
						// a chain of Proxies may not end (proxyguard.go)
						if proxies++; proxies > ProtoWalkLimit {
							(&proxyRealm{rt: rt}).overflow()
						}
					}
					p, isObj := Call(gpo, sobek.Undefined(), o).(*sobek.Object)
					if !isObj {
						return sobek.Undefined()
					}
					o = p
				}
			})
		}) && ok
	}
	return ok
}

// toObject is ToObject(v) with V8's TypeError for null and undefined.
func toObject(rt *sobek.Runtime, v sobek.Value) *sobek.Object {
	if v == nil || sobek.IsUndefined(v) || sobek.IsNull(v) {
		panic(rt.NewTypeError("Cannot convert undefined or null to object"))
	}
	return v.ToObject(rt)
}

// toPropertyKey is ToPropertyKey(v): a symbol stays, anything else is
// converted to a string (an object through its toString/valueOf).
func toPropertyKey(rt *sobek.Runtime, v sobek.Value) sobek.Value {
	if _, isSym := v.(*sobek.Symbol); isSym {
		return v
	}
	return toStringOf(rt, v)
}

func invalidStringLength(rt *sobek.Runtime) *sobek.Object {
	if e := NewRangeError(rt, "Invalid string length"); e != nil {
		return e
	}
	return rt.NewTypeError("Invalid string length")
}

// String.prototype.normalize on UTF-16 code units (sobek's normalizes a
// UTF-8 copy: a lone surrogate became U+FFFD) with V8's RangeError; and
// Array.prototype.with's RangeError in V8's words ("Invalid index : 3").
func addBuiltinFixes() bool {
	ok := WrapLazyMethod("String.prototype", "normalize", func(rt *sobek.Runtime, orig *sobek.Object) *sobek.Object {
		return nativeMethod(rt, "normalize", 0, func(fc sobek.FunctionCall) sobek.Value {
			s := coercibleString(rt, fc.This, "String.prototype.normalize")
			form := norm.NFC
			if f := fc.Argument(0); !sobek.IsUndefined(f) {
				switch toStringOf(rt, f).String() {
				case "NFC":
				case "NFD":
					form = norm.NFD
				case "NFKC":
					form = norm.NFKC
				case "NFKD":
					form = norm.NFKD
				default:
					if e := NewRangeError(rt, "The normalization form should be one of NFC, NFD, NFKC, NFKD."); e != nil {
						panic(e)
					}
					panic(rt.NewTypeError("The normalization form should be one of NFC, NFD, NFKC, NFKD."))
				}
			}
			return normalizeUnits(s, form)
		})
	})
	ok = WrapLazyMethod("Array.prototype", "with", func(rt *sobek.Runtime, orig *sobek.Object) *sobek.Object {
		call, isFn := sobek.AssertFunction(orig)
		if !isFn {
			return orig
		}
		return nativeMethod(rt, "with", 2, func(fc sobek.FunctionCall) sobek.Value {
			v, err := call(fc.This, fc.Arguments...)
			if err != nil {
				if ex, isEx := err.(*sobek.Exception); isEx {
					if e, isObj := ex.Value().(*sobek.Object); isObj && e.ClassName() == "Error" {
						if m, isStr := e.Get("message").(sobek.String); isStr {
							if rest, cut := strings.CutPrefix(m.String(), "Invalid index "); cut && !strings.HasPrefix(rest, ":") {
								_ = e.DefineDataProperty("message", rt.ToValue("Invalid index : "+rest), sobek.FLAG_TRUE, sobek.FLAG_TRUE, sobek.FLAG_FALSE)
							}
						}
					}
				}
				panic(err)
			}
			return v
		})
	}) && ok
	return ok
}

// normalizeUnits normalizes s by form, keeping lone surrogates as they
// are (each is a starter of its own: the text between them is normalized
// apart).
func normalizeUnits(s sobek.String, form norm.Form) sobek.Value {
	if firstLoneSurrogate(s, 0) < 0 {
		if ascii := s.String(); isASCII(ascii) {
			return s
		}
		return stringValue(form.String(s.String()))
	}
	var b sobek.StringBuilder
	start := 0
	n := s.Length()
	for i := firstLoneSurrogate(s, 0); start < n; i = firstLoneSurrogate(s, start) {
		end := i
		if i < 0 {
			end = n
		}
		if end > start {
			b.WriteUTF8String(form.String(s.Substring(start, end).String()))
		}
		if i < 0 {
			break
		}
		b.WriteSubstring(s, i, i+1)
		start = i + 1
	}
	return b.String()
}
