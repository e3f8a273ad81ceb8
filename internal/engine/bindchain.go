package engine

import (
	"reflect"
	"sync"
	"unsafe"
	"weak"

	"github.com/grafana/sobek"
)

// Chains of bound functions. sobek's Function.prototype.bind is quadratic
// in the length of a chain f = f.bind(null, i) (1e5 binds: minutes and
// gigabytes, where V8 takes 0.1 s):
//
//   - the name: each bind copies "bound " + the target's name, and the
//     name of the k-th bound function is 6k characters long — 1e5 binds
//     hold 30 GB of names (V8 concatenates with ropes);
//   - a call: each bound function's Go closure prepends its own bound
//     arguments to what it was called with and calls the next one, so a
//     call down a chain of k functions with one bound argument each
//     copies k²/2 values (1e5: 5e9, all live at the deepest level).
//
// The wrapper of bind here calls sobek's bind, so the function made is
// sobek's own bound function (instanceof, toString, length, prototype,
// IsConstructor as sobek's), and then:
//
//   - replaces its call and construct (the f and construct fields of its
//     nativeFuncObject) by methods of a boundInfo that remembers the
//     target's boundInfo and the bound arguments: a call goes down the
//     chain once, gathers every level's arguments into one slice and
//     calls the innermost bound function's own sobek closure — the spec's
//     [[Call]] and [[Construct]] of a bound function read only internal
//     slots, so skipping the intermediate closures is not observable
//     (new.target is carried down as each level would);
//   - when the target is itself a bound function whose name is a long
//     ASCII data property, computes "bound " + name by writing "bound "
//     in front of the name in a shared buffer (names of a chain are
//     suffixes of each other), so a chain's names cost the longest one
//     twice, not the sum: the target's name is hidden from sobek's bind
//     for the call (defined undefined and back, attributes kept) and the
//     new function's name defined after.
//
// Function.prototype.toString of a bound function is V8's
// "function () { [native code] }" (sobek's shows the name: for a chain,
// all of it).
//
// This reads and writes sobek's unexported state: the implementation type
// of a bound function, the offsets of nativeFuncObject.f and .construct
// in it, the type of an ASCII string value, and Go's layout of a method
// value (code pointer, receiver). findBindLayout checks each against a
// probe; TestBindLayout fails loudly when they change, and bind is then
// sobek's own (TestSobekBindChainQuadratic shows sobek's cost).

var bindLayout struct {
	once       sync.Once
	ok         bool
	boundType  reflect.Type // *boundFuncObject
	fOff, cOff uintptr      // its f and construct
	asciiType  reflect.Type // sobek's ASCII string value type
}

func findBindLayout() {
	if !LazyMethods() {
		return
	}
	regexLayout.once.Do(findRegexLayout)
	if regexLayout.self.Type == nil {
		return
	}
	if p := lazyProtoOf("Function.prototype"); p == nil {
		return
	} else if _, ok := p.factoryOf("bind"); !ok {
		return
	}
	if lazyProtoOf("Object") == nil {
		return
	} else if _, ok := lazyProtoOf("Object").factoryOf("getOwnPropertyDescriptor"); !ok {
		return
	}
	rt := sobek.New()
	v, err := rt.RunString(`(function g(a, b) { return [this, a, b] }).bind(7, 8)`)
	if err != nil {
		return
	}
	o, _ := v.(*sobek.Object)
	impl := implOf(o)
	if !impl.IsValid() || impl.Kind() != reflect.Pointer || impl.Elem().Kind() != reflect.Struct || impl.Elem().Type().Name() != "boundFuncObject" {
		return
	}
	t := impl.Elem().Type()
	off := func(name string, want reflect.Type) (uintptr, bool) {
		f, ok := t.FieldByName(name)
		if !ok || f.Type != want {
			return 0, false
		}
		// a promoted field: the sum of the offsets along its path
		var sum uintptr
		st := t
		for _, i := range f.Index {
			sf := st.Field(i)
			sum += sf.Offset
			st = sf.Type
		}
		return sum, true
	}
	fOff, ok1 := off("f", reflect.TypeFor[func(sobek.FunctionCall) sobek.Value]())
	cOff, ok2 := off("construct", reflect.TypeFor[constructFn]())
	if w, ok := t.FieldByName("wrapped"); !ok1 || !ok2 || !ok || w.Type != reflect.TypeFor[*sobek.Object]() {
		return
	}
	f := *(*func(sobek.FunctionCall) sobek.Value)(unsafe.Add(impl.UnsafePointer(), fOff))
	c := *(*constructFn)(unsafe.Add(impl.UnsafePointer(), cOff))
	if f == nil || c == nil {
		return
	}
	// the fields are the ones the calls use
	r, _ := f(sobek.FunctionCall{This: sobek.Undefined(), Arguments: []sobek.Value{rt.ToValue(9)}}).(*sobek.Object)
	if r == nil || r.Get("0").ToInteger() != 7 || r.Get("1").ToInteger() != 8 || r.Get("2").ToInteger() != 9 {
		return
	}
	// Go's method value: a closure of the method's code and the receiver
	probe := &boundInfo{}
	if receiverOf(probe.call) != probe || !sameCode(probe.call, (&boundInfo{}).call) || sameCode(probe.call, probe.construct) {
		return
	}
	a := reflect.TypeOf(rt.ToValue("ab"))
	if a == nil || a.Kind() != reflect.String || reflect.TypeOf(rt.ToValue("é")) == a {
		return
	}
	bindLayout.boundType, bindLayout.fOff, bindLayout.cOff, bindLayout.asciiType = impl.Type(), fOff, cOff, a
	bindLayout.ok = true
}

// BindLayoutWorks reports whether sobek's layout is the one known
// (TestBindLayout).
func BindLayoutWorks() bool {
	bindLayout.once.Do(findBindLayout)
	return bindLayout.ok
}

// receiverOf is the receiver of a method value of (*boundInfo).call or
// .construct (a func value points to a closure: code, then receiver).
func receiverOf[F any](f F) *boundInfo {
	p := *(*unsafe.Pointer)(unsafe.Pointer(&f))
	if p == nil {
		return nil
	}
	return (*[2]*boundInfo)(p)[1]
}

// boundInfo is one bound function jsvm's bind made.
type boundInfo struct {
	rt   *sobek.Runtime
	self uintptr       // the function object's address (new.target comparisons; alive while called)
	next *boundInfo    // the target's, when the target is a bound function of jsvm's bind
	args []sobek.Value // the bound arguments (without the bound this)
	// sobek's own closures of this function: call the target with this
	// level's bound this and arguments prepended
	f func(sobek.FunctionCall) sobek.Value
	c constructFn
}

// maxBoundArgs: a call down a chain with more arguments in all is V8's
// stack overflow (V8 pushes them on its stack; it gives up near 10^5..10^6).
const maxBoundArgs = 1 << 22

// gather is the arguments the innermost level's closure gets: every
// level's bound arguments above it, outermost last, then args.
func (b *boundInfo) gather(args []sobek.Value) (*boundInfo, []sobek.Value) {
	if b.next == nil {
		return b, args
	}
	n := len(args)
	last := b
	for l := b; l.next != nil; l = l.next {
		n += len(l.args)
		last = l.next
	}
	if n > maxBoundArgs {
		panic(stackOverflowError(b.rt))
	}
	checkAlloc(b.rt, float64(n)*slotBytes)
	out := make([]sobek.Value, n)
	pos := n - len(args)
	copy(out[pos:], args)
	for l := b; l.next != nil; l = l.next {
		pos -= len(l.args)
		copy(out[pos:], l.args)
	}
	return last, out
}

func (b *boundInfo) call(fc sobek.FunctionCall) sobek.Value {
	last, args := b.gather(fc.Arguments)
	return last.f(sobek.FunctionCall{This: fc.This, Arguments: args})
}

func (b *boundInfo) construct(args []sobek.Value, newTarget *sobek.Object) *sobek.Object {
	// nil: the level itself; a level given itself passes its target on
	for l := b; l.next != nil; l = l.next {
		if newTarget != nil && uintptr(unsafe.Pointer(newTarget)) == l.self {
			newTarget = nil
		}
	}
	last, all := b.gather(args)
	return last.c(all, newTarget)
}

func stackOverflowError(rt *sobek.Runtime) sobek.Value {
	if e := NewRangeError(rt, StackOverflowMessage); e != nil {
		return e
	}
	return rt.NewGoError(rangeErr(StackOverflowMessage))
}

// boundOf is the boundInfo of o when o is a bound function jsvm's bind made.
func boundOf(o *sobek.Object) *boundInfo {
	impl := implOf(o)
	if !impl.IsValid() || impl.Type() != bindLayout.boundType || impl.IsNil() {
		return nil
	}
	f := *(*func(sobek.FunctionCall) sobek.Value)(unsafe.Add(impl.UnsafePointer(), bindLayout.fOff))
	if f == nil || !sameCode(f, (*boundInfo)(nil).call) {
		return nil
	}
	return receiverOf(f)
}

// sobekBind is sobek's own bind factory (TestSobekBindChainQuadratic).
var sobekBind func(*sobek.Runtime) sobek.Value

// boundNameMin: shorter names are concatenated as sobek does.
const boundNameMin = 256

// wrapBind installs the wrapper of Function.prototype.bind (from Prepare).
func wrapBind() {
	if !BindLayoutWorks() {
		return
	}
	gopd, _ := lazyProtoOf("Object").factoryOf("getOwnPropertyDescriptor")
	sobekBind, _ = lazyProtoOf("Function.prototype").factoryOf("bind")
	WrapLazyMethod("Function.prototype", "toString", func(rt *sobek.Runtime, orig *sobek.Object) *sobek.Object {
		str, ok := Direct(orig)
		if !ok {
			return orig
		}
		return nativeMethod(rt, "toString", 0, func(fc sobek.FunctionCall) sobek.Value {
			if o, _ := fc.This.(*sobek.Object); o != nil && implOf(o).IsValid() && implOf(o).Type() == bindLayout.boundType {
				return rt.ToValue("function () { [native code] }")
			}
			return str(fc)
		})
	})
	WrapLazyMethod("Function.prototype", "bind", func(rt *sobek.Runtime, orig *sobek.Object) *sobek.Object {
		bind, ok := Direct(orig)
		if !ok {
			return orig
		}
		descFn, _ := propValue(gopd(rt), lazyProtos.value).(*sobek.Object)
		descOf, ok := sobek.AssertFunction(descFn)
		if !ok {
			return orig
		}
		return nativeMethod(rt, "bind", 1, func(fc sobek.FunctionCall) sobek.Value {
			t, _ := fc.This.(*sobek.Object)
			var next *boundInfo
			var name *hiddenName
			if t != nil && implOf(t).IsValid() && implOf(t).Type() == bindLayout.boundType {
				next = boundOf(t)
				name = hideLongName(rt, descOf, t)
			}
			v := bind(fc)
			o, _ := v.(*sobek.Object)
			if name != nil {
				restoreName(t, name)
				if o != nil {
					_ = o.DefineDataProperty("name", boundName(name), sobek.FLAG_FALSE, sobek.FLAG_TRUE, sobek.FLAG_FALSE)
				}
			}
			install(rt, o, next, fc.Arguments)
			return v
		})
	})
}

// install replaces the call and construct of o, sobek's new bound
// function, by a boundInfo's.
func install(rt *sobek.Runtime, o *sobek.Object, next *boundInfo, args []sobek.Value) {
	impl := implOf(o)
	if o == nil || !impl.IsValid() || impl.Type() != bindLayout.boundType || impl.IsNil() {
		return
	}
	p := impl.UnsafePointer()
	fp := (*func(sobek.FunctionCall) sobek.Value)(unsafe.Add(p, bindLayout.fOff))
	cp := (*constructFn)(unsafe.Add(p, bindLayout.cOff))
	b := &boundInfo{rt: rt, self: uintptr(unsafe.Pointer(o)), next: next, f: *fp, c: *cp}
	if len(args) > 1 {
		b.args = append([]sobek.Value(nil), args[1:]...)
	}
	if b.f == nil {
		return
	}
	*fp = b.call
	if b.c != nil {
		*cp = b.construct
	}
}

// hideLongName: when t's own name is a configurable data property whose
// value is an ASCII string of at least boundNameMin characters, it is
// defined undefined (sobek's bind then names the new function "bound "
// without copying) and its value returned, nil otherwise. t is a bound
// function: reading its descriptor runs no user code.
func hideLongName(rt *sobek.Runtime, descOf sobek.Callable, t *sobek.Object) *hiddenName {
	d, err := descOf(sobek.Undefined(), t, rt.ToValue("name"))
	if err != nil {
		return nil
	}
	desc, _ := d.(*sobek.Object)
	if desc == nil || !desc.Get("configurable").ToBoolean() {
		return nil
	}
	v := desc.Get("value")
	if v == nil || reflect.TypeOf(v) != bindLayout.asciiType || len(v.String()) < boundNameMin || desc.Get("get") != nil {
		return nil
	}
	w, e := flag(desc.Get("writable")), flag(desc.Get("enumerable"))
	if err := t.DefineDataProperty("name", sobek.Undefined(), w, sobek.FLAG_TRUE, e); err != nil {
		return nil
	}
	return &hiddenName{v, w, e}
}

func flag(v sobek.Value) sobek.Flag {
	if v != nil && v.ToBoolean() {
		return sobek.FLAG_TRUE
	}
	return sobek.FLAG_FALSE
}

// hiddenName is a hidden name's value and attributes.
type hiddenName struct {
	value sobek.Value
	w, e  sobek.Flag
}

func restoreName(t *sobek.Object, h *hiddenName) {
	_ = t.DefineDataProperty("name", h.value, h.w, sobek.FLAG_TRUE, h.e)
}

// boundName is "bound " + h's value, an ASCII string value, sharing
// memory with it when it is the front of a prefix buffer.
func boundName(h *hiddenName) sobek.Value {
	s := prefixBound(h.value.String())
	r := reflect.New(bindLayout.asciiType).Elem()
	r.SetString(s)
	return r.Interface().(sobek.Value)
}

// The prefix buffers: a name of a chain is built right to left in a
// buffer, each bind writing "bound " in front of the last name; a buffer
// is reused only from its front (the bytes before it are free). The cache
// holds weak pointers: a buffer lives as long as a name in it.
type prefixBuf struct {
	base        weak.Pointer[byte]
	size, start int
}

var prefixCache struct {
	mu   sync.Mutex
	bufs [8]prefixBuf
	next int
}

func prefixBound(s string) string {
	const p = "bound "
	d := unsafe.StringData(s)
	c := &prefixCache
	c.mu.Lock()
	defer c.mu.Unlock()
	slot := -1
	for i := range c.bufs {
		e := &c.bufs[i]
		b := e.base.Value()
		if b == nil || unsafe.Add(unsafe.Pointer(b), e.start) != unsafe.Pointer(d) || e.start+len(s) != e.size {
			continue
		}
		if e.start >= len(p) {
			e.start -= len(p)
			copy(unsafe.Slice(b, e.size)[e.start:], p)
			return unsafe.String((*byte)(unsafe.Add(unsafe.Pointer(b), e.start)), e.size-e.start)
		}
		slot = i
		break
	}
	n := len(p) + len(s)
	buf := make([]byte, 2*n)
	start := len(buf) - n
	copy(buf[start:], p)
	copy(buf[start+len(p):], s)
	if slot < 0 {
		slot = c.next
		c.next = (c.next + 1) % len(c.bufs)
	}
	c.bufs[slot] = prefixBuf{base: weak.Make(&buf[0]), size: len(buf), start: start}
	return unsafe.String(&buf[start], n)
}
