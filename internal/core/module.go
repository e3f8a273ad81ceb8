package core

import (
	"reflect"
	"unsafe"

	"github.com/grafana/sobek"
)

// Do runs fn with c recorded as the executing realm, so a watchdog
// (timeout, SIGINT) interrupts c while fn runs JS in it outside of a
// RunProgram (module evaluation, import() continuations).
func (c *Context) Do(fn func()) {
	c.iso.push(c)
	defer c.iso.pop()
	fn()
}

// Fired returns the value the watchdog fired with, or nil.
func (w *Watchdog) Fired() any {
	w.mu.Lock()
	defer w.mu.Unlock()
	return w.fired
}

// vmRegisterFields are the fields of sobek's (unexported) vm that
// SaveVM snapshots: the registers and the depths of its stacks.
var vmRegisterFields = []string{"prg", "pc", "sp", "sb", "args", "stash", "privEnv",
	"newTarget", "result", "callStack", "iterStack", "refStack", "tryStack"}

// vmFields returns settable views of rt's VM fields, or nil when sobek's
// layout is not the one this was written for (TestSaveVM fails then).
func vmFields(rt *sobek.Runtime) []reflect.Value {
	r := reflect.ValueOf(rt).Elem().FieldByName("vm")
	if !r.IsValid() || r.Kind() != reflect.Pointer || r.IsNil() {
		return nil
	}
	v := r.Elem()
	out := make([]reflect.Value, len(vmRegisterFields))
	for i, name := range vmRegisterFields {
		f := v.FieldByName(name)
		if !f.IsValid() {
			return nil
		}
		out[i] = reflect.NewAt(f.Type(), unsafe.Pointer(f.UnsafeAddr())).Elem()
	}
	return out
}

// SaveVM snapshots rt's VM registers and stack depths and returns a
// function restoring them. sobek's module evaluation recovers from an
// interrupt (timeout) without unwinding the frames of the module's async
// body, which leaves the VM unusable; restoring the snapshot taken before
// the evaluation repairs it. It returns nil if sobek's layout changed.
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

// ProgramReferrer returns what sobek records as the script or module of a
// compiled program: for a function's program, the program of the code
// that defines it. import() names the innermost function's as its
// referrer; walking up finds the script. It returns nil if sobek's layout
// changed (TestProgramReferrer fails then).
func ProgramReferrer(p *sobek.Program) any {
	if p == nil {
		return nil
	}
	f := reflect.ValueOf(p).Elem().FieldByName("scriptOrModule")
	if !f.IsValid() || f.Kind() != reflect.Interface {
		return nil
	}
	return reflect.NewAt(f.Type(), unsafe.Pointer(f.UnsafeAddr())).Elem().Interface()
}
