package engine

import (
	"reflect"
	"strconv"
	"sync"
	"unsafe"

	"github.com/grafana/sobek"
)

// The Array methods that loop over a length (join, concat, indexOf,
// reverse, flat, forEach, ...) are one native step each in sobek, reading
// every index from 0 to length-1: new Array(2**32-1).indexOf(1) reads
// four billion holes through the prototype chain with no interrupt
// landing, so a timeout, SIGINT or a cancelled context is ignored for
// minutes. V8 keeps such arrays as dictionaries and visits only their
// elements in many of these methods. holeyarray.go replaces them, for a
// real Array (not a Proxy) of at least holeyMin elements that has holes,
// by loops that go from element to element: nextPresent finds the next
// index that can hold anything (an own element, or any index at all when
// a prototype is not plain), reading sobek's storage directly — an
// arrayObject's values, a sparseArrayObject's sorted items — and the
// prototypes' own names. The loops also pick up the run's interrupts
// every iterCheckEvery steps (checkRun).
//
// This reads sobek's unexported state: the implementation types of
// arrays and plain objects, arrayObject.values, sparseArrayObject.items
// (idx) and baseObject.propNames. findHoleLayout checks each by name and
// kind against a probe runtime; TestHoleLayout fails loudly when sobek
// changes them, and the methods are then sobek's own.

var holeLayout struct {
	once sync.Once
	ok   bool
	// *arrayObject: values; *sparseArrayObject: items ([]{idx uint32, value})
	arrType, sparseType  reflect.Type
	valuesOff, itemsOff  uintptr
	itemIdxOff, itemSize uintptr
	// plain objects usable as prototypes: *baseObject, *templatedObject,
	// *templatedArrayObject (baseObject first), and the offset of
	// baseObject.propNames in each
	plain     map[reflect.Type]uintptr
	arrNames  uintptr // propNames in arrayObject and sparseArrayObject
	sparseNms uintptr
}

// holeyMin: shorter arrays keep sobek's own loops (bounded by the time a
// few thousand reads take).
const holeyMin = 1 << 16

func findHoleLayout() {
	if !RegExpGuardWorks() {
		return
	}
	L := &holeLayout
	rt := sobek.New()
	v, err := rt.RunString(`[[1,,3], (a => (a[2**31] = 1, a[5] = 2, a))([]), {}, Array.prototype, Object.prototype]`)
	if err != nil {
		return
	}
	all := v.(*sobek.Object)
	get := func(i int) reflect.Value {
		o, _ := all.Get(strconv.Itoa(i)).(*sobek.Object)
		if o == nil {
			return reflect.Value{}
		}
		return implOf(o)
	}
	arr, sparse, obj := get(0), get(1), get(2)
	for _, r := range []reflect.Value{arr, sparse, obj} {
		if !r.IsValid() || r.Kind() != reflect.Pointer || r.Elem().Kind() != reflect.Struct {
			return
		}
	}
	if arr.Type() == sparse.Type() || arr.Type() == obj.Type() {
		return
	}
	values, ok := arr.Elem().Type().FieldByName("values")
	if !ok || values.Type != reflect.TypeFor[[]sobek.Value]() {
		return
	}
	items, ok := sparse.Elem().Type().FieldByName("items")
	if !ok || items.Type.Kind() != reflect.Slice || items.Type.Elem().Kind() != reflect.Struct {
		return
	}
	idx, ok := items.Type.Elem().FieldByName("idx")
	if !ok || idx.Type.Kind() != reflect.Uint32 {
		return
	}
	L.arrType, L.sparseType = arr.Type(), sparse.Type()
	L.valuesOff, L.itemsOff = values.Offset, items.Offset
	L.itemIdxOff, L.itemSize = idx.Offset, items.Type.Elem().Size()
	// the sparse probe holds 5 and 2**31, in that order
	if got := sparseIdx(sparse.UnsafePointer()); len(got) != 2 || got[0] != 5 || got[1] != 1<<31 {
		return
	}
	if got := *(*[]sobek.Value)(unsafe.Add(arr.UnsafePointer(), values.Offset)); len(got) != 3 || got[1] != nil || got[0] == nil {
		return
	}
	names := func(t reflect.Type) (uintptr, bool) {
		f, ok := t.Elem().FieldByName("propNames")
		if !ok || f.Type.Kind() != reflect.Slice || f.Type.Elem().Kind() != reflect.String {
			return 0, false
		}
		return f.Offset, true
	}
	L.plain = map[reflect.Type]uintptr{}
	for _, r := range []reflect.Value{obj, get(3), get(4)} {
		if !r.IsValid() || r.Kind() != reflect.Pointer || r.Elem().Kind() != reflect.Struct {
			return
		}
		off, ok := names(r.Type())
		if !ok {
			return
		}
		L.plain[r.Type()] = off
	}
	var ok1, ok2 bool
	L.arrNames, ok1 = names(arr.Type())
	L.sparseNms, ok2 = names(sparse.Type())
	if !ok1 || !ok2 {
		return
	}
	// a probe of the names: an index put on a plain object shows
	_, _ = rt.RunString(`Object.prototype[7] = 1`)
	if !hasIndexName(get(4).UnsafePointer(), L.plain[get(4).Type()]) || hasIndexName(obj.UnsafePointer(), L.plain[obj.Type()]) {
		return
	}
	L.ok = true
}

// HoleLayoutWorks reports whether sobek's layout is the one known
// (TestHoleLayout).
func HoleLayoutWorks() bool {
	holeLayout.once.Do(findHoleLayout)
	return holeLayout.ok
}

func sparseIdx(p unsafe.Pointer) []uint32 {
	it := itemsOf(p)
	out := make([]uint32, it.n)
	for i := range out {
		out[i] = it.idx(i)
	}
	return out
}

// sparseItems is a sparse array's item count and the idx of item i.
type sparseItems struct {
	data unsafe.Pointer
	n    int
}

func (s sparseItems) idx(i int) uint32 {
	L := &holeLayout
	return *(*uint32)(unsafe.Add(s.data, uintptr(i)*L.itemSize+L.itemIdxOff))
}

func itemsOf(p unsafe.Pointer) sparseItems {
	h := (*sliceHeader)(unsafe.Add(p, holeLayout.itemsOff))
	return sparseItems{h.data, h.len}
}

// hasIndexName reports whether the object at p (its propNames at off)
// has an own property named by an array index.
func hasIndexName(p unsafe.Pointer, off uintptr) bool {
	for _, name := range *(*[]string)(unsafe.Add(p, off)) {
		if isIndexName(name) {
			return true
		}
	}
	return false
}

// isIndexName: a canonical array index, 0 .. 2**32-2.
func isIndexName(s string) bool {
	if s == "" || len(s) > 10 || (len(s) > 1 && s[0] == '0') {
		return false
	}
	for i := 0; i < len(s); i++ {
		if s[i] < '0' || s[i] > '9' {
			return false
		}
	}
	n, err := strconv.ParseUint(s, 10, 64)
	return err == nil && n < 1<<32-1
}

// holeyArray is the storage of a real Array that nextPresent can walk.
type holeyArray struct {
	o      *sobek.Object
	p      unsafe.Pointer
	sparse bool
}

// holeyOf reports a's storage when it is a sobek array (dense or sparse).
func holeyOf(o *sobek.Object) (holeyArray, bool) {
	if !HoleLayoutWorks() || o == nil {
		return holeyArray{}, false
	}
	impl := implOf(o)
	if !impl.IsValid() {
		return holeyArray{}, false
	}
	switch impl.Type() {
	case holeLayout.arrType:
		return holeyArray{o, impl.UnsafePointer(), false}, true
	case holeLayout.sparseType:
		return holeyArray{o, impl.UnsafePointer(), true}, true
	}
	return holeyArray{}, false
}

// refresh re-reads the storage (an element write can turn a dense array
// sparse and back: the object stays, its implementation changes).
func (h *holeyArray) refresh() bool {
	n, ok := holeyOf(h.o)
	if ok {
		*h = n
	}
	return ok
}

// stored is the number of slots the storage holds (a dense array's
// values, a sparse one's items): much less than the length means holes.
func (h *holeyArray) stored() int {
	if h.sparse {
		return itemsOf(h.p).n
	}
	return len(*(*[]sobek.Value)(unsafe.Add(h.p, holeLayout.valuesOff)))
}

// storageNext is the least index in [k, end) that the object at p (of
// implementation type t) holds itself, end when none; forward false: the
// greatest in [end, k], end-1 when none. ok is false for an object whose
// indices are not in storage jsvm reads (Proxies, typed arrays, String
// objects, host objects...).
func storageNext(t reflect.Type, p unsafe.Pointer, k, end int64, forward bool) (int64, bool) {
	L := &holeLayout
	none := end
	if !forward {
		none = end - 1
	}
	switch t {
	case L.arrType:
		values := *(*[]sobek.Value)(unsafe.Add(p, L.valuesOff))
		if forward {
			for i := k; i < min(end, int64(len(values))); i++ {
				if values[i] != nil {
					return i, true
				}
			}
		} else {
			for i := min(k, int64(len(values))-1); i >= end; i-- {
				if values[i] != nil {
					return i, true
				}
			}
		}
		return namesNext(p, L.arrNames, k, none, forward), true
	case L.sparseType:
		it := itemsOf(p)
		lo, hi := 0, it.n
		for lo < hi { // the first item with idx >= k (forward), > k (back)
			m := int(uint(lo+hi) >> 1)
			if i := int64(it.idx(m)); i < k || (!forward && i == k) {
				lo = m + 1
			} else {
				hi = m
			}
		}
		if forward && lo < it.n && int64(it.idx(lo)) < end {
			return int64(it.idx(lo)), true
		}
		if !forward && lo > 0 && int64(it.idx(lo-1)) >= end {
			return int64(it.idx(lo - 1)), true
		}
		return namesNext(p, L.sparseNms, k, none, forward), true
	}
	off, ok := L.plain[t]
	if !ok {
		return k, false
	}
	return namesNext(p, off, k, none, forward), true
}

// namesNext: the nearest index-named own property of the object at p
// (propNames at off) from k on towards none, none when there is none.
func namesNext(p unsafe.Pointer, off uintptr, k, none int64, forward bool) int64 {
	best := none
	for _, name := range *(*[]string)(unsafe.Add(p, off)) {
		if !isIndexName(name) {
			continue
		}
		i, _ := strconv.ParseInt(name, 10, 64)
		if forward && i >= k && i < best || !forward && i <= k && i > best {
			best = i
		}
	}
	return best
}

// chainNext is the nearest index from k on (towards end) at which o or a
// prototype of it holds a property: no index in between can have one.
// A prototype that is not plain gives k itself (each index is asked).
// Each object's type is checked before its prototype is read (a Proxy's
// getPrototypeOf trap must not run).
func chainNext(o *sobek.Object, k, end int64, forward bool) int64 {
	best := end
	if !forward {
		best = end - 1
	}
	for depth := 0; o != nil; depth++ {
		impl := implOf(o)
		if depth > 32 || !impl.IsValid() {
			return k
		}
		lim := best
		if !forward {
			lim = best + 1
		}
		i, ok := storageNext(impl.Type(), impl.UnsafePointer(), k, lim, forward)
		if !ok {
			return k
		}
		if forward && i < best || !forward && i > best {
			best = i
		}
		if best == k {
			return k
		}
		o = o.Prototype()
	}
	return best
}

// protosPlain reports whether every prototype of o is an ordinary object
// whose indices jsvm can see (chainNext skips holes over them).
func protosPlain(o *sobek.Object) bool {
	for depth := 0; o != nil; depth++ {
		impl := implOf(o)
		if depth > 32 || !impl.IsValid() {
			return false
		}
		if _, ok := storageNext(impl.Type(), impl.UnsafePointer(), 0, 0, true); !ok {
			return false
		}
		o = o.Prototype()
	}
	return true
}

// nextPresent is the least index i in [k, end) at which o may have a
// property (own or inherited), end when there is none. It reads the
// live storage, so code run between two calls is seen.
func (h *holeyArray) nextPresent(k, end int64) int64 {
	if k >= end || !h.refresh() {
		return k
	}
	return chainNext(h.o, k, end, true)
}

// prevPresent is the greatest index i in [start, k] at which o may have
// a property, start-1 when there is none.
func (h *holeyArray) prevPresent(k, start int64) int64 {
	if k < start || !h.refresh() {
		return k
	}
	return chainNext(h.o, k, start, false)
}

// get reads index k: nil when o has no such property (own or
// inherited). For the ordinary objects protosPlain accepts, one Get is
// HasProperty and Get together; a prototype made exotic while a loop
// runs (by code it calls) is asked through its get trap where the spec
// asks has first.
func (h *holeyArray) get(k int64) sobek.Value {
	return h.o.Get(strconv.FormatInt(k, 10))
}
