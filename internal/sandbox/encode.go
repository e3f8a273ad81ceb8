package sandbox

import (
	"encoding/binary"
	"math"
	"math/big"
	"reflect"
	"strconv"
	"time"

	"github.com/grafana/sobek"

	"github.com/jsvm-dev/jsvm/internal/engine"
	"github.com/jsvm-dev/jsvm/internal/intl"
)

// realm is one side of a copy: a runtime and the intrinsics the codec
// uses, captured before any untrusted code ran there (a sandbox) or taken
// from a trusted runtime (the host of the JS face).
type realm struct {
	rt                                    *sobek.Runtime
	mapCtor, setCtor, dateCtor, regexCtor *sobek.Object
	dataViewCtor                          *sobek.Object
	errCtors                              map[string]*sobek.Object
	typedCtors                            map[string]*sobek.Object
	mapEntries, setValues                 sobek.Callable // (m) => [...entries]
	mapSet, setAdd                        sobek.Callable
	typedTag                              sobek.Callable // %TypedArray%.prototype[@@toStringTag] getter
	typedBuffer, typedOffset              sobek.Callable // %TypedArray%.prototype.buffer, .byteOffset getters
	weakKind                              sobek.Callable // (o) => 'WeakMap' | 'WeakSet' | 'WeakRef' | ''
	fnSource                              sobek.Callable // Function.prototype.toString
	objectProto                           *sobek.Object
	primitiveOf                           sobek.Callable // (wrapper, class) => its primitive
	dataView                              sobek.Callable // (dv) => [buffer, byteOffset, byteLength]
}

var errorNames = []string{"Error", "TypeError", "RangeError", "SyntaxError", "ReferenceError", "EvalError", "URIError"}

var typedKinds = map[string]int{ // element size
	"Int8Array": 1, "Uint8Array": 1, "Uint8ClampedArray": 1, "Int16Array": 2, "Uint16Array": 2,
	"Int32Array": 4, "Uint32Array": 4, "Float32Array": 4, "Float64Array": 8, "BigInt64Array": 8, "BigUint64Array": 8,
}

const realmHelpers = `(function(){
	const entries = Map.prototype.entries, values = Set.prototype.values;
	const mset = Map.prototype.set, sadd = Set.prototype.add;
	const apply = Reflect.apply;
	return [
		function(m) { const out = []; for (const e of apply(entries, m, [])) out[out.length] = e; return out; },
		function(s) { const out = []; for (const v of apply(values, s, [])) out[out.length] = v; return out; },
		function(m, k, v) { apply(mset, m, [k, v]); },
		function(s, v) { apply(sadd, s, [v]); },
		Object.getOwnPropertyDescriptor(Object.getPrototypeOf(Uint8Array.prototype), Symbol.toStringTag).get,
		Object.getOwnPropertyDescriptor(Object.getPrototypeOf(Uint8Array.prototype), 'buffer').get,
		Object.getOwnPropertyDescriptor(Object.getPrototypeOf(Uint8Array.prototype), 'byteOffset').get,
		(function () {
			const checks = [['WeakMap', typeof WeakMap === 'function' && WeakMap.prototype.has],
				['WeakSet', typeof WeakSet === 'function' && WeakSet.prototype.has],
				['WeakRef', typeof WeakRef === 'function' && WeakRef.prototype.deref],
				['FinalizationRegistry', typeof FinalizationRegistry === 'function' && FinalizationRegistry.prototype.unregister],
				['DataView', Object.getOwnPropertyDescriptor(DataView.prototype, 'byteLength').get]];
			return function (o) {
				for (const [name, f] of checks) {
					if (!f) continue;
					try { apply(f, o, [{}]); return name; } catch (e) {}
				}
				return '';
			};
		})(),
		Function.prototype.toString,
		Object.prototype,
		(function () {
			const v = { Number: Number.prototype.valueOf, String: String.prototype.valueOf, Boolean: Boolean.prototype.valueOf,
				BigInt: typeof BigInt === 'function' ? BigInt.prototype.valueOf : undefined };
			return function (o, cls) { return apply(v[cls], o, []); };
		})(),
		(function () {
			const d = Object.getOwnPropertyDescriptor, p = DataView.prototype;
			const buffer = d(p, 'buffer').get, off = d(p, 'byteOffset').get, len = d(p, 'byteLength').get;
			return function (o) { return [apply(buffer, o, []), apply(off, o, []), apply(len, o, [])]; };
		})(),
	];
})()`

var realmHelpersProgram = sobek.MustCompile("jsvm:sandbox/realm", realmHelpers, true)

// newRealm captures rt's intrinsics. It must run before untrusted code.
func newRealm(rt *sobek.Runtime) (*realm, error) {
	r := &realm{rt: rt, errCtors: map[string]*sobek.Object{}, typedCtors: map[string]*sobek.Object{}}
	g := rt.GlobalObject()
	obj := func(name string) *sobek.Object { o, _ := g.Get(name).(*sobek.Object); return o }
	r.mapCtor, r.setCtor, r.dateCtor, r.regexCtor = obj("Map"), obj("Set"), obj("Date"), obj("RegExp")
	r.dataViewCtor = obj("DataView")
	for _, n := range errorNames {
		r.errCtors[n] = obj(n)
	}
	for n := range typedKinds {
		r.typedCtors[n] = obj(n)
	}
	v, err := rt.RunProgram(realmHelpersProgram)
	if err != nil {
		return nil, err
	}
	fns := v.(*sobek.Object)
	get := func(i int) sobek.Callable { f, _ := sobek.AssertFunction(fns.Get(strconv.Itoa(i))); return f }
	r.mapEntries, r.setValues, r.mapSet, r.setAdd, r.typedTag = get(0), get(1), get(2), get(3), get(4)
	r.typedBuffer, r.typedOffset = get(5), get(6)
	r.weakKind, r.fnSource = get(7), get(8)
	r.objectProto, _ = fns.Get("9").(*sobek.Object)
	r.primitiveOf = get(10)
	r.dataView = get(11)
	return r, nil
}

// Copy limits: a graph deeper or bigger than this is refused, so a copy
// can neither exhaust the Go stack nor the host's memory.
const (
	maxCopyDepth = 1000
	copyCheck    = 256 // nodes between two looks at the stop flag
)

// encoder copies values of a realm into the copy graph. Getters of the
// copied objects run (as a structured clone's [[Get]] does): callers run
// it under the run's deadline.
type encoder struct {
	r      *realm
	memo   map[*sobek.Object]any
	budget int64       // bytes the copy may still take
	stop   func() bool // true once the run's deadline passed
	count  int
	msg    *message // postMessage/structuredClone extras; nil for the sandbox
}

func newEncoder(r *realm, budget int64, stop func() bool) *encoder {
	if budget <= 0 {
		budget = math.MaxInt64
	}
	return &encoder{r: r, memo: map[*sobek.Object]any{}, budget: budget, stop: stop}
}

// errStopped is returned when the deadline passes during a copy.
type errStopped struct{}

func (errStopped) Error() string { return "copy stopped by the run's limit" }

func (e *encoder) charge(n int64) {
	e.budget -= n
	if e.budget < 0 {
		panic(cloneErr("the value is too large to be copied"))
	}
	e.count++
	if e.count%copyCheck == 0 && e.stop != nil && e.stop() {
		panic(errStopped{})
	}
}

// Encode copies v. A panic of the JS side (a throwing getter: *sobek.Exception,
// an interrupt) propagates; callers recover it.
func (e *encoder) Encode(v sobek.Value) any { return e.enc(v, 0) }

func (e *encoder) enc(v sobek.Value, depth int) any {
	e.charge(16)
	switch {
	case v == nil || sobek.IsUndefined(v):
		return Undefined
	case sobek.IsNull(v):
		return nil
	}
	if _, isObj := v.(*sobek.Object); !isObj {
		switch x := v.Export().(type) {
		case bool:
			return x
		case int64:
			return float64(x)
		case float64:
			return x
		case *big.Int:
			return new(big.Int).Set(x)
		}
	}
	if sobek.IsString(v) {
		s := v.String()
		e.charge(int64(len(s)))
		return s
	}
	if _, ok := v.(*sobek.Symbol); ok {
		if e.msg != nil {
			panic(cloneErr("Symbol(%s) could not be cloned.", v.String()))
		}
		panic(cloneErr("%s could not be cloned.", v.String()))
	}
	o, ok := v.(*sobek.Object)
	if !ok {
		panic(cloneErr("the value could not be cloned."))
	}
	if c, ok := e.memo[o]; ok {
		return c
	}
	if e.msg != nil {
		if tok, ok := e.msg.hosts[o]; ok {
			t := &Transferred{Token: tok}
			e.memo[o] = t
			return t
		}
		if e.msg.refuse != nil {
			if err := e.msg.refuse(o); err != nil {
				panic(err)
			}
		}
	}
	if depth > maxCopyDepth {
		if e.msg != nil {
			panic(&NestingError{}) // V8's serializer runs out of stack: a RangeError
		}
		panic(cloneErr("the value is nested too deeply to be copied"))
	}
	if o.ExportType() == proxyType {
		if p, ok := o.Export().(sobek.Proxy); ok && e.msg != nil && p.Target() != nil && p.Target().ClassName() == "Array" {
			panic(cloneErr("[object Array] could not be cloned.")) // V8's words for an array's Proxy
		}
		panic(cloneErr("#<Object> could not be cloned."))
	}
	if _, isFn := sobek.AssertFunction(o); isFn {
		if e.msg != nil {
			// V8's words: the function's source
			if src, err := e.r.fnSource(o); err == nil {
				panic(cloneErr("%s could not be cloned.", src.String()))
			}
		}
		panic(cloneErr("%s could not be cloned.", describeFunction(o)))
	}
	cls := o.ClassName()
	switch cls {
	case "Array":
		n := toLength(o.Get("length"))
		e.charge(n * 16)
		a := &Array{Elems: make([]any, n)}
		e.memo[o] = a
		for i := int64(0); i < n; i++ {
			ev := o.Get(strconv.FormatInt(i, 10))
			if ev == nil && e.msg != nil {
				a.Elems[i] = Hole // a message keeps holes
				continue
			}
			a.Elems[i] = e.enc(ev, depth+1)
		}
		return a
	case "Date":
		d := &Date{}
		if t, ok := o.Export().(time.Time); ok {
			d.Time, d.Valid = t, true
		}
		e.memo[o] = d
		return d
	case "RegExp":
		re := &RegExp{Source: stringOf(o.Get("source")), Flags: stringOf(o.Get("flags"))}
		e.memo[o] = re
		return re
	case "Error":
		er := &Error{Name: "Error"}
		e.memo[o] = er
		if s, ok := primString(o.Get("name")); ok {
			er.Name = s
		}
		if s, ok := primString(o.Get("message")); ok {
			er.Message = s
		}
		if s, ok := primString(o.Get("stack")); ok {
			er.Stack = s
		}
		e.charge(int64(len(er.Name) + len(er.Message) + len(er.Stack)))
		return er
	case "Number", "String", "Boolean", "BigInt":
		// a primitive wrapper copies as its primitive (its [[...Data]] slot);
		// a message keeps the wrapper
		if e.msg != nil {
			pv, err := e.r.primitiveOf(sobek.Undefined(), o, e.r.rt.ToValue(cls))
			if err != nil {
				panic(err)
			}
			b := &Boxed{Value: e.enc(pv, depth+1)}
			e.memo[o] = b
			return b
		}
		return e.enc(e.r.rt.ToValue(o.Export()), depth+1)
	case "Object", "Arguments":
	default:
		panic(cloneErr("#<%s> could not be cloned.", cls))
	}
	// sobek reports most exotic objects as class "Object"; the Go type
	// they export to tells them apart without running any of their code.
	switch et := o.ExportType(); {
	case et == mapExportType:
		m := &Map{}
		e.memo[o] = m
		list := e.call(e.r.mapEntries, o)
		n := toLength(list.Get("length"))
		for i := int64(0); i < n; i++ {
			pair := list.Get(strconv.FormatInt(i, 10)).(*sobek.Object)
			m.Keys = append(m.Keys, e.enc(pair.Get("0"), depth+1))
			m.Values = append(m.Values, e.enc(pair.Get("1"), depth+1))
		}
		return m
	case et == setExportType:
		s := &Set{}
		e.memo[o] = s
		list := e.call(e.r.setValues, o)
		n := toLength(list.Get("length"))
		for i := int64(0); i < n; i++ {
			s.Values = append(s.Values, e.enc(list.Get(strconv.FormatInt(i, 10)), depth+1))
		}
		return s
	case et == arrayBufferType:
		ab, _ := o.Export().(sobek.ArrayBuffer)
		if data, ok := intl.SharedBytes(o); ok {
			c := &ArrayBuffer{Data: data, Shared: true}
			e.memo[o] = c
			return c
		}
		max, resizable := engine.ResizableMax(o)
		if e.msg != nil && e.msg.moves(o) {
			// transferred: the bytes move (the source is detached after)
			c := &ArrayBuffer{Data: ab.Bytes(), Resizable: resizable, MaxByteLength: max}
			e.memo[o] = c
			return c
		}
		e.charge(int64(len(ab.Bytes())))
		c := &ArrayBuffer{Data: append([]byte{}, ab.Bytes()...), Resizable: resizable, MaxByteLength: max}
		e.memo[o] = c
		return c
	case et == promiseType:
		panic(cloneErr("#<Promise> could not be cloned."))
	case et.Kind() == reflect.Slice:
		if e.msg != nil {
			if t, ok := e.sharedView(o, depth); ok {
				return t
			}
		}
		if t, ok := e.typedArray(o); ok {
			e.charge(int64(len(t.Data)))
			e.memo[o] = t
			return t
		}
	}
	if proto := o.Prototype(); proto != nil && proto != e.r.objectProto && e.r.weakKind != nil {
		// not a plain object: a weak collection looks like one to sobek
		if k, err := e.r.weakKind(sobek.Undefined(), o); err == nil && k.String() != "" {
			if k.String() == "DataView" && e.msg != nil {
				return e.dataViewOf(o, depth)
			}
			panic(cloneErr("#<%s> could not be cloned.", k.String()))
		}
	}
	p := &Object{}
	e.memo[o] = p
	for _, k := range o.Keys() {
		p.Keys = append(p.Keys, k)
		e.charge(int64(len(k)) + 16)
		p.Values = append(p.Values, e.enc(o.Get(k), depth+1))
	}
	return p
}

func (e *encoder) call(f sobek.Callable, arg sobek.Value) *sobek.Object {
	v, err := f(sobek.Undefined(), arg)
	if err != nil {
		panic(err)
	}
	return v.(*sobek.Object)
}

func describeFunction(o *sobek.Object) string {
	if s, ok := primString(o.Get("name")); ok && s != "" {
		return "function " + s
	}
	return "function"
}

var (
	proxyType       = reflect.TypeOf(sobek.Proxy{})
	mapExportType   = reflect.TypeOf([][2]any{})
	setExportType   = reflect.TypeOf([]any{})
	arrayBufferType = reflect.TypeOf(sobek.ArrayBuffer{})
	promiseType     = reflect.TypeOf((*sobek.Promise)(nil))
)

// typedArray copies a typed array's viewed bytes; its kind is read with the
// captured %TypedArray%.prototype[@@toStringTag] getter (a brand check).
func (e *encoder) typedArray(o *sobek.Object) (*TypedArray, bool) {
	tag, err := e.r.typedTag(o, o)
	if err != nil || !sobek.IsString(tag) {
		return nil, false
	}
	t, ok := typedArrayOf(o)
	if ok {
		t.Kind = tag.String()
	}
	return t, ok
}

func typedArrayOf(o *sobek.Object) (*TypedArray, bool) {
	var data []byte
	var kind string
	le := binary.LittleEndian
	switch x := o.Export().(type) {
	case []int8:
		kind, data = "Int8Array", make([]byte, len(x))
		for i, v := range x {
			data[i] = byte(v)
		}
	case []uint8:
		kind, data = "Uint8Array", append([]byte{}, x...)
		if o.ClassName() == "Uint8ClampedArray" {
			kind = "Uint8ClampedArray"
		}
	case []int16:
		kind, data = "Int16Array", make([]byte, 2*len(x))
		for i, v := range x {
			le.PutUint16(data[2*i:], uint16(v))
		}
	case []uint16:
		kind, data = "Uint16Array", make([]byte, 2*len(x))
		for i, v := range x {
			le.PutUint16(data[2*i:], v)
		}
	case []int32:
		kind, data = "Int32Array", make([]byte, 4*len(x))
		for i, v := range x {
			le.PutUint32(data[4*i:], uint32(v))
		}
	case []uint32:
		kind, data = "Uint32Array", make([]byte, 4*len(x))
		for i, v := range x {
			le.PutUint32(data[4*i:], v)
		}
	case []float32:
		kind, data = "Float32Array", make([]byte, 4*len(x))
		for i, v := range x {
			le.PutUint32(data[4*i:], math.Float32bits(v))
		}
	case []float64:
		kind, data = "Float64Array", make([]byte, 8*len(x))
		for i, v := range x {
			le.PutUint64(data[8*i:], math.Float64bits(v))
		}
	case []int64:
		kind, data = "BigInt64Array", make([]byte, 8*len(x))
		for i, v := range x {
			le.PutUint64(data[8*i:], uint64(v))
		}
	case []uint64:
		kind, data = "BigUint64Array", make([]byte, 8*len(x))
		for i, v := range x {
			le.PutUint64(data[8*i:], v)
		}
	default:
		return nil, false
	}
	return &TypedArray{Kind: kind, Data: data}, true
}

func toLength(v sobek.Value) int64 {
	if v == nil {
		return 0
	}
	f := v.ToFloat()
	if math.IsNaN(f) || f <= 0 {
		return 0
	}
	if f > 1<<53 {
		f = 1 << 53
	}
	return int64(f)
}

func primString(v sobek.Value) (string, bool) {
	if v != nil && sobek.IsString(v) {
		return v.String(), true
	}
	return "", false
}

func stringOf(v sobek.Value) string {
	s, _ := primString(v)
	return s
}
