package engine

import (
	"reflect"
	"unsafe"

	"github.com/grafana/sobek"
)

// Held runs (core/microtask.go) need the context runtime's call stack to look
// non-empty while they execute, so that sobek does not drain the job queue
// when the run returns, and they need to know whether the run queued jobs.
// sobek has no API for either; both are read here from its unexported
// fields: Runtime.vm.callStack (a stack of frame records, where an empty
// record is the engine's own marker of an outermost call) and
// Runtime.jobQueue. TestHeldFrameLayout fails loudly if sobek's layout
// changes; the fields are then unavailable (frameLayout().ok is false) and
// held runs fall back to draining in place (Node's order is lost, nothing
// breaks). HeldFrames reports which.

type engineLayout struct {
	ok           bool
	vmOff        uintptr // Runtime.vm (*vm)
	callStackOff uintptr // vm.callStack ([]context)
	jobQueueOff  uintptr // Runtime.jobQueue ([]func())
}

// frameRecord mirrors sobek's (unexported) context, the element of
// vm.callStack, field for field; frameLayout checks that the two agree
// (names, offsets, kinds, size), so that appending and clearing records
// through this type is typed, with the right write barriers.
type frameRecord struct {
	prg       unsafe.Pointer
	stash     unsafe.Pointer
	privEnv   unsafe.Pointer
	newTarget sobek.Value
	result    sobek.Value
	pc, sb    int
	args      int
}

// recordOffsets are frameRecord's field offsets, in order, for the check.
var recordOffsets = [...]uintptr{
	unsafe.Offsetof(frameRecord{}.prg), unsafe.Offsetof(frameRecord{}.stash),
	unsafe.Offsetof(frameRecord{}.privEnv), unsafe.Offsetof(frameRecord{}.newTarget),
	unsafe.Offsetof(frameRecord{}.result), unsafe.Offsetof(frameRecord{}.pc),
	unsafe.Offsetof(frameRecord{}.sb), unsafe.Offsetof(frameRecord{}.args),
}

// layout is read once, at start-up.
var frames = func() engineLayout {
	rtT := reflect.TypeFor[sobek.Runtime]()
	vmF, ok := rtT.FieldByName("vm")
	if !ok || vmF.Type.Kind() != reflect.Pointer || vmF.Type.Elem().Kind() != reflect.Struct {
		return engineLayout{}
	}
	csF, ok := vmF.Type.Elem().FieldByName("callStack")
	if !ok || csF.Type.Kind() != reflect.Slice || !sameLayout(csF.Type.Elem(), reflect.TypeFor[frameRecord]()) {
		return engineLayout{}
	}
	jqF, ok := rtT.FieldByName("jobQueue")
	if !ok || jqF.Type != reflect.TypeFor[[]func()]() {
		return engineLayout{}
	}
	return engineLayout{ok: true, vmOff: vmF.Offset, callStackOff: csF.Offset, jobQueueOff: jqF.Offset}
}()

func frameLayout() *engineLayout { return &frames }

// HeldFrames reports whether the fields the functions below read were
// found (TestHeldFrameLayout fails otherwise); without them held runs
// drain in place.
func HeldFrames() bool { return frames.ok }

// sameLayout reports whether struct types a and b have the same fields
// (names, offsets, kinds) and size; pointer fields of any type count as
// the same kind.
func sameLayout(a, b reflect.Type) bool {
	if a.Kind() != reflect.Struct || a.Size() != b.Size() || a.NumField() != b.NumField() {
		return false
	}
	kind := func(t reflect.Type) reflect.Kind {
		if t.Kind() == reflect.UnsafePointer {
			return reflect.Pointer
		}
		return t.Kind()
	}
	for i := range a.NumField() {
		fa, fb := a.Field(i), b.Field(i)
		if i >= len(recordOffsets) || fa.Name != fb.Name || fa.Offset != recordOffsets[i] || fa.Offset != fb.Offset || kind(fa.Type) != kind(fb.Type) || fa.Type.Size() != fb.Type.Size() {
			return false
		}
	}
	return true
}

// callStack returns rt's VM call stack.
func (l *engineLayout) callStack(rt *sobek.Runtime) *[]frameRecord {
	vm := *(*unsafe.Pointer)(unsafe.Add(unsafe.Pointer(rt), l.vmOff))
	return (*[]frameRecord)(unsafe.Add(vm, l.callStackOff))
}

// CallDepth is the number of frame records on rt's call stack (0: idle).
func CallDepth(rt *sobek.Runtime) int {
	l := frameLayout()
	return len(*l.callStack(rt))
}

// PushOuterFrame puts an outermost-call marker (an empty record, as sobek
// pushes for an outermost RunProgram) on idle rt's call stack: runs from
// now on are nested, and do not drain the job queue.
func PushOuterFrame(rt *sobek.Runtime) {
	l := frameLayout()
	cs := l.callStack(rt)
	*cs = append(*cs, frameRecord{})
}

// PopOuterFrame removes the marker PushOuterFrame left, when it is the
// only record on the stack, and reports whether it did.
func PopOuterFrame(rt *sobek.Runtime) bool {
	l := frameLayout()
	cs := l.callStack(rt)
	if len(*cs) != 1 {
		return false
	}
	(*cs)[0] = frameRecord{}
	*cs = (*cs)[:0]
	return true
}

// PendingJobs is the number of promise jobs waiting in rt's queue.
func PendingJobs(rt *sobek.Runtime) int {
	l := frameLayout()
	return len(*(*[]func())(unsafe.Add(unsafe.Pointer(rt), l.jobQueueOff)))
}

// TakeJobs empties rt's job queue and returns the jobs it held, in order,
// for the caller to run (each is a sobek promise job: it handles the
// callback's exceptions itself).
func TakeJobs(rt *sobek.Runtime) []func() {
	l := frameLayout()
	q := (*[]func())(unsafe.Add(unsafe.Pointer(rt), l.jobQueueOff))
	jobs := *q
	*q = nil
	return jobs
}

// DropJobs empties rt's job queue (what sobek does after an interrupt).
func DropJobs(rt *sobek.Runtime) {
	l := frameLayout()
	*(*[]func())(unsafe.Add(unsafe.Pointer(rt), l.jobQueueOff)) = nil
}
