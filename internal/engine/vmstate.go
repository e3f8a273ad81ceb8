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

// vmRegisterFields are the fields of sobek's (unexported) vm that SaveVM
// snapshots: the registers and the depths of its stacks.
var vmRegisterFields = []string{"prg", "pc", "sp", "sb", "args", "stash", "privEnv",
	"newTarget", "result", "callStack", "iterStack", "refStack", "tryStack"}

var vmLayout struct {
	once   sync.Once
	vm     int   // index of Runtime.vm
	fields []int // indices of vmRegisterFields in the vm struct
	ok     bool
}

func layout() bool {
	vmLayout.once.Do(func() {
		rt := reflect.TypeOf(sobek.Runtime{})
		f, ok := rt.FieldByName("vm")
		if !ok || f.Type.Kind() != reflect.Pointer || f.Type.Elem().Kind() != reflect.Struct {
			return
		}
		vmLayout.vm = f.Index[0]
		vt := f.Type.Elem()
		for _, name := range vmRegisterFields {
			ff, ok := vt.FieldByName(name)
			if !ok || len(ff.Index) != 1 {
				return
			}
			vmLayout.fields = append(vmLayout.fields, ff.Index[0])
		}
		vmLayout.ok = true
	})
	return vmLayout.ok
}

// vmFields returns settable views of rt's VM registers, or nil when
// sobek's layout is not the one this was written for (TestSaveVM fails).
func vmFields(rt *sobek.Runtime) []reflect.Value {
	if rt == nil || !layout() {
		return nil
	}
	r := reflect.ValueOf(rt).Elem().Field(vmLayout.vm)
	if r.IsNil() {
		return nil
	}
	v := r.Elem()
	out := make([]reflect.Value, len(vmLayout.fields))
	for i, idx := range vmLayout.fields {
		f := v.Field(idx)
		out[i] = reflect.NewAt(f.Type(), unsafe.Pointer(f.UnsafeAddr())).Elem()
	}
	return out
}

// SaveVM snapshots rt's VM registers and stack depths and returns a
// function restoring them, to be called after an interrupt stopped a
// nested run (see above). It returns nil if sobek's layout changed.
func SaveVM(rt *sobek.Runtime) func() {
	fields := vmFields(rt)
	if fields == nil {
		return nil
	}
	saved := make([]reflect.Value, len(fields))
	for i, f := range fields {
		c := reflect.New(f.Type()).Elem()
		c.Set(f)
		saved[i] = c
	}
	return func() {
		for i, f := range fields {
			f.Set(saved[i])
		}
	}
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
	restore := SaveVM(rt)
	defer func() {
		x := recover()
		if x == nil {
			return
		}
		if _, ok := x.(runtime.Error); !ok || restore == nil {
			panic(x)
		}
		restore()
		rt.ClearInterrupt()
		crash = &Crash{Value: x}
	}()
	fn()
	return nil
}
