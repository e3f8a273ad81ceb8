package engine

import (
	"reflect"
	"sync"
	"unsafe"

	"github.com/grafana/sobek"
)

// Spreading an array ([...a], f(...a)) drains its iterator in one
// opcode of sobek's VM (pushArraySpread, pushSpread), and each step makes
// a fresh result object {value, done}: a map-backed object per element,
// so [...a] of 10^6 elements took 1.7–3 s (node: 10–25 ms), nearly all of
// it allocation and collection. The array iterator's next is jsvm's
// already (iterguard.go); while the instruction running is one of those
// two opcodes, its caller is the opcode's drain, which reads done and
// value of the result at once and drops it, so the wrapper hands it one
// result object per realm, refilled, with the element read directly from
// a plain dense array (no hole, no accessor: no code can run). Anything
// else — a call from JS code (the instruction is then a call), a hole, a
// typed array, entries(), the end — takes sobek's own next.
//
// This reads sobek's unexported state: Runtime.vm, vm.prg and vm.pc,
// Program.code, the opcodes' types, arrayIterObject (obj, nextIdx,
// kind) and arrayObject (values, length, propValueCount). findSpreadLayout
// checks each by name and kind against a probe runtime;
// TestSpreadFastLayout fails loudly when sobek changes them, and the
// wrapper then always takes sobek's next.

var spreadLayout struct {
	once sync.Once
	ok   bool
	// Runtime.vm; vm.prg, vm.pc; Program.code
	vmOff, prgOff, pcOff, codeOff uintptr
	// the itabs of the two opcodes in the instruction interface
	drainTabs [2]unsafe.Pointer
	// *arrayIterObject: obj, nextIdx, kind; the kinds of values() and keys()
	iterType                  reflect.Type
	iterObjOff, nextOff, kOff uintptr
	kindValue, kindKey        int
	// *arrayObject: values, length, propValueCount
	arrType                    reflect.Type
	valuesOff, lenOff, propOff uintptr
}

// iface is the layout of a non-empty interface value.
type iface struct {
	tab  unsafe.Pointer
	data unsafe.Pointer
}

func findSpreadLayout() {
	if !RegExpGuardWorks() {
		return
	}
	L := &spreadLayout
	vmF, ok := reflect.TypeFor[sobek.Runtime]().FieldByName("vm")
	if !ok || vmF.Type.Kind() != reflect.Pointer || vmF.Type.Elem().Kind() != reflect.Struct {
		return
	}
	vmT := vmF.Type.Elem()
	prg, ok1 := vmT.FieldByName("prg")
	pc, ok2 := vmT.FieldByName("pc")
	if !ok1 || !ok2 || prg.Type != reflect.TypeFor[*sobek.Program]() || pc.Type.Kind() != reflect.Int {
		return
	}
	code, ok := reflect.TypeFor[sobek.Program]().FieldByName("code")
	if !ok || code.Type.Kind() != reflect.Slice || code.Type.Elem().Kind() != reflect.Interface || code.Type.Elem().NumMethod() == 0 {
		return
	}
	L.vmOff, L.prgOff, L.pcOff, L.codeOff = vmF.Offset, prg.Offset, pc.Offset, code.Offset
	// the opcodes, from compiled probes
	for i, probe := range []struct{ src, op string }{{"[...a]", "_pushArraySpread"}, {"f(...a)", "_pushSpread"}} {
		p, err := sobek.Compile("", probe.src, false)
		if err != nil {
			return
		}
		ins := reflect.ValueOf(p).Elem().FieldByIndex(code.Index)
		found := 0
		for j := 0; j < ins.Len(); j++ {
			in := ins.Index(j)
			if in.IsNil() || in.Elem().Type().Name() != probe.op {
				continue
			}
			found++
			L.drainTabs[i] = (*iface)(unsafe.Pointer(in.UnsafeAddr())).tab
		}
		if found != 1 {
			return
		}
	}
	// the iterator and array fields
	rt := sobek.New()
	v, err := rt.RunString(`[[1, 2].values(), [1, 2].keys(), [1, 2]]`)
	if err != nil {
		return
	}
	a := v.(*sobek.Object)
	vals, _ := a.Get("0").(*sobek.Object)
	keys, _ := a.Get("1").(*sobek.Object)
	arr, _ := a.Get("2").(*sobek.Object)
	if vals == nil || keys == nil || arr == nil {
		return
	}
	it := implOf(vals)
	if !it.IsValid() || it.Kind() != reflect.Pointer || it.Elem().Kind() != reflect.Struct || implOf(keys).Type() != it.Type() {
		return
	}
	itT := it.Elem().Type()
	obj, ok1 := itT.FieldByName("obj")
	next, ok2 := itT.FieldByName("nextIdx")
	kind, ok3 := itT.FieldByName("kind")
	if !ok1 || !ok2 || !ok3 || obj.Type != reflect.TypeFor[*sobek.Object]() || next.Type.Kind() != reflect.Int64 || kind.Type.Kind() != reflect.Int {
		return
	}
	L.iterType, L.iterObjOff, L.nextOff, L.kOff = it.Type(), obj.Offset, next.Offset, kind.Offset
	L.kindValue = *(*int)(unsafe.Add(it.UnsafePointer(), kind.Offset))
	L.kindKey = *(*int)(unsafe.Add(implOf(keys).UnsafePointer(), kind.Offset))
	if L.kindValue == L.kindKey || *(**sobek.Object)(unsafe.Add(it.UnsafePointer(), obj.Offset)) == nil {
		return
	}
	ai := implOf(arr)
	if !ai.IsValid() || ai.Kind() != reflect.Pointer || ai.Elem().Kind() != reflect.Struct {
		return
	}
	arT := ai.Elem().Type()
	values, ok1 := arT.FieldByName("values")
	length, ok2 := arT.FieldByName("length")
	props, ok3 := arT.FieldByName("propValueCount")
	if !ok1 || !ok2 || !ok3 || values.Type != reflect.TypeFor[[]sobek.Value]() || length.Type.Kind() != reflect.Uint32 || props.Type.Kind() != reflect.Int {
		return
	}
	L.arrType, L.valuesOff, L.lenOff, L.propOff = ai.Type(), values.Offset, length.Offset, props.Offset
	if *(*uint32)(unsafe.Add(ai.UnsafePointer(), length.Offset)) != 2 {
		return
	}
	L.ok = true
}

// SpreadFastWorks reports whether sobek's layout is the one known
// (TestSpreadFastLayout).
func SpreadFastWorks() bool {
	spreadLayout.once.Do(findSpreadLayout)
	return spreadLayout.ok
}

// inDrain reports whether rt's running instruction is a spread's drain.
func inDrain(rt *sobek.Runtime) bool {
	L := &spreadLayout
	vm := *(*unsafe.Pointer)(unsafe.Add(unsafe.Pointer(rt), L.vmOff))
	if vm == nil {
		return false
	}
	prg := *(*unsafe.Pointer)(unsafe.Add(vm, L.prgOff))
	if prg == nil {
		return false
	}
	pc := *(*int)(unsafe.Add(vm, L.pcOff))
	code := *(*[]iface)(unsafe.Add(prg, L.codeOff))
	if pc < 0 || pc >= len(code) {
		return false
	}
	tab := code[pc].tab
	return tab == L.drainTabs[0] || tab == L.drainTabs[1]
}

// fastNext is the next value of array iterator it over a plain dense
// array, advancing it; false: sobek's next must answer.
func fastNext(rt *sobek.Runtime, it sobek.Value) (sobek.Value, bool) {
	L := &spreadLayout
	o, ok := it.(*sobek.Object)
	if !ok {
		return nil, false
	}
	impl := implOf(o)
	if !impl.IsValid() || impl.Type() != L.iterType {
		return nil, false
	}
	ip := impl.UnsafePointer()
	kind := *(*int)(unsafe.Add(ip, L.kOff))
	if kind != L.kindValue && kind != L.kindKey {
		return nil, false
	}
	arr := *(**sobek.Object)(unsafe.Add(ip, L.iterObjOff))
	if arr == nil {
		return nil, false
	}
	ai := implOf(arr)
	if !ai.IsValid() || ai.Type() != L.arrType {
		return nil, false
	}
	ap := ai.UnsafePointer()
	if *(*int)(unsafe.Add(ap, L.propOff)) != 0 {
		return nil, false // accessors or non-default attributes among the elements
	}
	values := *(*[]sobek.Value)(unsafe.Add(ap, L.valuesOff))
	n := int64(min(int(*(*uint32)(unsafe.Add(ap, L.lenOff))), len(values)))
	idx := (*int64)(unsafe.Add(ip, L.nextOff))
	i := *idx
	if i < 0 || i >= n {
		return nil, false
	}
	var v sobek.Value
	if kind == L.kindValue {
		if v = values[i]; v == nil {
			return nil, false // a hole: the prototypes answer
		}
	}
	*idx = i + 1
	if kind == L.kindKey {
		return rt.ToValue(i), true
	}
	return v, true
}
