package engine

import (
	"runtime"
	"strings"
	"sync"

	"github.com/grafana/sobek"
)

// The await guard (awaitguard.go) rewrites the awaits of the code jsvm
// parses. Code sobek parses itself — direct and indirect eval, the
// Function, AsyncFunction and GeneratorFunction constructors — and the
// awaits inside a with statement's body keep sobek's plain await, whose
// PromiseResolve reads `constructor` of the awaited object outside of any
// try (await.go). No AST of that code is ever in jsvm's hands (the parser
// hook, parsehook.go, sees its text before the parse, and a rewrite of
// the text would move every position after it), so for the one case a
// realm can meet in them — a Proxy whose get trap throws — the step is
// taken where every Proxy's traps pass: the stand-in handler
// (proxyguard.go). Its get trap, asked for "constructor" by sobek's
// PromiseResolve (its Go frame under the trap's, with no JavaScript frame
// in between), answers undefined without calling the user's trap. That
// is the specification's (and V8's) behaviour exactly: PromiseResolve
// reads the constructor only of a promise, and a Proxy is never one; the
// value is then resolved as a thenable, its `then` read inside sobek's
// try, so a throw rejects the await. The same holds wherever sobek's
// PromiseResolve runs: Promise.resolve of an async function's promise's
// constructor (the global's is guarded: promiseresolve.go), the
// combinators, async generators, a Proxy further up an awaited object's
// prototype chain.
//
// Not covered there (no jsvm code runs on their read): a revoked Proxy,
// a plain object whose constructor getter throws, a Proxy without a get
// trap forwarding to one of those, and an object whose constructor is
// the realm's Promise (sobek then takes it for a promise: an
// ERR_JSVM_ENGINE_CRASH at the outermost call). TestSobekPromiseResolveFrame
// fails when the frame's name changes.

// promiseResolveFrame is the Go function of sobek's PromiseResolve.
const promiseResolveFrame = "github.com/grafana/sobek.(*Runtime).promiseResolve"

// vmRunFrame is the Go function that runs JavaScript frames.
const vmRunFrame = "github.com/grafana/sobek.(*vm).run"

// inPromiseResolve reports whether the running Proxy trap was called by
// sobek's PromiseResolve's read of a constructor: its frame is on the Go
// stack, within the nearest frames (the proxy's get, the prototype chain's
// getStr calls), with no JavaScript run in between.
func inPromiseResolve() bool {
	// in two steps: the unwinding is most of the cost, and the nearest
	// frames decide for an await (the trap's callers, promiseResolve) and
	// for a read from JavaScript (the proxy's get, then vm.run)
	var pcs [18]uintptr
	skip := 3
	for _, want := range [...]int{6, 18} {
		n := runtime.Callers(skip, pcs[:want])
		for _, pc := range pcs[:n] {
			switch frameKindOf(pc) {
			case framePromiseResolve:
				return true
			case frameVMRun:
				return false
			}
		}
		if n < want {
			return false
		}
		skip += n
	}
	return false
}

const (
	frameOther = iota + 1
	framePromiseResolve
	frameVMRun
)

// frameKinds caches each return address's kind (the set is small: the
// code paths that reach a Proxy's get trap).
var frameKinds sync.Map // uintptr → int

func frameKindOf(pc uintptr) int {
	if k, ok := frameKinds.Load(pc); ok {
		return k.(int)
	}
	k := frameOther
	frames := runtime.CallersFrames([]uintptr{pc}) // with the functions inlined there
	for {
		f, more := frames.Next()
		switch {
		case f.Function == promiseResolveFrame:
			k = framePromiseResolve
		case strings.HasPrefix(f.Function, vmRunFrame) && k == frameOther:
			k = frameVMRun
		}
		if !more {
			break
		}
	}
	frameKinds.Store(pc, k)
	return k
}

// isConstructorKey reports whether a get trap's key is "constructor".
func isConstructorKey(args []sobek.Value) bool {
	if len(args) < 2 {
		return false
	}
	k, ok := args[1].(sobek.String)
	return ok && k.String() == "constructor"
}
