package sandbox

import (
	"context"
	_ "embed"
	"fmt"
	"github.com/jsvm-dev/jsvm/internal/intl"
	"io"
	"strconv"
	"sync"
	"sync/atomic"
	"time"

	"github.com/grafana/sobek"
)

// Options configure a sandbox. The zero value means: no timeout, no CPU or
// memory budget, the default recursion depth, no console.
type Options struct {
	// Timeout is each run's wall-clock limit (0: none).
	Timeout time.Duration
	// CPULimit is each run's CPU-time budget, measured on the thread that
	// runs it (Linux; elsewhere it counts wall-clock time).
	CPULimit time.Duration
	// MemoryLimit bounds, in bytes, what one run may allocate (see
	// RATIONALE: an estimate from the process heap's growth) and the size
	// of any one string, array or buffer. 0 means 1 GiB for single
	// allocations and no heap budget.
	MemoryLimit int64
	// MaxCallDepth bounds the call stack (0: DefaultCallDepth).
	MaxCallDepth int
	// Console, when set, gives the sandbox a console whose methods write
	// their arguments (copied) to it, one line per call.
	Console io.Writer
}

// DefaultCallDepth is the call stack bound of a sandbox (V8's default is
// about 10800 frames of a small function).
const DefaultCallDepth = 10000

// maxAllocation caps one allocation when no memory limit is set: V8's
// string length limit is 2^29-24 code units (1 GiB).
const maxAllocation = 1 << 30

//go:embed setup.js
var setupSource string

var setupProgram = sobek.MustCompile("jsvm:sandbox/setup", setupSource, false)

// HostFunc is an exported host function: it receives its arguments as
// copies (copy graph) and returns a value to be copied in. An error
// becomes a fresh error of the sandbox (an *Error keeps its name).
type HostFunc func(args []any) (any, error)

// Later is what a HostFunc returns to answer asynchronously: the sandbox
// gets a promise of its own, settled with Later's outcome; Later runs on
// its own goroutine (ctx is cancelled when the sandbox is closed). It lets
// a host decide per call (a JS host function that returned a promise).
type Later func(ctx context.Context) (any, error)

// AsyncHostFunc is an exported host function that runs on its own
// goroutine; the sandbox gets a promise of its own for its result. ctx is
// cancelled when the sandbox is closed.
type AsyncHostFunc func(ctx context.Context, args []any) (any, error)

// Sandbox is one sandbox: its own runtime, used by one goroutine at a time.
type Sandbox struct {
	mu    sync.Mutex
	owner atomic.Uint64 // goroutine inside a run, for re-entrancy checks

	opts   Options
	rt     *sobek.Runtime
	realm  *realm
	freeze sobek.Callable
	cap    int64 // one allocation's cap, bytes

	disposed *LimitError // set once the sandbox cannot run any more
	closed   atomic.Bool

	w *watch // the current run's watch, nil between runs

	memWalk sobek.Callable // MemoryUsage's helper, made on first use

	// asynchronous host calls: completions are applied on the run's goroutine
	async    chan func()
	inflight atomic.Int64
	bg       context.Context
	cancelBg context.CancelFunc
}

// New creates a sandbox: a fresh runtime, set up and locked down.
func New(opts Options) (*Sandbox, error) {
	intl.Prepare() // engine.Prepare and the locale methods
	s := &Sandbox{opts: opts, rt: sobek.New(), async: make(chan func(), 64)}
	s.bg, s.cancelBg = context.WithCancel(context.Background())
	s.cap = opts.MemoryLimit
	if s.cap <= 0 || s.cap > maxAllocation {
		s.cap = maxAllocation
	}
	depth := opts.MaxCallDepth
	if depth <= 0 {
		depth = DefaultCallDepth
	}
	s.rt.SetMaxCallStackSize(depth)
	setup, err := s.rt.RunProgram(setupProgram)
	if err != nil {
		return nil, fmt.Errorf("sandbox set-up: %w", err)
	}
	fn, _ := sobek.AssertFunction(setup)
	freeze, _ := sobek.AssertFunction(s.rt.GlobalObject().Get("Object").(*sobek.Object).Get("freeze"))
	s.freeze = freeze
	if opts.Console != nil {
		// before lockdown, so that console is one of the global's
		// read-only bindings
		if err := s.installConsole(opts.Console); err != nil {
			return nil, err
		}
	}
	maxLength := s.cap / 16
	if maxLength > 1<<32-1 {
		maxLength = 1<<32 - 1
	}
	if _, err := fn(sobek.Undefined(), s.rt.ToValue(s.checkSize), s.rt.ToValue(s.checkJSON), s.rt.ToValue(s.checkSource),
		s.rt.ToValue(maxLength), s.rt.ToValue(maxArguments), s.rt.ToValue(MaxNesting)); err != nil {
		return nil, fmt.Errorf("sandbox set-up: %w", err)
	}
	s.realm, err = newRealm(s.rt)
	if err != nil {
		return nil, fmt.Errorf("sandbox set-up: %w", err)
	}
	return s, nil
}

// retune applies the options a set-up does not depend on (New's with
// the same MemoryLimit and console): the limits read at run time and
// the call depth. Before any run.
func (s *Sandbox) retune(opts Options) {
	console := s.opts.Console
	s.opts = opts
	s.opts.Console = console
	depth := opts.MaxCallDepth
	if depth <= 0 {
		depth = DefaultCallDepth
	}
	s.rt.SetMaxCallStackSize(depth)
}

// checkSize is the set-up's size check: one allocation of bytes.
func (s *Sandbox) checkSize(kind string, bytes float64) {
	if bytes <= float64(s.cap) {
		return
	}
	msg := map[string]string{"string": "Invalid string length", "array": "Invalid array length", "buffer": "Array buffer allocation failed"}[kind]
	panic(s.newError("RangeError", msg))
}

// checkJSON bounds the nesting of a JSON text before sobek's recursive
// parser sees it.
func (s *Sandbox) checkJSON(text string) {
	depth, max := 0, 0
	in := false
	for i := 0; i < len(text); i++ {
		c := text[i]
		if in {
			if c == '\\' {
				i++
			} else if c == '"' {
				in = false
			}
			continue
		}
		switch c {
		case '"':
			in = true
		case '[', '{':
			depth++
			if depth > max {
				max = depth
			}
		case ']', '}':
			depth--
		}
	}
	if max > MaxNesting {
		panic(s.newError("SyntaxError", "JSON text is nested too deeply (more than "+strconv.Itoa(MaxNesting)+" levels)"))
	}
}

// checkSource bounds the nesting of code compiled at run time (eval,
// Function and the other function constructors).
func (s *Sandbox) checkSource(src string) {
	if err := checkNesting(src); err != nil {
		panic(s.newError("SyntaxError", err.(*SyntaxError).Message))
	}
}

// maxArguments bounds an argument list built from an array-like
// (Function.prototype.apply, Reflect.apply/construct): sobek allocates it
// whole, in one native step.
const maxArguments = 1 << 20

// MaxNesting bounds the bracket nesting of source code and JSON texts:
// sobek's parsers recurse on the Go stack, whose exhaustion is fatal.
const MaxNesting = 1000

// newError creates a fresh error of the sandbox.
func (s *Sandbox) newError(name, message string) *sobek.Object {
	if s.realm == nil { // during set-up
		ctor, _ := s.rt.GlobalObject().Get(name).(*sobek.Object)
		o, _ := s.rt.New(ctor, s.rt.ToValue(message))
		return o
	}
	return newDecoder(s.realm).NewError(name, message)
}
