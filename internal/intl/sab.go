package intl

import (
	"math"
	"math/big"
	"runtime"
	"strings"
	"sync"
	"sync/atomic"
	"time"
	"unsafe"

	"github.com/grafana/sobek"

	"github.com/jsvm-dev/jsvm/internal/engine"
)

// SharedArrayBuffer and Atomics. sobek has neither. A SharedArrayBuffer
// here is one of sobek's ArrayBuffer objects over memory this package
// allocated and registered as shared, with SharedArrayBuffer.prototype
// as its prototype: typed arrays and DataViews work over it as over any
// buffer, Object.prototype.toString says [object SharedArrayBuffer]
// (the prototype's toStringTag) and instanceof ArrayBuffer is false, as
// in V8. Atomics operate on the memory with sync/atomic, so two runtimes
// on two goroutines given the same memory (NewShared) see each other's
// writes and can wait and notify each other.

// MaxSharedBytes bounds a SharedArrayBuffer (V8's limit on this machine
// class; Go's out-of-memory would be fatal).
const MaxSharedBytes = 1 << 32

// sharedMem is one shared block's registration.
type sharedMem struct {
	data []byte // at its first length; capacity max when growable
	max  int    // maxByteLength, -1 when not growable
	// length is the longest any agent grew it to: a SharedArrayBuffer
	// made from it later (another worker) starts there
	length atomic.Int64
}

var shared sync.Map // base address -> *sharedMem

func baseOf(b []byte) uintptr { return uintptr(unsafe.Pointer(unsafe.SliceData(b))) }

// allocShared allocates n bytes (rounded up to a word, so sub-word
// atomics stay inside the allocation) and registers them.
func allocShared(n int, maxLen int) []byte {
	c := n
	if maxLen > n {
		c = maxLen // growable: all of it now, it never moves
	}
	words := make([]uint64, (c+8)/8) // at least one word, 8-aligned
	data := unsafe.Slice((*byte)(unsafe.Pointer(&words[0])), len(words)*8)[:n:c]
	register(data, &words[0], maxLen)
	return data
}

func register(data []byte, owner *uint64, max int) {
	k := baseOf(data)
	m := &sharedMem{data: data, max: max}
	m.length.Store(int64(len(data)))
	shared.Store(k, m)
	runtime.AddCleanup(owner, func(k uintptr) { shared.Delete(k) }, k)
}

// SharedBytes returns the memory of a SharedArrayBuffer object, for a
// host that shares it with another isolate (worker_threads).
func SharedBytes(v sobek.Value) ([]byte, bool) {
	m := sharedOf(v)
	if m == nil {
		return nil, false
	}
	return m.data[:m.length.Load()], true
}

// NewShared makes a SharedArrayBuffer of rt over data, which must come
// from SharedBytes (memory of another realm: both see the same bytes).
func NewShared(rt *sobek.Runtime, data []byte) (sobek.Value, bool) {
	if _, ok := shared.Load(baseOf(data)); !ok {
		return nil, false
	}
	s := For(rt).sabs()
	o := rt.ToValue(rt.NewArrayBuffer(data)).(*sobek.Object)
	_ = o.SetPrototype(s.proto)
	if m := sharedOf(o); m != nil && m.max >= 0 {
		engine.MakeGrowableShared(o, m.max)
	}
	return o, true
}

func sharedOf(v sobek.Value) *sharedMem {
	o, ok := v.(*sobek.Object)
	if !ok {
		return nil
	}
	ab, ok := o.Export().(sobek.ArrayBuffer)
	if !ok {
		return nil
	}
	b := ab.Bytes()
	if unsafe.SliceData(b) == nil {
		return nil
	}
	m, ok := shared.Load(baseOf(b))
	if !ok {
		return nil
	}
	return m.(*sharedMem)
}

type sabRealm struct {
	ctor, proto, atomics *sobek.Object
}

func (r *Realm) sabs() *sabRealm {
	if r.sab != nil {
		return r.sab
	}
	rt := r.rt
	s := &sabRealm{}
	r.sab = s
	proto := rt.NewObject()
	s.proto = proto
	ctor := rt.ToValue(func(call sobek.ConstructorCall) *sobek.Object {
		n := toIndex(rt, call.Argument(0), func() sobek.Value { return r.rangeError("Invalid array buffer length") })
		max := -1
		if o, ok := call.Argument(1).(*sobek.Object); ok {
			if mv := o.Get("maxByteLength"); mv != nil && !sobek.IsUndefined(mv) {
				max = toIndex(rt, mv, func() sobek.Value { return r.rangeError("Invalid array buffer max length") })
				if n > max || max > MaxSharedBytes {
					panic(r.rangeError("Invalid array buffer max length"))
				}
			}
		}
		if n > MaxSharedBytes || max > MaxSharedBytes || !engine.BufferFits(float64(n)) || !engine.BufferFits(float64(max)) {
			panic(r.rangeError("Array buffer allocation failed"))
		}
		o := rt.ToValue(rt.NewArrayBuffer(allocShared(n, max))).(*sobek.Object)
		if max >= 0 {
			engine.MakeGrowableShared(o, max)
		}
		p := proto
		if call.NewTarget != nil {
			if np, ok := call.NewTarget.Get("prototype").(*sobek.Object); ok {
				p = np
			}
		}
		_ = o.SetPrototype(p)
		return o
	}).(*sobek.Object)
	s.ctor = ctor
	fnProps(rt, ctor, "SharedArrayBuffer", 1)
	_ = ctor.DefineDataProperty("prototype", proto, sobek.FLAG_FALSE, sobek.FLAG_FALSE, sobek.FLAG_FALSE)
	_ = proto.DefineDataProperty("constructor", ctor, sobek.FLAG_TRUE, sobek.FLAG_TRUE, sobek.FLAG_FALSE)
	species := rt.ToValue(func(c sobek.FunctionCall) sobek.Value { return c.This }).(*sobek.Object)
	fnProps(rt, species, "get [Symbol.species]", 0)
	_ = ctor.DefineAccessorPropertySymbol(sobek.SymSpecies, species, nil, sobek.FLAG_TRUE, sobek.FLAG_FALSE)
	this := func(c sobek.FunctionCall, m string) *sharedMem {
		sm := sharedOf(c.This)
		if sm == nil {
			if !strings.HasPrefix(m, "get ") {
				m = "SharedArrayBuffer.prototype." + m
			}
			panic(rt.NewTypeError("Method " + m + " called on incompatible receiver " + describe(c.This)))
		}
		return sm
	}
	getter := func(name string, f func(*sharedMem, *sobek.Object) sobek.Value) {
		g := rt.ToValue(func(c sobek.FunctionCall) sobek.Value {
			m := this(c, "get SharedArrayBuffer.prototype."+name)
			return f(m, c.This.(*sobek.Object))
		}).(*sobek.Object)
		fnProps(rt, g, "get "+name, 0)
		_ = proto.DefineAccessorProperty(name, g, nil, sobek.FLAG_TRUE, sobek.FLAG_FALSE)
	}
	// this object's length (a growable one's grows)
	// (another agent's growth is taken in here, on this isolate's own
	// goroutine: its buffers and views follow, no other isolate's state is
	// touched)
	lengthOf := func(o *sobek.Object) int {
		n := len(o.Export().(sobek.ArrayBuffer).Bytes())
		if m := sharedOf(o); m != nil && m.max >= 0 {
			if l := int(m.length.Load()); l > n && engine.Resize(o, l, nil) == engine.ResizeOK {
				n = l
			}
		}
		return n
	}
	getter("byteLength", func(m *sharedMem, o *sobek.Object) sobek.Value { return rt.ToValue(lengthOf(o)) })
	method(rt, proto, "slice", 2, func(c sobek.FunctionCall) sobek.Value {
		this(c, "slice")
		l := lengthOf(c.This.(*sobek.Object))
		from := relIndex(c.Argument(0), l, 0)
		to := relIndex(c.Argument(1), l, l)
		n := max(to-from, 0)
		data := allocShared(n, -1)
		copy(data, c.This.(*sobek.Object).Export().(sobek.ArrayBuffer).Bytes()[from:from+n])
		o := rt.ToValue(rt.NewArrayBuffer(data)).(*sobek.Object)
		_ = o.SetPrototype(proto)
		return o
	})
	getter("growable", func(m *sharedMem, _ *sobek.Object) sobek.Value { return rt.ToValue(m.max >= 0) })
	getter("maxByteLength", func(m *sharedMem, o *sobek.Object) sobek.Value {
		if m.max >= 0 {
			return rt.ToValue(m.max)
		}
		return rt.ToValue(lengthOf(o))
	})
	method(rt, proto, "grow", 1, func(c sobek.FunctionCall) sobek.Value {
		m := this(c, "grow")
		if m.max < 0 {
			panic(rt.NewTypeError("Method SharedArrayBuffer.prototype.grow called on incompatible receiver " + describe(c.This)))
		}
		o := c.This.(*sobek.Object)
		lengthOf(o)
		n := toIndex(rt, c.Argument(0), func() sobek.Value { return r.rangeError("SharedArrayBuffer.prototype.grow: Invalid length parameter") })
		if n > m.max || n < lengthOf(o) || engine.Resize(o, n, nil) != engine.ResizeOK {
			panic(r.rangeError("SharedArrayBuffer.prototype.grow: Invalid length parameter"))
		}
		for {
			l := m.length.Load()
			if int64(n) <= l || m.length.CompareAndSwap(l, int64(n)) {
				break
			}
		}
		return sobek.Undefined()
	})
	_ = proto.DefineDataPropertySymbol(sobek.SymToStringTag, rt.ToValue("SharedArrayBuffer"), sobek.FLAG_FALSE, sobek.FLAG_TRUE, sobek.FLAG_FALSE)
	s.atomics = r.newAtomics()
	return s
}

func fnProps(rt *sobek.Runtime, o *sobek.Object, name string, length int) {
	_ = o.DefineDataProperty("length", rt.ToValue(length), sobek.FLAG_FALSE, sobek.FLAG_TRUE, sobek.FLAG_FALSE)
	_ = o.DefineDataProperty("name", rt.ToValue(name), sobek.FLAG_FALSE, sobek.FLAG_TRUE, sobek.FLAG_FALSE)
}

func method(rt *sobek.Runtime, o *sobek.Object, name string, length int, f func(sobek.FunctionCall) sobek.Value) {
	fn := rt.ToValue(f).(*sobek.Object)
	fnProps(rt, fn, name, length)
	_ = o.DefineDataProperty(name, fn, sobek.FLAG_TRUE, sobek.FLAG_TRUE, sobek.FLAG_FALSE)
}

// toIndex is ECMA's ToIndex.
func toIndex(rt *sobek.Runtime, v sobek.Value, rangeErr func() sobek.Value) int {
	if v == nil || sobek.IsUndefined(v) {
		return 0
	}
	f := v.ToNumber().ToFloat()
	if math.IsNaN(f) {
		return 0
	}
	f = math.Trunc(f)
	if f < 0 || f > 1<<53-1 {
		panic(rangeErr())
	}
	if f > math.MaxInt32*4 {
		return math.MaxInt64 / 2
	}
	return int(f)
}

func relIndex(v sobek.Value, l, def int) int {
	if v == nil || sobek.IsUndefined(v) {
		return def
	}
	f := math.Trunc(v.ToFloat())
	if math.IsNaN(f) {
		f = 0
	}
	if f < 0 {
		f = math.Max(float64(l)+f, 0)
	}
	return int(math.Min(f, float64(l)))
}

// ---- Atomics ----

// view is an integer typed array's memory.
type view struct {
	kind   string // Int8 ... BigUint64
	size   int
	bytes  []byte
	shared bool
	obj    *sobek.Object
}

var atomicKinds = map[string]int{"Int8Array": 1, "Uint8Array": 1, "Int16Array": 2, "Uint16Array": 2, "Int32Array": 4, "Uint32Array": 4, "BigInt64Array": 8, "BigUint64Array": 8}

func (r *Realm) viewOf(v sobek.Value, waitable bool) *view {
	rt := r.rt
	o, ok := v.(*sobek.Object)
	var name string
	if ok {
		if t := o.GetSymbol(sobek.SymToStringTag); t != nil && !sobek.IsUndefined(t) {
			name = t.String()
		}
	}
	size, isInt := atomicKinds[name]
	if !ok || !isInt {
		panic(rt.NewTypeError(objectString(v, name) + " is not an integer typed array."))
	}
	if waitable && name != "Int32Array" && name != "BigInt64Array" {
		panic(rt.NewTypeError(objectString(v, name) + " is not an int32 or BigInt64 typed array."))
	}
	var b []byte
	if err := rt.ExportTo(o, &b); err != nil {
		panic(rt.NewTypeError(err.Error()))
	}
	w := &view{kind: name[:len(name)-5], size: size, bytes: b, obj: o}
	if buf, ok := o.Get("buffer").(*sobek.Object); ok && sharedOf(buf) != nil {
		w.shared = true
	}
	return w
}

// objectString is Object.prototype.toString's answer for v (tag is its
// typed array name, if any).
func objectString(v sobek.Value, tag string) string {
	if tag != "" {
		return "[object " + tag + "]"
	}
	if o, ok := v.(*sobek.Object); ok {
		switch o.ClassName() {
		case "Array":
			return "[object Array]"
		case "Function":
			return "[object Function]"
		}
		return "[object Object]"
	}
	return v.String()
}

func (w *view) length() int { return len(w.bytes) / w.size }

func (r *Realm) atomicIndex(w *view, v sobek.Value) int {
	i := toIndex(r.rt, v, func() sobek.Value { return r.rangeError("Invalid atomic access index") })
	if i >= w.length() {
		panic(r.rangeError("Invalid atomic access index"))
	}
	return i
}

// word returns the aligned 32-bit word holding byte offset off of w and
// the bit shift of the element inside it (little-endian).
func (w *view) addr(i int) unsafe.Pointer {
	return unsafe.Pointer(&w.bytes[i*w.size])
}

// rmw applies f to element i atomically, returning the old raw value.
func (w *view) rmw(i int, f func(old uint64) uint64) uint64 {
	p := w.addr(i)
	switch w.size {
	case 8:
		a := (*uint64)(p)
		for {
			old := atomic.LoadUint64(a)
			if atomic.CompareAndSwapUint64(a, old, f(old)) {
				return old
			}
		}
	case 4:
		a := (*uint32)(p)
		for {
			old := atomic.LoadUint32(a)
			if atomic.CompareAndSwapUint32(a, old, uint32(f(uint64(old)))) {
				return uint64(old)
			}
		}
	}
	// 1 and 2 bytes: CAS on the aligned word that holds them
	addr := uintptr(p)
	wa := (*uint32)(unsafe.Add(p, -int(addr&3)))
	shift := (addr & 3) * 8
	mask := uint32(1)<<(uint(w.size)*8) - 1
	for {
		old := atomic.LoadUint32(wa)
		ov := (old >> shift) & mask
		nv := uint32(f(uint64(ov))) & mask
		if atomic.CompareAndSwapUint32(wa, old, old&^(mask<<shift)|nv<<shift) {
			return uint64(ov)
		}
	}
}

func (w *view) load(i int) uint64 { return w.rmw(i, func(o uint64) uint64 { return o }) }

// toRaw converts a JS value to the element's bits (and the value
// Atomics.store returns).
func (r *Realm) toRaw(w *view, v sobek.Value) (uint64, sobek.Value) {
	rt := r.rt
	if w.size == 8 {
		b, ok := v.Export().(*big.Int)
		if !ok {
			if s, isStr := v.Export().(string); isStr {
				if bb, ok2 := new(big.Int).SetString(s, 0); ok2 {
					b = bb
					ok = true
				}
			} else if bv, isBool := v.Export().(bool); isBool {
				b = big.NewInt(0)
				if bv {
					b = big.NewInt(1)
				}
				ok = true
			}
		}
		if !ok {
			panic(rt.NewTypeError("Cannot convert " + v.String() + " to a BigInt"))
		}
		m := new(big.Int).And(b, new(big.Int).SetUint64(math.MaxUint64))
		return m.Uint64(), rt.ToValue(b)
	}
	f := v.ToNumber().ToFloat()
	if math.IsNaN(f) || math.IsInf(f, 0) {
		if math.IsNaN(f) {
			return 0, rt.ToValue(0)
		}
		return 0, rt.ToValue(f)
	}
	f = math.Trunc(f)
	var i int64
	if math.Abs(f) < 1<<63 {
		i = int64(f)
	} else {
		bf := new(big.Float).SetFloat64(f)
		bi, _ := bf.Int(nil)
		i = new(big.Int).And(bi, new(big.Int).SetUint64(math.MaxUint64)).Int64()
	}
	return uint64(i), rt.ToValue(f + 0)
}

// fromRaw converts element bits to a JS value.
func (r *Realm) fromRaw(w *view, x uint64) sobek.Value {
	rt := r.rt
	switch w.kind {
	case "Int8":
		return rt.ToValue(int8(x))
	case "Uint8":
		return rt.ToValue(uint8(x))
	case "Int16":
		return rt.ToValue(int16(x))
	case "Uint16":
		return rt.ToValue(uint16(x))
	case "Int32":
		return rt.ToValue(int32(x))
	case "Uint32":
		return rt.ToValue(uint32(x))
	case "BigInt64":
		return rt.ToValue(big.NewInt(int64(x)))
	}
	return rt.ToValue(new(big.Int).SetUint64(x))
}

func (w *view) mask(x uint64) uint64 {
	if w.size == 8 {
		return x
	}
	return x & (1<<(uint(w.size)*8) - 1)
}

// waiters are the agents blocked in Atomics.wait, by address.
var waiters struct {
	sync.Mutex
	m map[uintptr][]*waiter
}

type waiter struct {
	ch    chan struct{}
	async func() // waitAsync: resolve in its realm (same goroutine only)
	rt    *sobek.Runtime
}

func (r *Realm) newAtomics() *sobek.Object {
	rt := r.rt
	a := rt.NewObject()
	_ = a.DefineDataPropertySymbol(sobek.SymToStringTag, rt.ToValue("Atomics"), sobek.FLAG_FALSE, sobek.FLAG_TRUE, sobek.FLAG_FALSE)
	binop := func(name string, f func(w *view, old, v uint64) uint64) {
		method(rt, a, name, 3, func(c sobek.FunctionCall) sobek.Value {
			w := r.viewOf(c.Argument(0), false)
			i := r.atomicIndex(w, c.Argument(1))
			v, _ := r.toRaw(w, c.Argument(2))
			old := w.rmw(i, func(o uint64) uint64 { return w.mask(f(w, o, v)) })
			return r.fromRaw(w, old)
		})
	}
	binop("add", func(w *view, o, v uint64) uint64 { return o + v })
	binop("and", func(w *view, o, v uint64) uint64 { return o & v })
	method(rt, a, "compareExchange", 4, func(c sobek.FunctionCall) sobek.Value {
		w := r.viewOf(c.Argument(0), false)
		i := r.atomicIndex(w, c.Argument(1))
		exp, _ := r.toRaw(w, c.Argument(2))
		rep, _ := r.toRaw(w, c.Argument(3))
		exp, rep = w.mask(exp), w.mask(rep)
		old := w.rmw(i, func(o uint64) uint64 {
			if o == exp {
				return rep
			}
			return o
		})
		return r.fromRaw(w, old)
	})
	binop("exchange", func(w *view, o, v uint64) uint64 { return v })
	method(rt, a, "isLockFree", 1, func(c sobek.FunctionCall) sobek.Value {
		n := c.Argument(0).ToInteger()
		return rt.ToValue(n == 1 || n == 2 || n == 4 || n == 8)
	})
	method(rt, a, "load", 2, func(c sobek.FunctionCall) sobek.Value {
		w := r.viewOf(c.Argument(0), false)
		i := r.atomicIndex(w, c.Argument(1))
		return r.fromRaw(w, w.load(i))
	})
	binop("or", func(w *view, o, v uint64) uint64 { return o | v })
	method(rt, a, "store", 3, func(c sobek.FunctionCall) sobek.Value {
		w := r.viewOf(c.Argument(0), false)
		i := r.atomicIndex(w, c.Argument(1))
		v, ret := r.toRaw(w, c.Argument(2))
		w.rmw(i, func(uint64) uint64 { return w.mask(v) })
		return ret
	})
	binop("sub", func(w *view, o, v uint64) uint64 { return o - v })
	method(rt, a, "wait", 4, func(c sobek.FunctionCall) sobek.Value {
		return rt.ToValue(r.wait(c, false))
	})
	method(rt, a, "waitAsync", 4, func(c sobek.FunctionCall) sobek.Value {
		return r.waitAsync(c)
	})
	method(rt, a, "notify", 3, func(c sobek.FunctionCall) sobek.Value {
		w := r.viewOf(c.Argument(0), false)
		i := r.atomicIndex(w, c.Argument(1))
		count := math.Inf(1)
		if v := c.Argument(2); !sobek.IsUndefined(v) {
			count = math.Max(math.Trunc(v.ToFloat()), 0)
			if math.IsNaN(count) {
				count = 0
			}
		}
		if !w.shared {
			return rt.ToValue(0)
		}
		key := uintptr(w.addr(i))
		var wake []*waiter
		waiters.Lock()
		list := waiters.m[key]
		for len(list) > 0 && float64(len(wake)) < count {
			wake = append(wake, list[0])
			list = list[1:]
		}
		if len(list) == 0 {
			delete(waiters.m, key)
		} else {
			waiters.m[key] = list
		}
		waiters.Unlock()
		for _, x := range wake {
			if x.async != nil {
				if x.rt == rt {
					x.async()
				}
				continue
			}
			close(x.ch)
		}
		return rt.ToValue(len(wake))
	})
	xorf := func(w *view, o, v uint64) uint64 { return o ^ v }
	binop("xor", xorf)
	return a
}

// waitArgs validates Atomics.wait's arguments: the view, the index, the
// expected raw value and the timeout (ms, +Inf for none).
func (r *Realm) waitArgs(c sobek.FunctionCall) (*view, int, uint64, float64) {
	rt := r.rt
	w := r.viewOf(c.Argument(0), true)
	if !w.shared {
		panic(rt.NewTypeError("[object " + w.kind + "Array] is not a shared typed array."))
	}
	i := r.atomicIndex(w, c.Argument(1))
	v, _ := r.toRaw(w, c.Argument(2))
	t := math.Inf(1)
	if tv := c.Argument(3); !sobek.IsUndefined(tv) {
		t = tv.ToFloat()
		if math.IsNaN(t) {
			t = math.Inf(1)
		}
		t = math.Max(t, 0)
	}
	return w, i, w.mask(v), t
}

// wait blocks the goroutine until notified or timed out. It stays
// interruptible: every few milliseconds it calls into the runtime,
// which raises a pending interrupt (a vm timeout, terminate) there.
func (r *Realm) wait(c sobek.FunctionCall, _ bool) string {
	w, i, v, t := r.waitArgs(c)
	key := uintptr(w.addr(i))
	waiters.Lock()
	if w.load(i) != v {
		waiters.Unlock()
		return "not-equal"
	}
	me := &waiter{ch: make(chan struct{})}
	if waiters.m == nil {
		waiters.m = map[uintptr][]*waiter{}
	}
	waiters.m[key] = append(waiters.m[key], me)
	waiters.Unlock()
	var deadline <-chan time.Time
	if !math.IsInf(t, 1) {
		d := time.Duration(t * float64(time.Millisecond))
		timer := time.NewTimer(d)
		defer timer.Stop()
		deadline = timer.C
	}
	tick := time.NewTicker(5 * time.Millisecond)
	defer tick.Stop()
	remove := func() {
		waiters.Lock()
		list := waiters.m[key]
		for j, x := range list {
			if x == me {
				list = append(list[:j:j], list[j+1:]...)
				break
			}
		}
		if len(list) == 0 {
			delete(waiters.m, key)
		} else {
			waiters.m[key] = list
		}
		waiters.Unlock()
	}
	for {
		select {
		case <-me.ch:
			return "ok"
		case <-deadline:
			remove()
			select {
			case <-me.ch: // notified meanwhile
				return "ok"
			default:
			}
			return "timed-out"
		case <-tick.C:
			if err := r.pollInterrupt(); err != nil {
				remove()
				panic(err)
			}
		}
	}
}

// pollInterrupt runs a no-op in the runtime: if an interrupt is pending,
// sobek raises it there and it comes back as the error.
func (r *Realm) pollInterrupt() error {
	if r.noop == nil {
		v, err := r.rt.RunString("(function () {})")
		if err != nil {
			return err
		}
		r.noop, _ = sobek.AssertFunction(v)
	}
	_, err := r.noop(sobek.Undefined())
	if _, ok := err.(*sobek.InterruptedError); ok {
		return err
	}
	return nil
}

func (r *Realm) waitAsync(c sobek.FunctionCall) sobek.Value {
	rt := r.rt
	w, i, v, t := r.waitArgs(c)
	res := rt.NewObject()
	if w.load(i) != v {
		_ = res.Set("async", false)
		_ = res.Set("value", "not-equal")
		return res
	}
	if t == 0 {
		_ = res.Set("async", false)
		_ = res.Set("value", "timed-out")
		return res
	}
	p, resolve, _ := rt.NewPromise()
	me := &waiter{rt: rt}
	me.async = func() { _ = resolve("ok") }
	key := uintptr(w.addr(i))
	waiters.Lock()
	if waiters.m == nil {
		waiters.m = map[uintptr][]*waiter{}
	}
	waiters.m[key] = append(waiters.m[key], me)
	waiters.Unlock()
	_ = res.Set("async", true)
	_ = res.Set("value", p)
	return res
}
