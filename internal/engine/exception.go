package engine

import (
	"errors"

	"github.com/grafana/sobek"
)

// sobek's (*Exception).Unwrap looks for a Go error inside the thrown
// value: it walks the value's prototype chain (running a Proxy's
// getPrototypeOf trap; a revoked Proxy panics with a TypeError, a cycle of
// Proxies never ends) and reads its "value" property. errors.As and
// errors.Is call it for every target type the error itself is not, so
// asking a run's error whether it is an interrupt ran the thrown value's
// code, and a thrown revoked Proxy crashed the Go caller
// (TestSobekExceptionUnwrapRunsTraps). As never unwraps an exception.

// As is errors.As for errors that may be a *sobek.Exception: it answers
// for the exception itself and never calls its Unwrap.
func As(err error, target any) bool {
	if ex, ok := err.(*sobek.Exception); ok {
		if t, ok := target.(**sobek.Exception); ok {
			*t = ex
			return true
		}
		return false
	}
	return errors.As(err, target)
}
