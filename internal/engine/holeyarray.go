package engine

import (
	"math"
	"strconv"
	"strings"

	"github.com/grafana/sobek"
)

// The element-to-element replacements of sobek's Array methods for holey
// arrays (holes.go says why and how holes are found). Each follows the
// spec's steps, with HasProperty and Get of an index done as one Get
// (holeyArray.get). They take over only when the receiver is a real
// Array of at least holeyMin length, with holes (less than half of its
// length stored) and plain prototypes; anything else is sobek's own.

// holeyReceiver reports this as a holey Array the replacements handle,
// and its length (a data property: reading it is not observable).
func holeyReceiver(this sobek.Value) (holeyArray, int64, bool) {
	o, ok := this.(*sobek.Object)
	if !ok {
		return holeyArray{}, 0, false
	}
	h, ok := holeyOf(o)
	if !ok {
		return h, 0, false
	}
	l := o.Get("length").ToInteger()
	if l < holeyMin || int64(h.stored()) > l/2 || !protosPlain(o) {
		return h, 0, false
	}
	return h, l, true
}

// ticker picks up the run's interrupts every iterCheckEvery steps.
type ticker struct {
	rt *sobek.Runtime
	n  int
}

func (t *ticker) tick() {
	if t.n++; t.n >= iterCheckEvery {
		t.n = 0
		checkRun(t.rt)
	}
}

type holeyImpl func(rt *sobek.Runtime, h *holeyArray, l int64, fc sobek.FunctionCall) sobek.Value

// holeyMethod puts impl in front of sobek's method for holey receivers.
func holeyMethod(name string, impl holeyImpl) MethodWrapper {
	return func(rt *sobek.Runtime, orig *sobek.Object) *sobek.Object {
		call, ok := sobek.AssertFunction(orig)
		if !ok {
			return orig
		}
		fn := rt.ToValue(func(fc sobek.FunctionCall) sobek.Value {
			if h, l, ok := holeyReceiver(fc.This); ok {
				if v := impl(rt, &h, l, fc); v != nil {
					return v
				}
			}
			return Call(call, fc.This, fc.Arguments...)
		}).(*sobek.Object)
		_ = fn.DefineDataProperty("name", rt.ToValue(name), sobek.FLAG_FALSE, sobek.FLAG_TRUE, sobek.FLAG_FALSE)
		_ = fn.DefineDataProperty("length", orig.Get("length"), sobek.FLAG_FALSE, sobek.FLAG_TRUE, sobek.FLAG_FALSE)
		return fn
	}
}

// wrapHoleyMethods installs the replacements (from Prepare).
func wrapHoleyMethods() {
	if !HoleLayoutWorks() {
		return
	}
	for name, impl := range map[string]holeyImpl{
		"indexOf":     holeyIndexOf,
		"lastIndexOf": holeyLastIndexOf,
		"includes":    holeyIncludes,
		"concat":      holeyConcat,
		"reverse":     holeyReverse,
		"forEach":     holeyEach(eachForEach),
		"some":        holeyEach(eachSome),
		"every":       holeyEach(eachEvery),
		"filter":      holeyFilter,
		"reduce":      holeyReduce(false),
		"reduceRight": holeyReduce(true),
		"slice":       holeySlice,
		"copyWithin":  holeyCopyWithin,
	} {
		WrapLazyMethod("Array.prototype", name, holeyMethod(name, impl))
	}
	WrapLazyMethod("Array.prototype", "flat", boundedFlat)
	WrapLazyMethod("Array.prototype", "toLocaleString", func(rt *sobek.Runtime, orig *sobek.Object) *sobek.Object {
		var joining []*sobek.Object
		fn := holeyMethod("toLocaleString", func(rt *sobek.Runtime, h *holeyArray, l int64, fc sobek.FunctionCall) sobek.Value {
			return holeyJoinWith(rt, h, l, rt.ToValue(",").(sobek.String), &joining, func(v sobek.Value) sobek.String {
				o := v.ToObject(rt)
				f, ok := sobek.AssertFunction(o.Get("toLocaleString"))
				if !ok {
					panic(rt.NewTypeError("Property 'toLocaleString' of object " + v.String() + " is not a function"))
				}
				return toString(rt, Call(f, v))
			})
		})(rt, orig)
		// counted as join is (JoinNestLimit): sobek's toLocaleString
		// recurses through its elements' toLocaleString the same way
		inner, ok := sobek.AssertFunction(fn)
		if !ok || fn == orig {
			return fn
		}
		nest := joinNestOf(rt)
		counted := rt.ToValue(func(fc sobek.FunctionCall) sobek.Value {
			nest.enter(rt)
			defer nest.leave()
			return Call(inner, fc.This, fc.Arguments...)
		}).(*sobek.Object)
		_ = counted.DefineDataProperty("name", rt.ToValue("toLocaleString"), sobek.FLAG_FALSE, sobek.FLAG_TRUE, sobek.FLAG_FALSE)
		_ = counted.DefineDataProperty("length", orig.Get("length"), sobek.FLAG_FALSE, sobek.FLAG_TRUE, sobek.FLAG_FALSE)
		return counted
	})
}

// intArg is ToIntegerOrInfinity(v) (undefined: def).
func intArg(v sobek.Value, def float64) float64 {
	if v == nil || sobek.IsUndefined(v) {
		return def
	}
	f := v.ToNumber().ToFloat()
	if f != f {
		return 0
	}
	return math.Trunc(f)
}

func isUndef(v sobek.Value) bool { return v == nil || sobek.IsUndefined(v) }

func holeyIndexOf(rt *sobek.Runtime, h *holeyArray, l int64, fc sobek.FunctionCall) sobek.Value {
	x := fc.Argument(0)
	n := intArg(fc.Argument(1), 0)
	if n >= float64(l) {
		return rt.ToValue(-1)
	}
	k := int64(0)
	if n >= 0 {
		k = int64(n)
	} else if n+float64(l) > 0 {
		k = l + int64(n)
	}
	t := ticker{rt: rt}
	for k = h.nextPresent(k, l); k < l; k = h.nextPresent(k+1, l) {
		t.tick()
		if v := h.get(k); v != nil && v.StrictEquals(x) {
			return rt.ToValue(k)
		}
	}
	return rt.ToValue(-1)
}

func holeyLastIndexOf(rt *sobek.Runtime, h *holeyArray, l int64, fc sobek.FunctionCall) sobek.Value {
	x := fc.Argument(0)
	n := float64(l - 1)
	if len(fc.Arguments) > 1 {
		n = intArg(fc.Argument(1), 0)
	}
	var k int64
	if n >= 0 {
		k = int64(min(n, float64(l-1)))
	} else {
		if n+float64(l) < 0 {
			return rt.ToValue(-1)
		}
		k = l + int64(n)
	}
	t := ticker{rt: rt}
	for k = h.prevPresent(k, 0); k >= 0; k = h.prevPresent(k-1, 0) {
		t.tick()
		if v := h.get(k); v != nil && v.StrictEquals(x) {
			return rt.ToValue(k)
		}
	}
	return rt.ToValue(-1)
}

// sameValueZero: StrictEquals, with NaN equal to itself.
func sameValueZero(a, b sobek.Value) bool {
	if a.StrictEquals(b) {
		return true
	}
	fa, okA := a.Export().(float64)
	fb, okB := b.Export().(float64)
	return okA && okB && fa != fa && fb != fb
}

func holeyIncludes(rt *sobek.Runtime, h *holeyArray, l int64, fc sobek.FunctionCall) sobek.Value {
	x := fc.Argument(0)
	n := intArg(fc.Argument(1), 0)
	if n >= float64(l) {
		return rt.ToValue(false)
	}
	k := int64(0)
	if n >= 0 {
		k = int64(n)
	} else if n+float64(l) > 0 {
		k = l + int64(n)
	}
	undef := sobek.IsUndefined(x)
	t := ticker{rt: rt}
	for k < l {
		t.tick()
		p := h.nextPresent(k, l)
		if p > k && undef {
			return rt.ToValue(true) // a hole reads as undefined
		}
		if p >= l {
			break
		}
		v := h.get(p)
		if v == nil {
			v = sobek.Undefined()
		}
		if sameValueZero(v, x) {
			return rt.ToValue(true)
		}
		k = p + 1
	}
	return rt.ToValue(false)
}

// maxArrayLength: an Array's length is at most 2**32-1.
const maxArrayLength = 1<<32 - 1

func arrayLengthError(rt *sobek.Runtime) sobek.Value {
	if e := NewRangeError(rt, "Invalid array length"); e != nil {
		return e
	}
	return rt.NewGoError(rangeErr("Invalid array length"))
}

// speciesCreate is ArraySpeciesCreate(o, n) of an Array o, as sobek's.
func speciesCreate(rt *sobek.Runtime, o *sobek.Object, n int64) (*sobek.Object, bool) {
	c := o.Get("constructor")
	if co, ok := c.(*sobek.Object); ok {
		c = co.GetSymbol(sobek.SymSpecies)
		if c != nil && sobek.IsNull(c) {
			c = nil
		}
	}
	if isUndef(c) {
		a := rt.NewArray()
		if n > 0 {
			setOrThrow(a, "length", rt.ToValue(n))
		}
		return a, true
	}
	ctor, ok := sobek.AssertConstructor(c)
	if !ok {
		panic(rt.NewTypeError("Species is not a constructor"))
	}
	a, err := ctor(nil, rt.ToValue(n))
	if err != nil {
		panic(err)
	}
	return a, false
}

func setOrThrow(o *sobek.Object, key string, v sobek.Value) {
	if err := o.Set(key, v); err != nil {
		panic(err)
	}
}

func createOrThrow(rt *sobek.Runtime, o *sobek.Object, k int64, v sobek.Value) {
	if err := o.DefineDataProperty(strconv.FormatInt(k, 10), v, sobek.FLAG_TRUE, sobek.FLAG_TRUE, sobek.FLAG_TRUE); err != nil {
		panic(err)
	}
}

// jsIsArray is IsArray: a Proxy answers for its target.
func jsIsArray(rt *sobek.Runtime, v sobek.Value) bool {
	o, ok := v.(*sobek.Object)
	for ok {
		impl := implOf(o)
		if !impl.IsValid() || !strings.Contains(impl.Type().String(), "roxy") {
			return o.ClassName() == "Array"
		}
		p, isProxy := o.Export().(sobek.Proxy)
		if !isProxy {
			return false
		}
		if o = p.Target(); o == nil {
			panic(rt.NewTypeError("Cannot perform 'IsArray' on a proxy that has been revoked"))
		}
	}
	return false
}

// source walks an object's indices: from element to element when it is a
// plain holey Array, else index by index.
type source struct {
	o     *sobek.Object
	h     holeyArray
	holey bool
}

func sourceOf(o *sobek.Object) source {
	h, ok := holeyOf(o)
	return source{o: o, h: h, holey: ok}
}

func (s *source) next(k, end int64) int64 {
	if s.holey {
		return s.h.nextPresent(k, end)
	}
	return k
}

func (s *source) get(k int64) sobek.Value {
	return s.o.Get(strconv.FormatInt(k, 10))
}

func holeyConcat(rt *sobek.Runtime, h *holeyArray, l int64, fc sobek.FunctionCall) sobek.Value {
	a, plain := speciesCreate(rt, h.o, 0)
	t := ticker{rt: rt}
	n := int64(0)
	items := append([]sobek.Value{h.o}, fc.Arguments...)
	for _, item := range items {
		e, isObj := item.(*sobek.Object)
		spreadable := false
		if isObj {
			if sp := e.GetSymbol(sobek.SymIsConcatSpreadable); !isUndef(sp) {
				spreadable = sp.ToBoolean()
			} else {
				spreadable = jsIsArray(rt, e)
			}
		}
		if !spreadable {
			if plain && n >= maxArrayLength {
				panic(arrayLengthError(rt))
			}
			createOrThrow(rt, a, n, item)
			n++
			continue
		}
		el := int64(toLength(e.Get("length")))
		if n+el > 1<<53-1 {
			panic(rt.NewTypeError("Invalid array length"))
		}
		if plain && n+el > maxArrayLength {
			panic(arrayLengthError(rt)) // V8 refuses before it copies
		}
		s := sourceOf(e)
		for k := s.next(0, el); k < el; k = s.next(k+1, el) {
			t.tick()
			if v := s.get(k); v != nil {
				createOrThrow(rt, a, n+k, v)
			}
		}
		n += el
	}
	setOrThrow(a, "length", rt.ToValue(n))
	return a
}

func holeyReverse(rt *sobek.Runtime, h *holeyArray, l int64, fc sobek.FunctionCall) sobek.Value {
	middle := l / 2
	t := ticker{rt: rt}
	for lower := int64(0); ; lower++ {
		t.tick()
		// the next pair with an element on either side
		a := h.nextPresent(lower, middle)
		b := l - 1 - h.prevPresent(l-1-lower, l-middle)
		if lower = min(a, b); lower >= middle {
			break
		}
		upper := l - 1 - lower
		lk, uk := strconv.FormatInt(lower, 10), strconv.FormatInt(upper, 10)
		lv, uv := h.o.Get(lk), h.o.Get(uk)
		switch {
		case lv != nil && uv != nil:
			setElement(rt, h.o, lk, uv)
			setElement(rt, h.o, uk, lv)
		case uv != nil:
			setElement(rt, h.o, lk, uv)
			deleteOrThrow(rt, h.o, uk)
		case lv != nil:
			deleteOrThrow(rt, h.o, lk)
			setElement(rt, h.o, uk, lv)
		}
	}
	return h.o
}

// deleteOrThrow is DeletePropertyOrThrow on a real Array, which fails
// only for a non-configurable element: V8's TypeError (sobek's message
// would show the whole array as a string).
func deleteOrThrow(rt *sobek.Runtime, o *sobek.Object, key string) {
	if err := o.Delete(key); err != nil {
		panic(rt.NewTypeError("Cannot delete property '" + key + "' of [object Array]"))
	}
}

// setElement is Set(o, key, v, true) on a real Array: sobek's own
// refusal of a read-only element (a TypeError with no message) is V8's
// TypeError; a setter's exception goes through.
func setElement(rt *sobek.Runtime, o *sobek.Object, key string, v sobek.Value) {
	err := o.Set(key, v)
	if err == nil {
		return
	}
	if ex, ok := err.(*sobek.Exception); ok {
		if e, ok := ex.Value().(*sobek.Object); ok && e.Get("message") != nil && e.Get("message").String() == "" && e.Get("name") != nil && e.Get("name").String() == "TypeError" {
			panic(rt.NewTypeError("Cannot assign to read only property '" + key + "' of object '[object Array]'"))
		}
	}
	panic(err)
}

func holeyFlat(rt *sobek.Runtime, h *holeyArray, l int64, fc sobek.FunctionCall) sobek.Value {
	depth := intArg(fc.Argument(0), 1)
	a, _ := speciesCreate(rt, h.o, 0)
	flatInto(rt, a, source{o: h.o, h: *h, holey: true}, l, depth)
	return a
}

// FlatNestLimit is how many nested arrays flat may descend into before it
// throws V8's RangeError: sobek's flat recurses in Go without a JS frame,
// so [[[...]]].flat(Infinity) a million deep took 2.7 s and 1.5 GB (and
// deeper, Go's fatal stack limit); V8's stack runs out past 6,262 levels
// (node v20).
const FlatNestLimit = 6300

// flatInto is FlattenIntoArray of l elements of s into a, depth levels
// deep, at most FlatNestLimit levels in.
func flatInto(rt *sobek.Runtime, a *sobek.Object, s source, l int64, depth float64) {
	t := ticker{rt: rt}
	level := 0
	var flatten func(s source, l int64, start int64, depth float64) int64
	flatten = func(s source, l int64, target int64, depth float64) int64 {
		if level++; level > FlatNestLimit {
			(&proxyRealm{rt: rt}).overflow()
		}
		defer func() { level-- }()
		for k := s.next(0, l); k < l; k = s.next(k+1, l) {
			t.tick()
			v := s.get(k)
			if v == nil {
				continue
			}
			if depth > 0 && jsIsArray(rt, v) {
				e := v.(*sobek.Object)
				target = flatten(sourceOf(e), int64(toLength(e.Get("length"))), target, depth-1)
				continue
			}
			if target >= 1<<53-1 {
				panic(rt.NewTypeError("Invalid array length"))
			}
			createOrThrow(rt, a, target, v)
			target++
		}
		return target
	}
	flatten(s, l, 0, depth)
}

// boundedFlat wraps flat (holey receivers already go to holeyFlat): a
// real Array flattened deeper than FlatNestLimit goes through flatInto,
// any other to sobek's with the depth converted once.
func boundedFlat(rt *sobek.Runtime, orig *sobek.Object) *sobek.Object {
	call, ok := sobek.AssertFunction(orig)
	if !ok {
		return orig
	}
	holey := holeyMethod("flat", holeyFlat)(rt, orig)
	inner, ok := sobek.AssertFunction(holey)
	if !ok {
		return holey
	}
	fn := rt.ToValue(func(fc sobek.FunctionCall) sobek.Value {
		// a real Array's length is a data property: reading it before
		// the depth's conversion is not observable
		if o, ok := fc.This.(*sobek.Object); ok && o.ClassName() == "Array" {
			if _, _, isHoley := holeyReceiver(o); !isHoley {
				d := intArg(fc.Argument(0), 1)
				if d <= FlatNestLimit {
					return Call(call, o, rt.ToValue(d))
				}
				l := int64(toLength(o.Get("length")))
				a, _ := speciesCreate(rt, o, 0)
				flatInto(rt, a, sourceOf(o), l, d)
				return a
			}
		}
		return Call(inner, fc.This, fc.Arguments...)
	}).(*sobek.Object)
	_ = fn.DefineDataProperty("name", rt.ToValue("flat"), sobek.FLAG_FALSE, sobek.FLAG_TRUE, sobek.FLAG_FALSE)
	_ = fn.DefineDataProperty("length", orig.Get("length"), sobek.FLAG_FALSE, sobek.FLAG_TRUE, sobek.FLAG_FALSE)
	return fn
}

type eachKind int

const (
	eachForEach eachKind = iota
	eachSome
	eachEvery
)

// holeyEach is forEach, some and every; a callback that is not callable
// goes to sobek's (its TypeError).
func holeyEach(kind eachKind) holeyImpl {
	return func(rt *sobek.Runtime, h *holeyArray, l int64, fc sobek.FunctionCall) sobek.Value {
		cb, ok := sobek.AssertFunction(fc.Argument(0))
		if !ok {
			return nil
		}
		this := fc.Argument(1)
		t := ticker{rt: rt}
		for k := h.nextPresent(0, l); k < l; k = h.nextPresent(k+1, l) {
			t.tick()
			v := h.get(k)
			if v == nil {
				continue
			}
			r := Call(cb, this, v, rt.ToValue(k), h.o)
			switch {
			case kind == eachSome && r.ToBoolean():
				return rt.ToValue(true)
			case kind == eachEvery && !r.ToBoolean():
				return rt.ToValue(false)
			}
		}
		switch kind {
		case eachSome:
			return rt.ToValue(false)
		case eachEvery:
			return rt.ToValue(true)
		}
		return sobek.Undefined()
	}
}

func holeyFilter(rt *sobek.Runtime, h *holeyArray, l int64, fc sobek.FunctionCall) sobek.Value {
	cb, ok := sobek.AssertFunction(fc.Argument(0))
	if !ok {
		return nil
	}
	this := fc.Argument(1)
	a, _ := speciesCreate(rt, h.o, 0)
	t := ticker{rt: rt}
	to := int64(0)
	for k := h.nextPresent(0, l); k < l; k = h.nextPresent(k+1, l) {
		t.tick()
		v := h.get(k)
		if v == nil {
			continue
		}
		if Call(cb, this, v, rt.ToValue(k), h.o).ToBoolean() {
			createOrThrow(rt, a, to, v)
			to++
		}
	}
	return a
}

func holeyReduce(right bool) holeyImpl {
	return func(rt *sobek.Runtime, h *holeyArray, l int64, fc sobek.FunctionCall) sobek.Value {
		cb, ok := sobek.AssertFunction(fc.Argument(0))
		if !ok {
			return nil
		}
		t := ticker{rt: rt}
		first, next := func() int64 { return h.nextPresent(0, l) }, func(k int64) int64 { return h.nextPresent(k+1, l) }
		done := func(k int64) bool { return k >= l }
		if right {
			first, next = func() int64 { return h.prevPresent(l-1, 0) }, func(k int64) int64 { return h.prevPresent(k-1, 0) }
			done = func(k int64) bool { return k < 0 }
		}
		k := first()
		var acc sobek.Value
		if len(fc.Arguments) > 1 {
			acc = fc.Argument(1)
		} else {
			for ; !done(k); k = next(k) {
				t.tick()
				if acc = h.get(k); acc != nil {
					k = next(k)
					break
				}
			}
			if acc == nil {
				panic(rt.NewTypeError("Reduce of empty array with no initial value"))
			}
		}
		for ; !done(k); k = next(k) {
			t.tick()
			if v := h.get(k); v != nil {
				acc = Call(cb, sobek.Undefined(), acc, v, rt.ToValue(k), h.o)
			}
		}
		return acc
	}
}

// holeyJoin is join with separator sep over a holey array; joining holds
// the arrays being joined (a cycle joins as "", as sobek's and V8's do).
func holeyJoin(rt *sobek.Runtime, h *holeyArray, l int64, sep sobek.String, joining *[]*sobek.Object) sobek.Value {
	return holeyJoinWith(rt, h, l, sep, joining, func(v sobek.Value) sobek.String { return toString(rt, v) })
}

// holeyJoinWith joins with str as the elements' conversion (join's
// ToString, toLocaleString's Invoke).
func holeyJoinWith(rt *sobek.Runtime, h *holeyArray, l int64, sep sobek.String, joining *[]*sobek.Object, str func(sobek.Value) sobek.String) sobek.Value {
	for _, o := range *joining {
		if o == h.o {
			return rt.ToValue("")
		}
	}
	*joining = append(*joining, h.o)
	defer func() { *joining = (*joining)[:len(*joining)-1] }()
	var b sobek.StringBuilder
	t := ticker{rt: rt}
	sepLen := int64(sep.Length())
	size, written := int64(0), int64(0) // characters; separators written
	seps := func(upTo int64) {
		if sepLen == 0 {
			written = upTo
			return
		}
		for ; written < upTo; written++ {
			t.tick()
			b.WriteString(sep)
		}
	}
	for k := h.nextPresent(0, l); k < l; k = h.nextPresent(k+1, l) {
		t.tick()
		v := h.get(k)
		if v == nil || sobek.IsUndefined(v) || sobek.IsNull(v) {
			continue
		}
		s := str(v)
		if size += (k-written)*sepLen + int64(s.Length()); size > MaxStringLength {
			panic(stringError(rt))
		}
		seps(k)
		b.WriteString(s)
	}
	if size += (l - 1 - written) * sepLen; size > MaxStringLength {
		panic(stringError(rt))
	}
	seps(l - 1)
	return b.String()
}

// Ticker returns a function a long native loop outside this package
// calls once a step: every iterCheckEvery calls it picks up the run's
// interrupts (checkRun).
func Ticker(rt *sobek.Runtime) func() {
	t := ticker{rt: rt}
	return t.tick
}

// CheckJSONArray throws V8's RangeError "Invalid string length" when a
// is a real Array whose JSON text must be longer than V8's longest
// string: at least one character an element, "null" a hole, and the
// commas (JSON.stringify(new Array(2**28)) is refused at once, as in V8,
// instead of sobek looping over the holes).
func CheckJSONArray(rt *sobek.Runtime, a *sobek.Object) {
	h, ok := holeyOf(a)
	if !ok {
		return
	}
	l := a.Get("length").ToFloat()
	stored := float64(min(h.stored(), int(l)))
	if 1+l+stored+4*(l-stored) > MaxStringLength {
		panic(stringError(rt))
	}
}

// relArg is a relative index argument resolved against l.
func relArg(v sobek.Value, l int64, def float64) int64 {
	f := intArg(v, def)
	if f < 0 {
		return int64(max(float64(l)+f, 0))
	}
	return int64(min(f, float64(l)))
}

func holeySlice(rt *sobek.Runtime, h *holeyArray, l int64, fc sobek.FunctionCall) sobek.Value {
	k := relArg(fc.Argument(0), l, 0)
	final := relArg(fc.Argument(1), l, float64(l))
	count := max(final-k, 0)
	a, _ := speciesCreate(rt, h.o, count)
	t := ticker{rt: rt}
	start := k
	for k = h.nextPresent(k, final); k < final; k = h.nextPresent(k+1, final) {
		t.tick()
		if v := h.get(k); v != nil {
			createOrThrow(rt, a, k-start, v)
		}
	}
	setOrThrow(a, "length", rt.ToValue(count))
	return a
}

func holeyCopyWithin(rt *sobek.Runtime, h *holeyArray, l int64, fc sobek.FunctionCall) sobek.Value {
	to := relArg(fc.Argument(0), l, 0)
	from := relArg(fc.Argument(1), l, 0)
	final := relArg(fc.Argument(2), l, float64(l))
	count := min(final-from, l-to)
	if count <= 0 {
		return h.o
	}
	t := ticker{rt: rt}
	back := from < to && to < from+count
	// step i of count: from+i -> to+i (from the end when back); a step
	// where neither index holds anything deletes a hole: nothing
	for i := int64(0); i < count; i++ {
		t.tick()
		var f, d int64
		if back {
			i = min(from+count-1-h.prevPresent(from+count-1-i, from), to+count-1-h.prevPresent(to+count-1-i, to))
			f, d = from+count-1-i, to+count-1-i
		} else {
			i = min(h.nextPresent(from+i, from+count)-from, h.nextPresent(to+i, to+count)-to)
			f, d = from+i, to+i
		}
		if i >= count {
			break
		}
		fk, dk := strconv.FormatInt(f, 10), strconv.FormatInt(d, 10)
		if v := h.o.Get(fk); v != nil {
			setElement(rt, h.o, dk, v)
		} else {
			deleteOrThrow(rt, h.o, dk)
		}
	}
	return h.o
}
