package core

import (
	"reflect"
	"sync"
	"unsafe"

	"github.com/grafana/sobek"
)

// Held runs (microtask.go) need the context runtime's call stack to look
// non-empty while they execute, so that sobek does not drain the job queue
// when the run returns, and they need to know whether the run queued jobs.
// sobek has no API for either; both are read here from its unexported
// fields: Runtime.vm.callStack (a stack of frame records, where an empty
// record is the engine's own marker of an outermost call) and
// Runtime.jobQueue. TestHeldFrameLayout fails loudly if sobek's layout
// changes; the fields are then unavailable (frameLayout().ok is false) and
// held runs fall back to draining in place (Node's order is lost, nothing
// breaks).

type engineLayout struct {
	ok           bool
	vmOff        uintptr      // Runtime.vm (*vm)
	callStackOff uintptr      // vm.callStack ([]context)
	callStackTyp reflect.Type // []context
	jobQueueOff  uintptr      // Runtime.jobQueue ([]func())
}

var frameLayout = sync.OnceValue(func() engineLayout {
	rtT := reflect.TypeFor[sobek.Runtime]()
	vmF, ok := rtT.FieldByName("vm")
	if !ok || vmF.Type.Kind() != reflect.Pointer || vmF.Type.Elem().Kind() != reflect.Struct {
		return engineLayout{}
	}
	csF, ok := vmF.Type.Elem().FieldByName("callStack")
	if !ok || csF.Type.Kind() != reflect.Slice || csF.Type.Elem().Kind() != reflect.Struct {
		return engineLayout{}
	}
	if _, ok := csF.Type.Elem().FieldByName("prg"); !ok {
		return engineLayout{}
	}
	jqF, ok := rtT.FieldByName("jobQueue")
	if !ok || jqF.Type != reflect.TypeFor[[]func()]() {
		return engineLayout{}
	}
	return engineLayout{ok: true, vmOff: vmF.Offset, callStackOff: csF.Offset, callStackTyp: csF.Type, jobQueueOff: jqF.Offset}
})

// callStack returns a settable view of rt's VM call stack.
func (l *engineLayout) callStack(rt *sobek.Runtime) reflect.Value {
	vm := *(*unsafe.Pointer)(unsafe.Add(unsafe.Pointer(rt), l.vmOff))
	return reflect.NewAt(l.callStackTyp, unsafe.Add(vm, l.callStackOff)).Elem()
}

// callDepth is the number of frame records on rt's call stack (0: idle).
func callDepth(rt *sobek.Runtime) int {
	l := frameLayout()
	return l.callStack(rt).Len()
}

// pushOuterFrame puts an outermost-call marker on idle rt's call stack:
// runs from now on are nested, and do not drain the job queue.
func pushOuterFrame(rt *sobek.Runtime) {
	l := frameLayout()
	cs := l.callStack(rt)
	n := cs.Len()
	cs.Grow(1)
	cs.SetLen(n + 1)
	cs.Index(n).SetZero()
}

// popOuterFrame removes the marker pushOuterFrame left, when it is the
// only record on the stack, and reports whether it did.
func popOuterFrame(rt *sobek.Runtime) bool {
	l := frameLayout()
	cs := l.callStack(rt)
	if cs.Len() != 1 {
		return false
	}
	cs.Index(0).SetZero()
	cs.SetLen(0)
	return true
}

// pendingJobs is the number of promise jobs waiting in rt's queue.
func pendingJobs(rt *sobek.Runtime) int {
	l := frameLayout()
	return len(*(*[]func())(unsafe.Add(unsafe.Pointer(rt), l.jobQueueOff)))
}
