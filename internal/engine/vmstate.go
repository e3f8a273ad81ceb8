package engine

import (
	"fmt"
	"reflect"
	"runtime"
	"sync"
	"unsafe"

	"github.com/grafana/sobek"
)

// An interrupt (timeout, SIGINT, cancellation) that stops an async
// function's body, or a module's, in a nested run (a run while the runtime
// already has JavaScript frames on its stack) leaves that body's frames and
// registers on sobek's VM: the run returns its InterruptedError, but the
// next instruction of the caller then executes with a wrong program
// counter, stack pointer and try stack (a nil-pointer crash, or a throw
// that lands in a stale handler, so the caller's catch never sees it).
// At top level the body's frames stay on the call stack, so every later
// run of the runtime counts as nested and its promise jobs never run.
// SaveVM snapshots the VM's registers and stack depths before a run;
// restoring the snapshot after the interrupt repairs it.
// TestNestedInterruptCorruptsVM and TestTopLevelInterruptKeepsFrames are
// the pure-sobek reproducers.

// VMState is a snapshot of a VM's registers and stack depths (the fields
// of sobek's unexported vm struct named below), taken before a run and
// restored after an interrupt unwound it. It is a plain value: taking one
// allocates nothing, so every run can afford it. Each field is copied
// with its own type (pointers as pointers, slice headers as slice
// headers), so the garbage collector sees what a snapshot keeps alive.
type VMState struct {
	vm                  unsafe.Pointer // sobek's *vm; nil: no snapshot
	prg, stash, privEnv unsafe.Pointer
	pc, sp, sb, args    int
	newTarget, result   sobek.Value
	callStack           sliceHeader
	iterStack           sliceHeader
	refStack            sliceHeader
	tryStack            sliceHeader
}

// sliceHeader is the layout of any Go slice.
type sliceHeader struct {
	data     unsafe.Pointer
	len, cap int
}

// vmFieldKinds are the snapshotted fields of sobek's vm struct and the
// kind each must have; their offsets are looked up once (vmLayout).
var vmFieldKinds = [...]struct {
	name string
	kind reflect.Kind
}{
	{"prg", reflect.Pointer}, {"stash", reflect.Pointer}, {"privEnv", reflect.Pointer},
	{"pc", reflect.Int}, {"sp", reflect.Int}, {"sb", reflect.Int}, {"args", reflect.Int},
	{"newTarget", reflect.Interface}, {"result", reflect.Interface},
	{"callStack", reflect.Slice}, {"iterStack", reflect.Slice}, {"refStack", reflect.Slice}, {"tryStack", reflect.Slice},
}

// Indices into vmFieldKinds / vmLayout.off.
const (
	fPrg = iota
	fStash
	fPrivEnv
	fPC
	fSP
	fSB
	fArgs
	fNewTarget
	fResult
	fCallStack
	fIterStack
	fRefStack
	fTryStack
	nVMFields
)

var vmLayout struct {
	once sync.Once
	vm   uintptr            // offset of Runtime.vm
	off  [nVMFields]uintptr // offsets of the fields in sobek's vm struct
	ok   bool
}

var valueType = reflect.TypeOf((*sobek.Value)(nil)).Elem()

// layout finds the offsets, and reports false when sobek's layout is not
// the one this was written for (TestSaveVM fails then): each field must
// exist with the expected kind (an interface field must be sobek.Value).
func layout() bool {
	vmLayout.once.Do(func() {
		rt := reflect.TypeOf(sobek.Runtime{})
		f, ok := rt.FieldByName("vm")
		if !ok || len(f.Index) != 1 || f.Type.Kind() != reflect.Pointer || f.Type.Elem().Kind() != reflect.Struct {
			return
		}
		vmLayout.vm = f.Offset
		vt := f.Type.Elem()
		for i, want := range vmFieldKinds {
			ff, ok := vt.FieldByName(want.name)
			if !ok || len(ff.Index) != 1 || ff.Type.Kind() != want.kind {
				return
			}
			if want.kind == reflect.Interface && ff.Type != valueType {
				return
			}
			vmLayout.off[i] = ff.Offset
		}
		vmLayout.ok = true
	})
	return vmLayout.ok
}

// Snapshot returns rt's VM registers and stack depths; the snapshot is
// empty (Valid false) if sobek's layout changed.
func Snapshot(rt *sobek.Runtime) (s VMState) {
	if rt == nil || !layout() {
		return
	}
	vm := *(*unsafe.Pointer)(unsafe.Add(unsafe.Pointer(rt), vmLayout.vm))
	if vm == nil {
		return
	}
	o := &vmLayout.off
	s.vm = vm
	s.prg = *(*unsafe.Pointer)(unsafe.Add(vm, o[fPrg]))
	s.stash = *(*unsafe.Pointer)(unsafe.Add(vm, o[fStash]))
	s.privEnv = *(*unsafe.Pointer)(unsafe.Add(vm, o[fPrivEnv]))
	s.pc = *(*int)(unsafe.Add(vm, o[fPC]))
	s.sp = *(*int)(unsafe.Add(vm, o[fSP]))
	s.sb = *(*int)(unsafe.Add(vm, o[fSB]))
	s.args = *(*int)(unsafe.Add(vm, o[fArgs]))
	s.newTarget = *(*sobek.Value)(unsafe.Add(vm, o[fNewTarget]))
	s.result = *(*sobek.Value)(unsafe.Add(vm, o[fResult]))
	s.callStack = *(*sliceHeader)(unsafe.Add(vm, o[fCallStack]))
	s.iterStack = *(*sliceHeader)(unsafe.Add(vm, o[fIterStack]))
	s.refStack = *(*sliceHeader)(unsafe.Add(vm, o[fRefStack]))
	s.tryStack = *(*sliceHeader)(unsafe.Add(vm, o[fTryStack]))
	return s
}

// Valid reports whether s holds a snapshot.
func (s *VMState) Valid() bool { return s.vm != nil }

// Restore puts the snapshotted registers back, to be called after an
// interrupt stopped a nested run (see above); a no-op on an empty one.
func (s *VMState) Restore() {
	vm := s.vm
	if vm == nil {
		return
	}
	o := &vmLayout.off
	*(*unsafe.Pointer)(unsafe.Add(vm, o[fPrg])) = s.prg
	*(*unsafe.Pointer)(unsafe.Add(vm, o[fStash])) = s.stash
	*(*unsafe.Pointer)(unsafe.Add(vm, o[fPrivEnv])) = s.privEnv
	*(*int)(unsafe.Add(vm, o[fPC])) = s.pc
	*(*int)(unsafe.Add(vm, o[fSP])) = s.sp
	*(*int)(unsafe.Add(vm, o[fSB])) = s.sb
	*(*int)(unsafe.Add(vm, o[fArgs])) = s.args
	*(*sobek.Value)(unsafe.Add(vm, o[fNewTarget])) = s.newTarget
	*(*sobek.Value)(unsafe.Add(vm, o[fResult])) = s.result
	*(*sliceHeader)(unsafe.Add(vm, o[fCallStack])) = s.callStack
	*(*sliceHeader)(unsafe.Add(vm, o[fIterStack])) = s.iterStack
	*(*sliceHeader)(unsafe.Add(vm, o[fRefStack])) = s.refStack
	*(*sliceHeader)(unsafe.Add(vm, o[fTryStack])) = s.tryStack
}

// SaveVM snapshots rt's VM registers and stack depths and returns a
// function restoring them (Snapshot as a closure, for rare paths); nil if
// sobek's layout changed.
func SaveVM(rt *sobek.Runtime) func() {
	s := Snapshot(rt)
	if !s.Valid() {
		return nil
	}
	return s.Restore
}

// Crash is a Go panic raised inside sobek itself (a nil dereference, an
// index out of range: the engine's own bugs, such as the corrupted stack
// Awaitable avoids in jsvm's code but not in user code).
type Crash struct{ Value any }

func (c *Crash) Error() string {
	return "internal error in the JavaScript engine: " + fmt.Sprint(c.Value)
}

// Guard runs fn, an outermost call into rt (its call stack empty), and
// turns a crash of the engine into a *Crash with rt repaired (its VM
// back to the idle state it had before fn), so the host can report it
// as an error and go on. Other panics pass unchanged.
func Guard(rt *sobek.Runtime, fn func()) (crash *Crash) {
	saved := Snapshot(rt)
	defer func() {
		x := recover()
		if x == nil {
			return
		}
		if _, ok := x.(runtime.Error); !ok || !saved.Valid() {
			panic(x)
		}
		saved.Restore()
		rt.ClearInterrupt()
		crash = &Crash{Value: x}
	}()
	fn()
	return nil
}
