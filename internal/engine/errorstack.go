package engine

import (
	"reflect"
	"sync"
	"unsafe"

	"github.com/grafana/sobek"
)

// sobek captures every frame of the call stack when it makes an error
// (errorObject.stack, unbounded) and formats them, in its own shape, the
// first time `stack` is read, with no hook. V8 keeps at most
// Error.stackTraceLimit frames and formats them its own way, naming each
// by its receiver ("Object.m", "new C", "async f"). TakeErrorFrames hands
// the frames of a just-made error to the realm (and tells sobek that its
// `stack` is already there, so the realm can define its own); FrameInfo
// adds what sobek's frames lack and V8's names need: each frame's
// receiver, callee and whether it was called by `new`, read from the VM
// registers while the frames are still live. TestErrorStackLayout fails
// loudly if sobek changes these internals; ErrorStacksWork then reports
// false and errors keep sobek's stacks.

// Frame is a frame of an error's stack with what V8 names it by.
type Frame struct {
	sobek.StackFrame
	// This is the frame's receiver (nil when unknown: a script's top
	// level, an async continuation); Callee the function running.
	This   sobek.Value
	Callee *sobek.Object
	// Construct: called by `new`; Async: an awaiting async function's
	// frame (sobek adds those after the synchronous ones).
	Construct, Async bool
}

var stackLayout struct {
	once       sync.Once
	ok         bool
	errType    reflect.Type // *errorObject
	frames     uintptr      // errorObject.stack
	added      uintptr      // errorObject.stackPropAdded
	propNames  uintptr      // errorObject.propNames (promoted from baseObject)
	callStack  int          // vm.callStack
	sb         int          // vm.sb
	newTarget  int          // vm.newTarget
	ctxPrg     uintptr      // context.prg
	ctxSb      uintptr      // context.sb
	ctxNT      uintptr      // context.newTarget
	ctxSize    uintptr
	funcPrg    map[reflect.Type]funcOffsets // JS function object type -> offsets of its prg and strict
	funcPrgMu  sync.Mutex
	namesType  reflect.Type
	namesValid bool
}

func errorStackLayout() bool {
	stackLayout.once.Do(func() {
		if !errorLayout() {
			return
		}
		rt := sobek.New()
		v, err := rt.RunString("new Error('x')")
		if err != nil {
			return
		}
		o, _ := v.(*sobek.Object)
		if o == nil {
			return
		}
		impl := reflect.ValueOf(o).Elem().Field(errLayout.self).Elem()
		if impl.Kind() != reflect.Pointer || impl.Elem().Type().Name() != "errorObject" {
			return
		}
		et := impl.Elem().Type()
		fs, ok1 := et.FieldByName("stack")
		fa, ok2 := et.FieldByName("stackPropAdded")
		fn, ok3 := et.FieldByName("propNames")
		if !ok1 || !ok2 || !ok3 || fs.Type != reflect.TypeFor[[]sobek.StackFrame]() || fa.Type.Kind() != reflect.Bool ||
			fn.Type.Kind() != reflect.Slice || fn.Type.Elem().Kind() != reflect.String {
			return
		}
		vmT := reflect.TypeOf(sobek.Runtime{}).Field(errLayout.vm).Type.Elem()
		cs, ok1 := vmT.FieldByName("callStack")
		sb, ok2 := vmT.FieldByName("sb")
		nt, ok3 := vmT.FieldByName("newTarget")
		if !ok1 || !ok2 || !ok3 || cs.Type.Kind() != reflect.Slice || sb.Type.Kind() != reflect.Int || nt.Type != reflect.TypeFor[sobek.Value]() {
			return
		}
		ct := cs.Type.Elem()
		cp, ok1 := ct.FieldByName("prg")
		csb, ok2 := ct.FieldByName("sb")
		cnt, ok3 := ct.FieldByName("newTarget")
		if !ok1 || !ok2 || !ok3 || cp.Type != reflect.TypeOf((*sobek.Program)(nil)) || csb.Type.Kind() != reflect.Int || cnt.Type != reflect.TypeFor[sobek.Value]() {
			return
		}
		stackLayout.errType = impl.Type()
		stackLayout.frames, stackLayout.added, stackLayout.propNames = fs.Offset, fa.Offset, fn.Offset
		stackLayout.namesType = fn.Type
		stackLayout.callStack, stackLayout.sb, stackLayout.newTarget = cs.Index[0], sb.Index[0], nt.Index[0]
		stackLayout.ctxPrg, stackLayout.ctxSb, stackLayout.ctxNT, stackLayout.ctxSize = cp.Offset, csb.Offset, cnt.Offset, ct.Size()
		stackLayout.funcPrg = map[reflect.Type]funcOffsets{}
		stackLayout.ok = true
	})
	return stackLayout.ok
}

// ErrorStacksWork reports whether sobek's internals are the ones
// TakeErrorFrames and FrameInfo were written for.
func ErrorStacksWork() bool { return errorStackLayout() }

func errorPtr(o *sobek.Object) unsafe.Pointer {
	if o == nil || !errorStackLayout() {
		return nil
	}
	impl := reflect.ValueOf(o).Elem().Field(errLayout.self)
	if impl.IsNil() || impl.Elem().Type() != stackLayout.errType {
		return nil
	}
	return impl.Elem().UnsafePointer()
}

// IsEngineError reports whether o is one of sobek's error objects (made
// by an error constructor), whose stack TakeErrorFrames can take.
func IsEngineError(o *sobek.Object) bool { return errorPtr(o) != nil }

// TakeErrorFrames returns the frames sobek captured for the error o,
// marking its `stack` as made: the caller defines it. o keeps no frames
// (SetErrorFrames gives it some).
// ok is false when o is not one of sobek's error objects or its stack was
// read already.
func TakeErrorFrames(o *sobek.Object) (frames []sobek.StackFrame, ok bool) {
	p := errorPtr(o)
	if p == nil {
		return nil, false
	}
	added := (*bool)(unsafe.Add(p, stackLayout.added))
	if *added {
		return nil, false
	}
	fp := (*[]sobek.StackFrame)(unsafe.Add(p, stackLayout.frames))
	frames = *fp
	*fp = []sobek.StackFrame{} // not nil: sobek captures anew for an Exception of an error without frames
	*added = true
	return frames, true
}

// SetErrorFrames makes frames what sobek holds as the error o's stack
// (what an Exception thrown with o reports).
func SetErrorFrames(o *sobek.Object, frames []sobek.StackFrame) {
	p := errorPtr(o)
	if p == nil {
		return
	}
	if frames == nil {
		frames = []sobek.StackFrame{}
	}
	*(*[]sobek.StackFrame)(unsafe.Add(p, stackLayout.frames)) = frames
}

// RestoreErrorFrames undoes TakeErrorFrames: sobek formats o's stack
// from frames when it is first read, unless o has an own stack now.
func RestoreErrorFrames(o *sobek.Object, frames []sobek.StackFrame) {
	p := errorPtr(o)
	if p == nil {
		return
	}
	*(*[]sobek.StackFrame)(unsafe.Add(p, stackLayout.frames)) = frames
	*(*bool)(unsafe.Add(p, stackLayout.added)) = false
}

// StackFirst moves "stack", the last own property of the error o, to the
// front of its own keys, where V8 (and sobek) has it.
func StackFirst(o *sobek.Object) {
	p := errorPtr(o)
	if p == nil {
		return
	}
	v := reflect.NewAt(stackLayout.namesType, unsafe.Add(p, stackLayout.propNames)).Elem()
	n := v.Len()
	if n < 2 || v.Index(n-1).String() != "stack" {
		return
	}
	last := v.Index(n - 1).Interface()
	reflect.Copy(v.Slice(1, n), v.Slice(0, n-1))
	v.Index(0).Set(reflect.ValueOf(last))
}

// FrameInfo pairs the frames sobek captured for an error just made in rt
// (TakeErrorFrames' result, in captureStack's order: the running frame,
// then the call stack from the top, then awaiting async functions) with
// their receivers, callees and `new` flags, read from rt's VM now. The
// first skip frames are dropped; each other frame is offered to keep,
// which says whether it is kept and whether to stop there. It must run
// while the VM is still where it made the error (in the error
// constructor's hook) or captured the frames.
func FrameInfo(rt *sobek.Runtime, frames []sobek.StackFrame, skip int, keep func(f *Frame) (keep, stop bool), limit int) []Frame {
	out := make([]Frame, 0, min(max(limit, 0), len(frames)))
	if limit == 0 {
		return out
	}
	i := 0 // index into frames
	offer := func(f Frame) bool {
		if i < skip {
			i++
			return true
		}
		i++
		k, stop := keep(&f)
		if k {
			out = append(out, f)
		}
		return !stop && len(out) < limit
	}
	walked := func() []Frame {
		// the async continuations, after the synchronous frames
		for i < len(frames) {
			if !offer(Frame{StackFrame: frames[i], Async: true}) {
				break
			}
		}
		return out
	}
	if !errorStackLayout() {
		for i < len(frames) {
			if !offer(Frame{StackFrame: frames[i]}) {
				break
			}
		}
		return out
	}
	vmp := reflect.ValueOf(rt).Elem().Field(errLayout.vm)
	if vmp.IsNil() {
		return walked()
	}
	vm := vmp.Elem()
	stf := vm.Field(errLayout.stack)
	st := *(*[]sobek.Value)(unsafe.Pointer(stf.UnsafeAddr()))
	live := func(prg *sobek.Program, sb int, nt sobek.Value) bool {
		if i >= len(frames) {
			return false
		}
		f := Frame{StackFrame: frames[i]}
		if i >= skip {
			fillFrame(&f, st, prg, sb, nt)
		}
		return offer(f)
	}
	prg := (*sobek.Program)(vm.Field(errLayout.prg).UnsafePointer())
	sb := int(vm.Field(stackLayout.sb).Int())
	if prg != nil || sb > 0 {
		nt := *(*sobek.Value)(unsafe.Pointer(vm.Field(stackLayout.newTarget).UnsafeAddr()))
		if !live(prg, sb, nt) {
			return out
		}
	}
	cs := vm.Field(stackLayout.callStack)
	base := cs.UnsafePointer()
	for j := cs.Len() - 1; j >= 0; j-- {
		c := unsafe.Add(base, uintptr(j)*stackLayout.ctxSize)
		cp := *(**sobek.Program)(unsafe.Add(c, stackLayout.ctxPrg))
		csb := *(*int)(unsafe.Add(c, stackLayout.ctxSb))
		if cp != nil || csb > 0 {
			if !live(cp, csb, *(*sobek.Value)(unsafe.Add(c, stackLayout.ctxNT))) {
				return out
			}
		}
	}
	return walked()
}

// fillFrame reads the callee and receiver of a live frame: a JS
// function's frame has its callee at sb-1 and its receiver at sb, a
// native function's its callee at sb-1 and its receiver at sb-2. A
// script's top level has no callee (the slot below holds something else:
// the callee must be a function running prg).
func fillFrame(f *Frame, st []sobek.Value, prg *sobek.Program, sb int, nt sobek.Value) {
	if sb < 1 || sb >= len(st) {
		return
	}
	callee, _ := st[sb-1].(*sobek.Object)
	if callee == nil {
		return
	}
	if prg != nil {
		if funcProgram(callee) != prg {
			return
		}
		f.This = st[sb]
	} else {
		if sb < 2 {
			return
		}
		if _, ok := sobek.AssertFunction(callee); !ok {
			return
		}
		f.This = st[sb-2]
	}
	f.Callee = callee
	// sobek leaves new.target in place for the plain calls a constructor
	// makes: a frame was called by new when it is its callee's (or its
	// callee is a class constructor, which only new or super can call)
	if nt != nil && !sobek.IsUndefined(nt) {
		ntObj, _ := nt.(*sobek.Object)
		f.Construct = ntObj == callee || IsClass(callee)
	}
}

// funcOffsets are where a JS function object keeps its program and its
// strictness (baseJsFuncObject.prg, .strict); ok false for other objects.
type funcOffsets struct {
	prg, strict uintptr
	ok          bool
}

// jsFunc is the implementation of a JS function object and its offsets.
func jsFunc(fn *sobek.Object) (unsafe.Pointer, funcOffsets) {
	impl := reflect.ValueOf(fn).Elem().Field(errLayout.self)
	if impl.IsNil() {
		return nil, funcOffsets{}
	}
	e := impl.Elem()
	if e.Kind() != reflect.Pointer || e.Elem().Kind() != reflect.Struct {
		return nil, funcOffsets{}
	}
	t := e.Type()
	stackLayout.funcPrgMu.Lock()
	off, known := stackLayout.funcPrg[t]
	if !known {
		f, ok1 := t.Elem().FieldByName("prg")
		_, ok2 := t.Elem().FieldByName("stash")
		st, ok3 := t.Elem().FieldByName("strict")
		if ok1 && ok2 && ok3 && f.Type == reflect.TypeOf((*sobek.Program)(nil)) && st.Type.Kind() == reflect.Bool {
			off = funcOffsets{prg: f.Offset, strict: st.Offset, ok: true}
		}
		stackLayout.funcPrg[t] = off
	}
	stackLayout.funcPrgMu.Unlock()
	if !off.ok {
		return nil, off
	}
	return e.UnsafePointer(), off
}

// funcProgram is the program of a JS function object (nil for others).
func funcProgram(fn *sobek.Object) *sobek.Program {
	p, off := jsFunc(fn)
	if p == nil {
		return nil
	}
	return *(**sobek.Program)(unsafe.Add(p, off.prg))
}

// IsStrictFunction reports whether fn is a JS function of strict code
// (ok false: fn is no JS function, or sobek's layout is unknown).
func IsStrictFunction(fn *sobek.Object) (strict, ok bool) {
	if fn == nil || !errorStackLayout() {
		return false, false
	}
	p, off := jsFunc(fn)
	if p == nil {
		return false, false
	}
	return *(*bool)(unsafe.Add(p, off.strict)), true
}

// HookErrorCalls makes made see every object rt's intrinsic error
// constructor ctor makes, by `new` (its subclasses' too) or by a call
// (`Error('x')`), after it is made; called says which. It reports false if
// sobek's layout is not the expected one.
func HookErrorCalls(ctor *sobek.Object, made func(o *sobek.Object, called bool)) bool {
	if !errorLayout() || ctor == nil {
		return false
	}
	impl := reflect.ValueOf(ctor).Elem().Field(errLayout.self).Elem()
	if impl.Type() != errLayout.nativeFunc {
		return false
	}
	cf := impl.Elem().Field(errLayout.construct)
	cp := (*constructFn)(unsafe.Pointer(cf.UnsafeAddr()))
	ff, ok := impl.Elem().Type().FieldByName("f")
	if !ok || ff.Type != reflect.TypeFor[func(sobek.FunctionCall) sobek.Value]() {
		return false
	}
	fp := (*func(sobek.FunctionCall) sobek.Value)(unsafe.Add(impl.UnsafePointer(), ff.Offset))
	origC, origF := *cp, *fp
	if origC == nil || origF == nil {
		return false
	}
	*cp = func(args []sobek.Value, newTarget *sobek.Object) *sobek.Object {
		o := origC(args, newTarget)
		made(o, false)
		return o
	}
	*fp = func(call sobek.FunctionCall) sobek.Value {
		v := origF(call)
		if o, ok := v.(*sobek.Object); ok {
			made(o, true)
		}
		return v
	}
	return true
}

// IsClass reports whether fn is a class constructor.
func IsClass(fn *sobek.Object) bool {
	if !errorLayout() || fn == nil {
		return false
	}
	impl := reflect.ValueOf(fn).Elem().Field(errLayout.self)
	if impl.IsNil() {
		return false
	}
	t := impl.Elem().Type()
	return t.Kind() == reflect.Pointer && t.Elem().Name() == "classFuncObject"
}

// IsNativeFunction reports whether fn is a builtin (or Go) function.
func IsNativeFunction(fn *sobek.Object) bool {
	if !errorLayout() || fn == nil {
		return false
	}
	impl := reflect.ValueOf(fn).Elem().Field(errLayout.self)
	return !impl.IsNil() && impl.Elem().Type() == errLayout.nativeFunc
}

// IsArrow reports whether fn is an arrow function.
func IsArrow(fn *sobek.Object) bool {
	if !errorLayout() || fn == nil {
		return false
	}
	impl := reflect.ValueOf(fn).Elem().Field(errLayout.self)
	if impl.IsNil() {
		return false
	}
	t := impl.Elem().Type()
	return t.Kind() == reflect.Pointer && (t.Elem().Name() == "arrowFuncObject" || t.Elem().Name() == "asyncArrowFuncObject")
}

var ownData struct {
	once   sync.Once
	ok     bool
	vpType reflect.Type // *valueProperty
	vpVal  uintptr      // valueProperty.value
	vpAcc  uintptr      // valueProperty.accessor
}

func ownDataLayout() bool {
	ownData.once.Do(func() {
		rt := sobek.New()
		o := rt.NewObject()
		_ = o.DefineDataProperty("p", rt.ToValue(1), sobek.FLAG_TRUE, sobek.FLAG_FALSE, sobek.FLAG_TRUE)
		m, ok := valuesMap(o)
		if !ok {
			return
		}
		v := m.MapIndex(reflect.ValueOf("p").Convert(m.Type().Key()))
		if !v.IsValid() || v.IsNil() {
			return
		}
		t := v.Elem().Type()
		if t.Kind() != reflect.Pointer || t.Elem().Name() != "valueProperty" {
			return
		}
		fv, ok1 := t.Elem().FieldByName("value")
		fa, ok2 := t.Elem().FieldByName("accessor")
		if !ok1 || !ok2 || fv.Type != reflect.TypeFor[sobek.Value]() || fa.Type.Kind() != reflect.Bool {
			return
		}
		ownData.vpType, ownData.vpVal, ownData.vpAcc = t, fv.Offset, fa.Offset
		ownData.ok = true
	})
	return ownData.ok
}

// valuesMap is the own string-keyed property map of an ordinary object
// or function (baseObject.values).
func valuesMap(o *sobek.Object) (reflect.Value, bool) {
	if !errorLayout() || o == nil {
		return reflect.Value{}, false
	}
	impl := reflect.ValueOf(o).Elem().Field(errLayout.self)
	if impl.IsNil() || impl.Elem().Kind() != reflect.Pointer || impl.Elem().Elem().Kind() != reflect.Struct {
		return reflect.Value{}, false
	}
	st := impl.Elem().Elem()
	var f reflect.Value
	switch idx := valuesIndex(st.Type()); {
	case idx == nil:
		return reflect.Value{}, false
	case idx[0] < 0:
		// through an embedded pointer: looked up each time
		if f = st.FieldByName("values"); !f.IsValid() {
			return reflect.Value{}, false
		}
	default:
		f = st.FieldByIndex(idx)
	}
	return reflect.NewAt(f.Type(), unsafe.Pointer(f.UnsafeAddr())).Elem(), true
}

// valuesFields caches, per object implementation type, the index of its
// values field (an empty slice: none; [-1]: reached through an embedded
// pointer); FieldByName on every error made cost a sixth of `new Error`.
var valuesFields sync.Map // reflect.Type -> []int

func valuesIndex(t reflect.Type) []int {
	if idx, ok := valuesFields.Load(t); ok {
		if i := idx.([]int); len(i) > 0 {
			return i
		}
		return nil
	}
	var idx []int
	if f, ok := t.FieldByName("values"); ok && f.Type.Kind() == reflect.Map && f.Type.Key().Kind() == reflect.String && f.Type.Elem() == reflect.TypeFor[sobek.Value]() {
		idx = f.Index
		// through embedded structs only (FieldByIndex would follow a nil
		// embedded pointer)
		for i, cur := 0, t; i < len(f.Index)-1; i++ {
			cur = cur.Field(f.Index[i]).Type
			if cur.Kind() != reflect.Struct {
				idx = []int{-1}
				break
			}
		}
	}
	valuesFields.Store(t, append([]int{}, idx...))
	return idx
}

// OwnData returns o's own data property name without running any code
// (no getter, no trap, no call into the VM: it may run while the VM
// unwinds a stack overflow). Nil when o has no such own data property,
// or is not an ordinary object or function.
func OwnData(o *sobek.Object, name string) sobek.Value {
	if !ownDataLayout() {
		return nil
	}
	m, ok := valuesMap(o)
	if !ok || m.IsNil() {
		return nil
	}
	v := m.MapIndex(reflect.ValueOf(name).Convert(m.Type().Key()))
	if !v.IsValid() || v.IsNil() {
		return nil
	}
	e := v.Elem()
	if e.Type() == ownData.vpType {
		p := e.UnsafePointer()
		if *(*bool)(unsafe.Add(p, ownData.vpAcc)) {
			return nil
		}
		return *(*sobek.Value)(unsafe.Add(p, ownData.vpVal))
	}
	// a plain value (writable, enumerable, configurable) or a lazily made
	// one: only plain values are taken
	val, _ := v.Interface().(sobek.Value)
	switch val.(type) {
	case sobek.String, *sobek.Object, *sobek.Symbol:
		return val
	}
	if val != nil && sobek.IsNumber(val) {
		return val
	}
	return nil
}

// HasOwn reports whether o has an own string-keyed property key in its
// ordinary property map (true too when o's layout is unknown).
func HasOwn(o *sobek.Object, key string) bool {
	if !ownDataLayout() {
		return true
	}
	m, ok := valuesMap(o)
	if !ok {
		return true
	}
	if m.IsNil() {
		return false
	}
	v := m.MapIndex(reflect.ValueOf(key).Convert(m.Type().Key()))
	return v.IsValid()
}

var runtimeField struct {
	once sync.Once
	off  uintptr
	ok   bool
}

// RuntimeOf is the runtime (realm) an object belongs to; nil when
// sobek's layout is unknown.
func RuntimeOf(o *sobek.Object) *sobek.Runtime {
	runtimeField.once.Do(func() {
		f, ok := reflect.TypeOf(sobek.Object{}).FieldByName("runtime")
		if ok && f.Type == reflect.TypeOf((*sobek.Runtime)(nil)) {
			runtimeField.off, runtimeField.ok = f.Offset, true
		}
	})
	if o == nil || !runtimeField.ok {
		return nil
	}
	return *(**sobek.Runtime)(unsafe.Add(unsafe.Pointer(o), runtimeField.off))
}
