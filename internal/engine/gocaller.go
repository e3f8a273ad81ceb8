package engine

import (
	"runtime"
	"strings"
	"sync"
)

// Some of V8's messages depend on which builtin is running where sobek's
// code does not say: a Proxy's preventExtensions trap is asked the same
// question by Object.preventExtensions (V8: "Cannot prevent extensions"
// when the contextified global refuses) and by Reflect.preventExtensions
// (false); sobek's "Value is not an object: 1" is a getPrototypeOf trap's
// result in V8's "'getPrototypeOf' on proxy: trap returned neither object
// nor null" and an ownKeys trap's in "CreateListFromArrayLike called on
// non-object". SobekCaller finds out from the Go stack: the names of
// sobek's own functions (unexported, so this relies on sobek's
// internals; TestSobekCaller fails loudly when they change).

const sobekPkg = "github.com/grafana/sobek."

// SobekCaller returns the first of names (sobek functions as the Go
// runtime names them without the package path, e.g.
// "(*Runtime).object_preventExtensions", "(*proxyObject).proto") found on
// the calling goroutine's stack above the innermost running JavaScript
// frame (sobek's VM loop), or "". A deferred function running during a
// panic sees the panicking frames too. It costs a stack walk: use it on
// error paths only.
func SobekCaller(names ...string) string {
	return SobekCallerFunc(func(fn string) bool {
		for _, name := range names {
			if fn == name {
				return true
			}
		}
		return false
	})
}

// SobekCallerFunc is SobekCaller for the first sobek function match
// accepts.
func SobekCallerFunc(match func(fn string) bool) string {
	var pcs [64]uintptr
	n := runtime.Callers(2, pcs[:])
	for _, pc := range pcs[:n] {
		for _, fn := range pcFuncs(pc) {
			if fn == "(*vm).run" {
				return ""
			}
			if match(fn) {
				return fn
			}
		}
	}
	return ""
}

// pcNames caches, by return address, the sobek functions (inlined ones
// included, innermost first) a stack frame stands for: symbolizing a
// stack costs tens of microseconds, a lookup next to nothing.
var pcNames sync.Map // uintptr → []string

func pcFuncs(pc uintptr) []string {
	if v, ok := pcNames.Load(pc); ok {
		return v.([]string)
	}
	var names []string
	frames := runtime.CallersFrames([]uintptr{pc})
	for {
		f, more := frames.Next()
		if fn, ok := strings.CutPrefix(f.Function, sobekPkg); ok {
			names = append(names, fn)
		}
		if !more {
			break
		}
	}
	pcNames.Store(pc, names)
	return names
}
