package engine

import (
	"reflect"
	"runtime"
	"sync"
	"sync/atomic"
	"unsafe"
	"weak"

	"github.com/grafana/sobek"
)

// Resizable ArrayBuffers (ES2024, in Node 20: `new ArrayBuffer(n, {
// maxByteLength })`, resize, length-tracking views). sobek's buffers and
// views have a fixed length: an arrayBufferObject holds its bytes in a
// slice (data), a typed array reads and writes them through a pointer to
// that slice field with its own fixed offset and length (elements) after
// one bounds check against that length, a DataView with its own byteOffset
// and byteLen. jsvm keeps a table of the resizable buffers (and of their
// counterparts in other realms, core/buffers.go) and of every view made
// over one, and on resize rewrites those fields as the spec's views would
// see them:
//
//   - the buffer's data becomes the first n bytes of its allocation; a
//     growth past the allocation's capacity moves the bytes to a larger one
//     (views read the slice field each access, so they follow); the
//     capacity never shrinks, so a sobek native that checked an index
//     before a callback resized the buffer still writes inside the
//     allocation (into bytes the buffer no longer shows, cleared when it
//     grows back over them);
//   - a length-tracking view's length follows the buffer; a view that goes
//     out of bounds gets length 0, offset 0 and, in place of its buffer, a
//     detached buffer of its realm, so that sobek's own checks give what
//     V8 gives an out-of-bounds view (undefined elements, TypeErrors from
//     its methods, from a DataView's accessors and getters); the `buffer`
//     getters (wrapped in sobek's templates) still answer the real buffer,
//     and a later resize that brings the view back restores it.
//
// TestResizableLayout fails loudly if sobek's fields change; Resizable-
// Supported then reports false and core leaves ArrayBuffer as sobek has it.

var rl struct {
	once    sync.Once
	ok      bool
	selfOff uintptr // Object.self
	// itabs of Object.self's dynamic types
	abTab, taTab, dvTab unsafe.Pointer
	// arrayBufferObject
	abData, abDetached uintptr
	// typedArrayObject
	taBuf, taLength, taOffset, taElem uintptr
	// dataViewObject
	dvBuf, dvLen, dvOff uintptr
}

func field(t reflect.Type, name string, kind reflect.Kind) (uintptr, bool) {
	f, ok := t.FieldByName(name)
	if !ok || f.Type.Kind() != kind {
		return 0, false
	}
	return f.Offset, true
}

func findResizableLayout() {
	rt := sobek.New()
	of, ok := reflect.TypeFor[sobek.Object]().FieldByName("self")
	if !ok || of.Type.Kind() != reflect.Interface {
		return
	}
	rl.selfOff = of.Offset
	v, err := rt.RunString(`[new ArrayBuffer(8), new Uint16Array(new ArrayBuffer(8), 2, 2), new DataView(new ArrayBuffer(8), 1, 3)]`)
	if err != nil {
		return
	}
	arr := v.(*sobek.Object)
	ab, _ := arr.Get("0").(*sobek.Object)
	ta, _ := arr.Get("1").(*sobek.Object)
	dv, _ := arr.Get("2").(*sobek.Object)
	if ab == nil || ta == nil || dv == nil {
		return
	}
	impl := func(o *sobek.Object) (reflect.Type, unsafe.Pointer, bool) {
		s := reflect.ValueOf(o).Elem().FieldByName("self")
		if s.IsNil() || s.Elem().Kind() != reflect.Pointer || s.Elem().Elem().Kind() != reflect.Struct {
			return nil, nil, false
		}
		return s.Elem().Type().Elem(), (*ifaceWords)(unsafe.Add(unsafe.Pointer(o), rl.selfOff)).tab, true
	}
	abT, abTab, ok1 := impl(ab)
	taT, taTab, ok2 := impl(ta)
	dvT, dvTab, ok3 := impl(dv)
	if !ok1 || !ok2 || !ok3 || abTab == taTab || abTab == dvTab || taTab == dvTab {
		return
	}
	okAll := true
	get := func(t reflect.Type, name string, kind reflect.Kind) uintptr {
		off, ok := field(t, name, kind)
		okAll = okAll && ok
		return off
	}
	rl.abData = get(abT, "data", reflect.Slice)
	rl.abDetached = get(abT, "detached", reflect.Bool)
	rl.taBuf = get(taT, "viewedArrayBuf", reflect.Pointer)
	rl.taLength = get(taT, "length", reflect.Int)
	rl.taOffset = get(taT, "offset", reflect.Int)
	rl.taElem = get(taT, "elemSize", reflect.Int)
	rl.dvBuf = get(dvT, "viewedArrayBuf", reflect.Pointer)
	rl.dvLen = get(dvT, "byteLen", reflect.Int)
	rl.dvOff = get(dvT, "byteOffset", reflect.Int)
	if !okAll {
		return
	}
	if f, _ := taT.FieldByName("viewedArrayBuf"); f.Type.Elem() != abT {
		return
	}
	if f, _ := dvT.FieldByName("viewedArrayBuf"); f.Type.Elem() != abT {
		return
	}
	if f, _ := abT.FieldByName("data"); f.Type.Elem().Kind() != reflect.Uint8 {
		return
	}
	rl.abTab, rl.taTab, rl.dvTab = abTab, taTab, dvTab
	// check the fields against what the script made
	abp, tap, dvp := selfData(ab), selfData(ta), selfData(dv)
	if len(*abData(abp)) != 8 || *at[int](tap, rl.taLength) != 2 || *at[int](tap, rl.taOffset) != 1 ||
		*at[int](tap, rl.taElem) != 2 || *at[int](dvp, rl.dvLen) != 3 || *at[int](dvp, rl.dvOff) != 1 {
		return
	}
	rl.ok = true
}

// ResizableSupported reports whether sobek's buffer layout is the one this
// file knows (TestResizableLayout).
func ResizableSupported() bool {
	rl.once.Do(findResizableLayout)
	return rl.ok
}

func at[T any](p unsafe.Pointer, off uintptr) *T { return (*T)(unsafe.Add(p, off)) }

func bufSelf(o *sobek.Object) *ifaceWords {
	return (*ifaceWords)(unsafe.Add(unsafe.Pointer(o), rl.selfOff))
}

func selfData(o *sobek.Object) unsafe.Pointer { return bufSelf(o).data }

func abData(p unsafe.Pointer) *[]byte { return at[[]byte](p, rl.abData) }

// bufferImpl is o's arrayBufferObject, nil when o is no ArrayBuffer.
func bufferImpl(o *sobek.Object) unsafe.Pointer {
	if o == nil || !ResizableSupported() {
		return nil
	}
	w := bufSelf(o)
	if w.tab != rl.abTab {
		return nil
	}
	return w.data
}

type rabState struct {
	max    int
	shared bool                         // a growable SharedArrayBuffer: never moved nor cleared
	bufs   []weak.Pointer[sobek.Object] // the buffer and its counterparts
	views  []weak.Pointer[sobek.Object]
}

type viewRec struct {
	st     *rabState
	buf    *sobek.Object  // the view's buffer (of its realm)
	dummy  unsafe.Pointer // a detached arrayBufferObject of the view's realm
	dv     bool
	off    int // bytes
	length int // elements (bytes for a DataView); -1: length-tracking
	elem   int
}

var (
	rabs     sync.Map // weak.Pointer[sobek.Object] (buffer) -> *rabState
	rviews   sync.Map // weak.Pointer[sobek.Object] (view) -> *viewRec
	rabCount atomic.Int64
	dummies  PerRuntime[sobek.Object]
)

func stateOf(o *sobek.Object) *rabState {
	if rabCount.Load() == 0 || bufferImpl(o) == nil {
		return nil
	}
	if s, ok := rabs.Load(weak.Make(o)); ok {
		return s.(*rabState)
	}
	return nil
}

func addBuf(st *rabState, o *sobek.Object) {
	k := weak.Make(o)
	st.bufs = append(st.bufs, k)
	rabs.Store(k, st)
	runtime.AddCleanup(o, func(k weak.Pointer[sobek.Object]) { rabs.Delete(k) }, k)
}

// MakeResizable makes the ArrayBuffer o (just constructed, not yet seen by
// code) resizable up to max bytes. False when o is no ArrayBuffer or
// sobek's layout is unknown.
func MakeResizable(o *sobek.Object, max int) bool {
	p := bufferImpl(o)
	if p == nil || max < 0 {
		return false
	}
	rabCount.Add(1)
	addBuf(&rabState{max: max}, o)
	return true
}

// MakeGrowableShared makes o, a SharedArrayBuffer object over memory of
// capacity max (allocated up front: other agents may read it at any
// time, it never moves), growable by Resize up to max.
func MakeGrowableShared(o *sobek.Object, max int) bool {
	p := bufferImpl(o)
	if p == nil || max < 0 || cap(*abData(p)) < max {
		return false
	}
	rabCount.Add(1)
	addBuf(&rabState{max: max, shared: true}, o)
	return true
}

// ResizableMax returns o's maxByteLength when o is a resizable ArrayBuffer.
func ResizableMax(o sobek.Value) (int, bool) {
	ob, _ := o.(*sobek.Object)
	if st := stateOf(ob); st != nil {
		return st.max, true
	}
	return 0, false
}

// IsArrayBuffer reports whether o is one of sobek's ArrayBuffer objects
// (SharedArrayBuffers included: jsvm's are ArrayBuffer objects too), not
// a Proxy of one.
func IsArrayBuffer(o sobek.Value) bool {
	ob, _ := o.(*sobek.Object)
	return bufferImpl(ob) != nil
}

// BufferDetached reports whether the ArrayBuffer o is detached.
func BufferDetached(o *sobek.Object) bool {
	p := bufferImpl(o)
	return p != nil && *at[bool](p, rl.abDetached)
}

// ShareResizable makes counterpart (an ArrayBuffer of another realm over
// orig's bytes, core/buffers.go) resize with orig. No-op unless orig is
// resizable.
func ShareResizable(orig, counterpart *sobek.Object) {
	st := stateOf(orig)
	p := bufferImpl(counterpart)
	if st == nil || p == nil {
		return
	}
	*abData(p) = *abData(bufferImpl(orig))
	addBuf(st, counterpart)
}

// TrackView registers view, a typed array or DataView just constructed
// over the resizable buffer buf, so that it follows buf's resizes;
// tracking: made without a length (its length follows the buffer's).
func TrackView(rt *sobek.Runtime, view, buf *sobek.Object, tracking bool) {
	st := stateOf(buf)
	if st == nil || view == nil {
		return
	}
	if r := viewOf(view); r != nil { // registered by its constructor
		if r.buf == buf && tracking {
			r.length = -1
		}
		return
	}
	bp := bufferImpl(buf)
	w := bufSelf(view)
	rec := &viewRec{st: st, buf: buf, length: -1}
	switch w.tab {
	case rl.taTab:
		if *at[unsafe.Pointer](w.data, rl.taBuf) != bp {
			return
		}
		rec.elem = *at[int](w.data, rl.taElem)
		rec.off = *at[int](w.data, rl.taOffset) * rec.elem
		if !tracking {
			rec.length = *at[int](w.data, rl.taLength)
		}
	case rl.dvTab:
		if *at[unsafe.Pointer](w.data, rl.dvBuf) != bp {
			return
		}
		rec.dv = true
		rec.off = *at[int](w.data, rl.dvOff)
		if !tracking {
			rec.length = *at[int](w.data, rl.dvLen)
		}
	default:
		return
	}
	d := dummies.Get(rt, func() *sobek.Object {
		o := rt.ToValue(rt.NewArrayBuffer(nil)).(*sobek.Object)
		o.Export().(sobek.ArrayBuffer).Detach()
		return o
	})
	rec.dummy = bufferImpl(d)
	// the view keeps its realm's dummy alive (rec.dummy is a bare pointer)
	k := weak.Make(view)
	rviews.Store(k, &viewKeep{rec: rec, dummy: d})
	runtime.AddCleanup(view, func(k weak.Pointer[sobek.Object]) { rviews.Delete(k) }, k)
	st.views = append(st.views, k)
}

type viewKeep struct {
	rec   *viewRec
	dummy *sobek.Object
}

func viewOf(o *sobek.Object) *viewRec {
	if rabCount.Load() == 0 || o == nil {
		return nil
	}
	if v, ok := rviews.Load(weak.Make(o)); ok {
		return v.(*viewKeep).rec
	}
	return nil
}

// ViewTracking reports whether o is a view registered by TrackView, and
// whether it tracks its buffer's length.
func ViewTracking(o *sobek.Object) (tracking, ok bool) {
	r := viewOf(o)
	if r == nil {
		return false, false
	}
	return r.length < 0, true
}

// ViewBuffer returns the buffer of a registered view (whose buffer field
// holds a detached stand-in while it is out of bounds).
func ViewBuffer(o *sobek.Object) *sobek.Object {
	if r := viewOf(o); r != nil {
		return r.buf
	}
	return nil
}

// ResizeError is what Resize refuses.
type ResizeError int

const (
	ResizeOK ResizeError = iota
	ResizeNotResizable
	ResizeDetached
	ResizeBadLength
	ResizeNoMemory
)

// Resize resizes the resizable ArrayBuffer o to n bytes and updates every
// view over it (and over its counterparts); fits says whether an
// allocation of so many bytes may be made.
func Resize(o *sobek.Object, n int, fits func(bytes int) bool) ResizeError {
	st := stateOf(o)
	if st == nil {
		return ResizeNotResizable
	}
	p := bufferImpl(o)
	if *at[bool](p, rl.abDetached) {
		return ResizeDetached
	}
	if n < 0 || n > st.max {
		return ResizeBadLength
	}
	cur := *abData(p)
	var nd []byte
	if st.shared {
		if n < len(cur) || n > cap(cur) {
			return ResizeBadLength
		}
		nd = cur[:n] // another agent may have written there already
	} else if n <= cap(cur) {
		if n > len(cur) {
			clear(cur[len(cur):n])
		}
		nd = cur[:n]
	} else {
		c := min(st.max, max(n, 2*cap(cur)))
		if !fits(c) {
			c = n
			if !fits(c) {
				return ResizeNoMemory
			}
		}
		nd = make([]byte, n, c)
		copy(nd, cur)
	}
	live := st.bufs[:0]
	for _, k := range st.bufs {
		b := k.Value()
		if b == nil {
			continue
		}
		live = append(live, k)
		if bp := bufferImpl(b); !*at[bool](bp, rl.abDetached) {
			*abData(bp) = nd
		}
	}
	clear(st.bufs[len(live):])
	st.bufs = live
	views := st.views[:0]
	for _, k := range st.views {
		v := k.Value()
		if v == nil {
			continue
		}
		r := viewOf(v)
		if r == nil {
			continue
		}
		views = append(views, k)
		r.update(v, n)
	}
	clear(st.views[len(views):])
	st.views = views
	return ResizeOK
}

// update rewrites v's fields for a buffer of n bytes.
func (r *viewRec) update(v *sobek.Object, n int) {
	w := bufSelf(v)
	real := bufferImpl(r.buf)
	if r.dv {
		l := r.length
		in := r.off <= n && (l < 0 || r.off+l <= n)
		if l < 0 {
			l = n - r.off
		}
		if !in {
			*at[unsafe.Pointer](w.data, rl.dvBuf) = r.dummy
			*at[int](w.data, rl.dvOff), *at[int](w.data, rl.dvLen) = 0, 0
			return
		}
		*at[unsafe.Pointer](w.data, rl.dvBuf) = real
		*at[int](w.data, rl.dvOff), *at[int](w.data, rl.dvLen) = r.off, l
		return
	}
	l := r.length
	in := r.off <= n && (l < 0 || r.off+l*r.elem <= n)
	if l < 0 && in {
		l = (n - r.off) / r.elem
	}
	if !in {
		*at[unsafe.Pointer](w.data, rl.taBuf) = r.dummy
		*at[int](w.data, rl.taOffset), *at[int](w.data, rl.taLength) = 0, 0
		return
	}
	*at[unsafe.Pointer](w.data, rl.taBuf) = real
	*at[int](w.data, rl.taOffset), *at[int](w.data, rl.taLength) = r.off/r.elem, l
}

// wrapResizableViews wraps, in sobek's templates, what an out-of-bounds
// view's stand-in buffer would show: the `buffer` getters answer the
// view's real buffer; and subarray of a length-tracking view without an
// end makes a length-tracking view, as the spec's does (sobek passes the
// species constructor an explicit length).
func wrapResizableViews() bool {
	if !ResizableSupported() {
		return false
	}
	getter := func(rt *sobek.Runtime, orig *sobek.Object) *sobek.Object {
		call, ok := sobek.AssertFunction(orig)
		if !ok {
			return orig
		}
		return nativeMethod(rt, "get buffer", 0, func(fc sobek.FunctionCall) sobek.Value {
			v := Call(call, fc.This)
			if o, ok := v.(*sobek.Object); ok && rabCount.Load() != 0 && BufferDetached(o) {
				this, _ := fc.This.(*sobek.Object)
				if b := ViewBuffer(this); b != nil {
					return b
				}
			}
			return v
		})
	}
	ok := WrapLazyGetter("TypedArray.prototype", "buffer", getter)
	ok = WrapLazyGetter("DataView.prototype", "buffer", getter) && ok
	ok = WrapLazyMethod("TypedArray.prototype", "subarray", func(rt *sobek.Runtime, orig *sobek.Object) *sobek.Object {
		call, ok := sobek.AssertFunction(orig)
		if !ok {
			return orig
		}
		return nativeMethod(rt, "subarray", 2, func(fc sobek.FunctionCall) sobek.Value {
			v := Call(call, fc.This, fc.Arguments...)
			if rabCount.Load() == 0 || !sobek.IsUndefined(fc.Argument(1)) {
				return v
			}
			this, _ := fc.This.(*sobek.Object)
			if tr, ok := ViewTracking(this); ok && tr {
				if o, _ := v.(*sobek.Object); o != nil {
					if r := viewOf(o); r != nil && r.buf == viewOf(this).buf {
						r.length = -1
					}
				}
			}
			return v
		})
	}) && ok
	return ok
}

// ResizableReady reports whether core may offer resizable ArrayBuffers:
// the layout is known and the view getters are wrapped.
func ResizableReady() bool {
	Prepare()
	return prepared.resizable
}
