package engine

import (
	"errors"
	"testing"

	"github.com/grafana/sobek"
)

// TestSobekExceptionUnwrapRunsTraps: errors.As on an exception whose value
// is a revoked Proxy panics inside sobek's Unwrap, and a Proxy's
// getPrototypeOf trap runs; As does neither.
func TestSobekExceptionUnwrapRunsTraps(t *testing.T) {
	rt := sobek.New()
	_, err := rt.RunString(`const r = Proxy.revocable({}, {}); r.revoke(); throw r.proxy`)
	panicked := func() (p bool) {
		defer func() { p = recover() != nil }()
		var so *sobek.StackOverflowError
		errors.As(err, &so)
		return false
	}()
	if !panicked {
		t.Error("errors.As on a thrown revoked Proxy no longer panics in sobek: engine.As can go")
	}
	var so *sobek.StackOverflowError
	if As(err, &so) {
		t.Error("As: an exception is no StackOverflowError")
	}
	var ex *sobek.Exception
	if !As(err, &ex) || ex == nil {
		t.Error("As: the exception itself")
	}
	_, err = rt.RunString(`var traps = 0; throw new Proxy({}, { getPrototypeOf() { traps++; return null } })`)
	var ie *sobek.InterruptedError
	errors.As(err, &ie)
	if rt.Get("traps").ToInteger() == 0 {
		t.Error("errors.As on a thrown Proxy no longer runs its getPrototypeOf trap")
	}
	rt.Set("traps", 0)
	As(err, &ie)
	if rt.Get("traps").ToInteger() != 0 {
		t.Error("As ran a trap")
	}
}
