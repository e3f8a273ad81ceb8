// Package nodeerr builds errors the way Node's internal/errors does: an
// instance of a builtin error class with a `code` property, whose stack and
// toString read `TypeError [ERR_X]: message`.
package nodeerr

import (
	"fmt"
	"math"
	"math/big"
	"strings"
	"unicode/utf16"

	"github.com/grafana/sobek"
)

// New creates an error of the builtin class kind ("Error", "TypeError",
// "RangeError", "SyntaxError") in rt, with code and message.
func New(rt *sobek.Runtime, kind, code, msg string) *sobek.Object {
	e := Plain(rt, kind, msg)
	Decorate(rt, e, code)
	return e
}

// Plain creates an error of the builtin class kind in rt with msg and no
// code. When user code has replaced the global class with something that
// constructs nothing, it is the engine's own TypeError (for "Error", with
// Error.prototype): never a Go panic.
func Plain(rt *sobek.Runtime, kind, msg string) *sobek.Object {
	var e *sobek.Object
	if ctor, _ := rt.GlobalObject().Get(kind).(*sobek.Object); ctor != nil {
		e, _ = rt.New(ctor, rt.ToValue(msg))
	}
	if e == nil {
		// user code replaced the class with something that constructs
		// nothing: the engine's own TypeError carries the code (for
		// "Error", with Error.prototype, the TypeError prototype's own)
		e = rt.NewTypeError(msg)
		if kind == "Error" {
			if tp := e.Prototype(); tp != nil && tp.Prototype() != nil {
				_ = e.SetPrototype(tp.Prototype())
			}
		}
	}
	return e
}

// Decorate gives an existing error object Node's code, stack head and
// toString.
func Decorate(rt *sobek.Runtime, e *sobek.Object, code string) {
	_ = e.DefineDataProperty("code", rt.ToValue(code), sobek.FLAG_TRUE, sobek.FLAG_TRUE, sobek.FLAG_TRUE)
	name := e.Get("name").String()
	msg := e.Get("message").String()
	head := name + " [" + code + "]: " + msg
	if st := e.Get("stack"); st != nil && !sobek.IsUndefined(st) {
		s := st.String()
		if i := strings.IndexByte(s, '\n'); i >= 0 {
			head += s[i:]
		}
	}
	_ = e.DefineDataProperty("stack", rt.ToValue(head), sobek.FLAG_TRUE, sobek.FLAG_TRUE, sobek.FLAG_FALSE)
	_ = e.DefineDataProperty("toString", rt.ToValue(func(call sobek.FunctionCall) sobek.Value {
		this := call.This.ToObject(rt)
		return rt.ToValue(this.Get("name").String() + " [" + code + "]: " + this.Get("message").String())
	}), sobek.FLAG_TRUE, sobek.FLAG_TRUE, sobek.FLAG_FALSE)
}

// Throw panics with a new error, which sobek turns into a JS throw when
// called from a native function.
func Throw(rt *sobek.Runtime, kind, code, msg string) {
	panic(New(rt, kind, code, msg))
}

// Inspect renders a value as util.inspect(v, {depth}) does; depth < 0 is
// Node's `depth: -1`. Hosts without util pass nil (InspectShort is used).
type Inspect func(v sobek.Value, depth int) string

// InvalidArgType is ERR_INVALID_ARG_TYPE. name is the argument as Node
// names it (`"code" argument` is written for name "code"; a name containing
// a dot is a property). expected is the phrase after "must be", e.g.
// "of type string" or "of type object".
func InvalidArgType(rt *sobek.Runtime, name, expected string, actual sobek.Value) *sobek.Object {
	return InvalidArgTypeInspect(rt, name, expected, actual, nil)
}

// InvalidArgTypeInspect is InvalidArgType with util.inspect for the values
// Node inspects (objects without a named constructor).
func InvalidArgTypeInspect(rt *sobek.Runtime, name, expected string, actual sobek.Value, inspect Inspect) *sobek.Object {
	return New(rt, "TypeError", "ERR_INVALID_ARG_TYPE",
		fmt.Sprintf("The %s must be %s. Received %s", argPhrase(name), expected, specificType(rt, actual, inspect)))
}

// InvalidArgValue is ERR_INVALID_ARG_VALUE: `The argument 'x' is invalid.
// Received ...` or, with reason, `The property 'x' must be ...`.
func InvalidArgValue(rt *sobek.Runtime, name string, value sobek.Value, reason string) *sobek.Object {
	return InvalidArgValueInspect(rt, name, value, reason, nil)
}

// InvalidArgValueInspect is InvalidArgValue with util.inspect for the
// received value, as Node.
func InvalidArgValueInspect(rt *sobek.Runtime, name string, value sobek.Value, reason string, inspect Inspect) *sobek.Object {
	if reason == "" {
		reason = "is invalid"
	}
	kind := "argument"
	if strings.Contains(name, ".") {
		kind = "property"
	}
	var recv string
	if inspect != nil {
		recv = inspect(value, 2)
		if u := utf16.Encode([]rune(recv)); len(u) > 128 {
			recv = string(utf16.Decode(u[:128])) + "..."
		}
	} else {
		recv = InspectShort(value, 128)
	}
	return New(rt, "TypeError", "ERR_INVALID_ARG_VALUE",
		fmt.Sprintf("The %s '%s' %s. Received %s", kind, name, reason, recv))
}

// OutOfRange is ERR_OUT_OF_RANGE.
func OutOfRange(rt *sobek.Runtime, name, rangeDesc string, value sobek.Value) *sobek.Object {
	recv := InspectShort(value, 0)
	if sobek.IsNumber(value) {
		if f := value.ToFloat(); f == math.Trunc(f) && !math.IsInf(f, 0) && math.Abs(f) > 1<<32 {
			recv = addSeparators(value.String())
		}
	} else if sobek.IsBigInt(value) {
		recv = value.String()
		if b, ok := value.Export().(*big.Int); ok && b.CmpAbs(big.NewInt(1<<32)) > 0 {
			recv = addSeparators(recv)
		}
		recv += "n"
	}
	return New(rt, "RangeError", "ERR_OUT_OF_RANGE",
		fmt.Sprintf("The value of \"%s\" is out of range. It must be %s. Received %s", name, rangeDesc, recv))
}

func argPhrase(name string) string {
	if strings.HasSuffix(name, " argument") {
		return "\"" + strings.TrimSuffix(name, " argument") + "\" argument"
	}
	if strings.Contains(name, ".") {
		return "\"" + name + "\" property"
	}
	return "\"" + name + "\" argument"
}

// Received renders the tail Node appends to ERR_INVALID_ARG_TYPE messages.
func Received(v sobek.Value) string {
	return "Received " + specificType(nil, v, nil)
}

// specificType is Node's determineSpecificType: what "Received" names. It
// reads what Node reads (an object's constructor and its name), so getters
// and Proxy traps see the same operations; rt (may be nil) is for the
// TypeError of `'name' in constructor` on a primitive constructor.
func specificType(rt *sobek.Runtime, v sobek.Value, inspect Inspect) string {
	switch {
	case v == nil || sobek.IsUndefined(v):
		return "undefined"
	case sobek.IsNull(v):
		return "null"
	case sobek.IsBigInt(v):
		return "type bigint (" + v.String() + "n)"
	case sobek.IsNumber(v):
		return "type number (" + InspectShort(v, 0) + ")"
	case sobek.IsString(v):
		s := v.String()
		if u := utf16.Encode([]rune(s)); len(u) > 28 {
			s = string(utf16.Decode(u[:25])) + "..."
		}
		if !strings.Contains(s, "'") {
			return "type string ('" + s + "')"
		}
		return "type string (" + jsonQuote(s) + ")"
	}
	if sym, ok := v.(*sobek.Symbol); ok {
		return "type symbol (Symbol(" + sym.String() + "))"
	}
	o, ok := v.(*sobek.Object)
	if !ok {
		return "type " + typeOf(v) + " (" + v.String() + ")"
	}
	if _, isFn := sobek.AssertFunction(o); isFn {
		return "function " + valueString(o.Get("name"))
	}
	if c := o.Get("constructor"); c != nil && c.ToBoolean() {
		co, isObj := c.(*sobek.Object)
		if !isObj {
			if rt != nil {
				panic(rt.NewTypeError("Cannot use 'in' operator to search for 'name' in " + c.String()))
			}
		} else if _ = o.Get("constructor"); hasProperty(co, "name") { // Node reads it again for `in`
			c2 := o.Get("constructor")
			if co2, ok := c2.(*sobek.Object); ok {
				return "an instance of " + valueString(co2.Get("name"))
			}
			return "an instance of undefined"
		}
	}
	if inspect != nil {
		return inspect(v, -1)
	}
	return InspectShort(v, 0)
}

// hasProperty is `name in o` for an ordinary object (a constructor).
func hasProperty(o *sobek.Object, name string) bool {
	for i := 0; o != nil && i < 1000; i++ {
		for _, k := range o.GetOwnPropertyNames() {
			if k == name {
				return true
			}
		}
		o = o.Prototype()
	}
	return false
}

func valueString(v sobek.Value) string {
	if v == nil {
		return "undefined"
	}
	return v.String()
}

// jsonQuote is JSON.stringify of a string.
func jsonQuote(s string) string {
	var b strings.Builder
	b.WriteByte('"')
	for _, r := range s {
		switch r {
		case '"':
			b.WriteString(`\"`)
		case '\\':
			b.WriteString(`\\`)
		case '\n':
			b.WriteString(`\n`)
		case '\r':
			b.WriteString(`\r`)
		case '\t':
			b.WriteString(`\t`)
		case '\b':
			b.WriteString(`\b`)
		case '\f':
			b.WriteString(`\f`)
		default:
			if r < 0x20 {
				fmt.Fprintf(&b, `\u%04x`, r)
			} else {
				b.WriteRune(r)
			}
		}
	}
	b.WriteByte('"')
	return b.String()
}

func typeOf(v sobek.Value) string {
	switch {
	case sobek.IsString(v):
		return "string"
	case sobek.IsNumber(v):
		return "number"
	case sobek.IsBigInt(v):
		return "bigint"
	}
	if _, ok := v.(*sobek.Symbol); ok {
		return "symbol"
	}
	if _, ok := v.Export().(bool); ok {
		return "boolean"
	}
	return "object"
}

// InspectShort renders a primitive as util.inspect does (strings in single
// quotes), objects briefly. maxLen > 0 truncates as Node's ERR_INVALID_ARG_VALUE.
func InspectShort(v sobek.Value, maxLen int) string {
	var s string
	switch {
	case v == nil || sobek.IsUndefined(v):
		s = "undefined"
	case sobek.IsNull(v):
		s = "null"
	case sobek.IsString(v):
		s = QuoteJSString(v.String())
	case sobek.IsBigInt(v):
		s = v.String() + "n"
	case sobek.IsNumber(v):
		f := v.ToFloat()
		if f == 0 && math.Signbit(f) {
			s = "-0"
		} else {
			s = v.String()
		}
	default:
		if o, ok := v.(*sobek.Object); ok {
			if _, isFn := sobek.AssertFunction(o); isFn {
				s = "[Function: " + o.Get("name").String() + "]"
			} else if isArray(o) {
				s = "[Array]"
			} else {
				s = "[Object]"
				if c, ok := o.Get("constructor").(*sobek.Object); ok && c.Get("name").String() != "Object" {
					s = "[" + c.Get("name").String() + "]"
				}
			}
		} else if sym, ok := v.(*sobek.Symbol); ok {
			s = "Symbol(" + sym.String() + ")"
		} else {
			s = v.String()
		}
	}
	if maxLen > 0 && len(s) > maxLen {
		s = s[:maxLen] + "..."
	}
	return s
}

func isArray(o *sobek.Object) bool {
	return o.ClassName() == "Array"
}

// QuoteJSString quotes s as util.inspect does: single quotes unless the
// string contains them (then double quotes, then backticks).
func QuoteJSString(s string) string {
	q := byte('\'')
	if strings.IndexByte(s, '\'') >= 0 {
		if strings.IndexByte(s, '"') < 0 {
			q = '"'
		} else if strings.IndexByte(s, '`') < 0 && !strings.Contains(s, "${") {
			q = '`'
		}
	}
	var b strings.Builder
	b.WriteByte(q)
	for _, r := range s {
		switch {
		case r == rune(q):
			b.WriteByte('\\')
			b.WriteRune(r)
		case r == '\\':
			b.WriteString(`\\`)
		case r == '\n':
			b.WriteString(`\n`)
		case r == '\t':
			b.WriteString(`\t`)
		case r == '\r':
			b.WriteString(`\r`)
		case r == '\b':
			b.WriteString(`\b`)
		case r == '\f':
			b.WriteString(`\f`)
		case r == '\v':
			b.WriteString(`\v`)
		case r < 0x20 || r == 0x7f:
			b.WriteString(`\x` + strings.ToUpper(fmt.Sprintf("%02x", r)))
		default:
			b.WriteRune(r)
		}
	}
	b.WriteByte(q)
	return b.String()
}

func addSeparators(val string) string {
	// Node's addNumericalSeparator, character for character (it also
	// splits "1e+21" as "1e_+21")
	res := ""
	i := len(val)
	start := 0
	if strings.HasPrefix(val, "-") {
		start = 1
	}
	for ; i >= start+4; i -= 3 {
		res = "_" + val[i-3:i] + res
	}
	return val[:i] + res
}
