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
	if c.capped&capStrings == 0 {
		c.capsFirstRun()
	}
	c.hookIntrinsics()
	if c.capped&capRegExp == 0 {
		c.guardRegExps(false)
	}
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
