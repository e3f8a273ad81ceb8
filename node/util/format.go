package util

import (
	"math"
	"strings"

	"github.com/grafana/sobek"
)

// builtInCtors are the global constructors whose toString %s does not call.
var builtInCtors = map[string]bool{}

func init() {
	for _, n := range strings.Fields(`Object Function Array Number Boolean String Symbol Date Promise
		RegExp Error AggregateError EvalError RangeError ReferenceError SyntaxError TypeError URIError
		ArrayBuffer Uint8Array Int8Array Uint16Array Int16Array Uint32Array Int32Array Float32Array
		Float64Array Uint8ClampedArray BigUint64Array BigInt64Array DataView Map BigInt Set WeakMap
		WeakSet Proxy Reflect FinalizationRegistry WeakRef SharedArrayBuffer JSON Math Intl Atomics
		WebAssembly Buffer URL URLSearchParams TextEncoder TextDecoder AbortController AbortSignal
		EventTarget Event MessageChannel MessagePort MessageEvent Blob BroadcastChannel DOMException
		Headers Request Response FormData File Performance PerformanceEntry PerformanceMark
		PerformanceMeasure PerformanceObserver PerformanceObserverEntryList PerformanceResourceTiming
		ReadableStream WritableStream TransformStream CompressionStream DecompressionStream
		CustomEvent WebSocket`) {
		builtInCtors[n] = true
	}
}

// Format returns what Node's util.formatWithOptions(opts, ...args) returns:
// printf-like %s %d %i %f %j %o %O %c %%, then the remaining arguments
// appended, strings as they are and other values inspected.
func Format(rt *sobek.Runtime, args []sobek.Value, opts InspectOptions) string {
	if len(args) == 0 {
		return ""
	}
	r := opts.Cache.realmFor(rt, opts.Captured)
	first := args[0]
	a := 0
	var str strings.Builder
	join := ""
	if sobek.IsString(first) {
		f := first.String()
		if len(args) == 1 {
			return f
		}
		lastPos := 0
		for i := 0; i < len(f)-1; i++ {
			if f[i] != '%' {
				continue
			}
			i++
			next := f[i]
			if a+1 != len(args) {
				var tmp string
				switch next {
				case 's':
					a++
					tmp = formatS(rt, r, args[a], opts)
				case 'j':
					a++
					tmp = tryStringify(rt, r, args[a])
				case 'd':
					a++
					tmp = formatD(rt, r, args[a], false)
				case 'i':
					a++
					tmp = formatD(rt, r, args[a], true)
				case 'f':
					a++
					v := args[a]
					if _, ok := v.(*sobek.Symbol); ok {
						tmp = "NaN"
					} else {
						tmp = plainNumber(r.call(r.intrinsic("Number.parseFloat"), sobek.Undefined(), v))
					}
				case 'O':
					a++
					tmp = Inspect(rt, args[a], opts)
				case 'o':
					a++
					o := opts
					o.ShowHidden = true
					o.ShowProxy = true
					o.Depth = 4
					tmp = Inspect(rt, args[a], o)
				case 'c':
					a++
					tmp = ""
				case '%':
					str.WriteString(f[lastPos:i])
					lastPos = i + 1
					continue
				default:
					continue
				}
				if lastPos != i-1 {
					str.WriteString(f[lastPos : i-1])
				}
				str.WriteString(tmp)
				lastPos = i + 1
			} else if next == '%' {
				str.WriteString(f[lastPos:i])
				lastPos = i + 1
			}
		}
		if lastPos != 0 {
			a++
			join = " "
			if lastPos < len(f) {
				str.WriteString(f[lastPos:])
			}
		}
	}
	for ; a < len(args); a++ {
		v := args[a]
		str.WriteString(join)
		if sobek.IsString(v) {
			str.WriteString(v.String())
		} else {
			str.WriteString(Inspect(rt, v, opts))
		}
		join = " "
	}
	return str.String()
}

func plainNumber(v sobek.Value) string {
	f := v.ToFloat()
	if f == 0 && math.Signbit(f) {
		return "-0"
	}
	return v.String()
}

func formatS(rt *sobek.Runtime, r *realm, v sobek.Value, opts InspectOptions) string {
	switch {
	case sobek.IsNumber(v):
		return plainNumber(v)
	case sobek.IsBigInt(v):
		return v.String() + "n"
	}
	if s, ok := v.(*sobek.Symbol); ok {
		return symbolString(r, s)
	}
	o, ok := v.(*sobek.Object)
	if !ok || o == nil {
		if v == nil {
			return "undefined"
		}
		return v.String()
	}
	if !hasBuiltInToString(r, o, opts) {
		return o.String()
	}
	so := opts
	so.Depth = Zero
	so.Colors = false
	so.Compact = 3
	return Inspect(rt, v, so)
}

func hasBuiltInToString(r *realm, o *sobek.Object, opts InspectOptions) bool {
	if opts.Unwrap != nil {
		if orig, home, ok := opts.Unwrap(o); ok {
			o = orig
			r = newRealm(home, opts.Captured)
		}
	}
	if o.ExportType() == typeProxy {
		t := o.Export().(sobek.Proxy).Target()
		if t == nil {
			return true
		}
		o = t
	}
	if _, ok := sobek.AssertFunction(o.Get("toString")); !ok {
		return true
	}
	if r.hasOwn(o, pkey{s: "toString"}) {
		return false
	}
	p := o
	for {
		p = p.Prototype()
		if p == nil {
			return true
		}
		if r.hasOwn(p, pkey{s: "toString"}) {
			break
		}
	}
	d := r.descriptor(p, pkey{s: "constructor"})
	if d == nil || d.value == nil {
		return false
	}
	f, ok := d.value.(*sobek.Object)
	if !ok {
		return false
	}
	if _, ok := sobek.AssertFunction(f); !ok {
		return false
	}
	return builtInCtors[f.Get("name").String()]
}

func formatD(rt *sobek.Runtime, r *realm, v sobek.Value, integer bool) string {
	if sobek.IsBigInt(v) {
		return v.String() + "n"
	}
	if _, ok := v.(*sobek.Symbol); ok {
		return "NaN"
	}
	if integer {
		return plainNumber(r.call(r.intrinsic("Number.parseInt"), sobek.Undefined(), v))
	}
	if o, ok := v.(*sobek.Object); ok {
		if n, ok := r.tryCall(r.intrinsic("Number"), sobek.Undefined(), o); ok {
			return plainNumber(n)
		}
		return "NaN"
	}
	return plainNumber(v.ToNumber())
}

func tryStringify(rt *sobek.Runtime, r *realm, v sobek.Value) string {
	f := r.intrinsic("JSON.stringify")
	fn, ok := sobek.AssertFunction(f)
	if !ok {
		return "undefined"
	}
	res, err := fn(sobek.Undefined(), v)
	if err != nil {
		if ex, ok := err.(*sobek.Exception); ok {
			if eo, ok := ex.Value().(*sobek.Object); ok {
				if m := eo.Get("message"); m != nil && strings.Contains(strings.ToLower(m.String()), "circular") {
					return "[Circular]"
				}
			}
		}
		panic(err)
	}
	if res == nil || sobek.IsUndefined(res) {
		return "undefined"
	}
	return res.String()
}
