package host

import (
	"errors"
	"github.com/jsvm-dev/jsvm/internal/sandbox"
	"io"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"sync/atomic"
	"time"
	"weak"

	"github.com/grafana/sobek"
	"github.com/grafana/sobek/parser"
	"github.com/jsvm-dev/jsvm/internal/core"
)

// NodeVersion is the Node.js version jsvm reports (process.version,
// `jsvm --version`): the Node release whose behaviour it follows.
const NodeVersion = "v20.20.2"

// JSVMVersion is jsvm's own version, in process.versions.jsvm.
const JSVMVersion = "0.1.0"

// Options configures a Host. The zero value runs with no builtins but the
// ones in Registry, writing nowhere.
type Options struct {
	Registry *Registry
	Stdout   io.Writer
	Stderr   io.Writer
	// Stdin is process.stdin's source; nil reads nothing (an ended
	// stream). The jsvm command passes os.Stdin.
	Stdin io.Reader
	// Argv is process.argv: the executable, the main file, then arguments.
	// When empty, the host fills in the executable and the main file.
	Argv []string
	// ExecArgv is process.execArgv (the runtime flags given before the
	// script).
	ExecArgv []string
	// ExperimentalVMModules exposes vm.Module and friends, as Node's flag.
	ExperimentalVMModules bool
	// VMAPI selects the vm module API level: "" (v14, default), "v10" or
	// "v25" (where Node v25's module API differs from v20's: evaluate()
	// returns the record's promise, settled at once for a synchronous
	// graph; a SyntheticModule is linked when made; ERR_INVALID_THIS).
	VMAPI string
	// ExposeGC installs a global gc() (node --expose-gc).
	ExposeGC bool
	// UnhandledRejections is Node's --unhandled-rejections mode: "" or
	// "throw" (default), "strict", "warn", "none", "warn-with-error-code".
	UnhandledRejections string
	// NoWarnings silences process warnings (node --no-warnings).
	NoWarnings bool
	// Preload are modules required before the main script (node -r).
	Preload []string
	// StackTraceLimit, when set, is Error.stackTraceLimit at start
	// (node --stack-trace-limit).
	StackTraceLimit *int
	// Argv0 is process.argv0, the program name as typed; "" keeps "node".
	Argv0 string
	// EnableSourceMaps maps stack frames through the files' source maps
	// (node --enable-source-maps), read when a stack is first formatted.
	EnableSourceMaps bool
	// Env is process.env's store; nil is the OS environment (a worker
	// gets a copy of its parent's, as in Node).
	Env *Env
	// Thread is the worker_threads builtin's state for a host that runs a
	// Worker (nil in the main thread); the host only tells by it that it
	// is a worker.
	Thread any
	// OnFatal, when set, receives an uncaught error instead of stderr
	// (a worker hands it to its Worker's 'error' event); the host still
	// stops with exit code 1.
	OnFatal func(err sobek.Value)
}

// Host is one Node-like process: an isolate whose main context runs the
// user's code, builtin modules, and an event loop.
//
// All methods except Post, Ref and Unref must be called on the goroutine
// that runs the host (the one calling RunMain/RunSource, or a loader or
// callback called by it).
type Host struct {
	Isolate *core.Isolate
	Runtime *sobek.Runtime // the main context's runtime
	Options Options

	cloneRealm *sandbox.Realm // structuredClone's codec, made on first use

	// VMImport, when set, is asked first about every import() in the main
	// context (the vm builtin's importModuleDynamically); it returns false
	// to leave the import to the host's loader.
	VMImport func(referrer any, specifier sobek.Value, capability any) bool

	builtins map[string]*sobek.Object // loaded builtin modules (module objects)
	// errorCtor is the intrinsic Error; the global one is a Proxy of it
	// (errorstack.go)
	errorCtor *sobek.Object

	// cross-goroutine state
	mu         sync.Mutex
	posted     []func()
	wake       chan struct{}
	refs       atomic.Int64
	terminated atomic.Bool // Terminate was called
	onStop     []func()    // run when the host has stopped (worker.go)

	// loop state (host goroutine only)
	start      time.Time
	loopNow    float64 // cached loop time in ms since start
	timers     timerHeap
	timerSeq   uint64
	timerByID  map[int64]*timer
	nextTimer  int64
	refTimers  int
	immediates []*immediate
	refImm     int
	ticks      []tick
	rejections []*pendingRejection
	// rejection ids, reported rejections a late handler turns into
	// 'rejectionHandled' (errors.go), and those waiting to be emitted
	rejectionSeq   int
	reported       map[weak.Pointer[sobek.Promise]]*pendingRejection
	reportedPruned int
	lateHandled    []*pendingRejection
	stopped        bool
	exiting        bool
	exitCode       int
	runner         sobek.Callable
	outerFn        *sobek.Object
	outerFns       []func()

	process      *sobek.Object
	emitter      *emitter
	timerKey     *sobek.Symbol
	protos       map[string]*sobek.Object
	cjs          *cjsState
	esm          *esmState
	sources      map[string]string   // filename -> source text, for error reports
	pkgCache     map[string]*pkgJSON // dir -> its package.json (nil: none)
	requiringESM map[string]string   // ES modules being evaluated by require() -> who required them
	replModule   *sobek.Object       // the REPL's module (require from the working directory)
	srcMaps      map[string]*fileMap // --enable-source-maps: file -> its map (nil: none)
	sigMu        sync.Mutex
	sigChans     map[string]chan os.Signal
	sigint       sigintState
	exitCodeSet  bool
	mainTLA      *sobek.Promise // the ESM entry's evaluation, while it is pending
	// ticksAfterJobs: the current macrotask's nextTicks run after its
	// promise jobs (the ESM entry)
	ticksAfterJobs bool
	warnedUse      bool
	vmThrow        *vmThrow         // the last value (not an Error) thrown out of a vm run
	shims          []sobek.Callable // listOnTimeout, processImmediate (timerframes.go)
	prims          *primordials     // the intrinsics as made (primordials.go)
	// stdio: process.stdin/stdout/stderr once made (stdio.go)
	stdio          [3]sobek.Value
	writeToConsole sobek.Callable
}

// New creates a host with a fresh isolate and the Node-like globals
// (process, console, timers, require machinery). Nothing runs until RunMain
// or RunSource.
func New(opts Options) (*Host, error) {
	if opts.Registry == nil {
		opts.Registry = NewRegistry()
	}
	if opts.Stdout == nil {
		opts.Stdout = io.Discard
	}
	if opts.Stderr == nil {
		opts.Stderr = io.Discard
	}
	iso := core.NewIsolate(core.IsolateOptions{})
	h := &Host{
		Isolate:   iso,
		Runtime:   iso.Main().Runtime(),
		Options:   opts,
		builtins:  make(map[string]*sobek.Object),
		wake:      make(chan struct{}, 1),
		start:     time.Now(),
		timerByID: make(map[int64]*timer),
		protos:    make(map[string]*sobek.Object),
		sources:   make(map[string]string),
	}
	h.timerKey = sobek.NewSymbol("jsvm.timer")
	// FinalizationRegistry callbacks run as a task of the loop, after
	// the collection that freed their targets
	iso.SetFinalizationNotify(func() { h.Post(h.runFinalizations) })
	if err := h.initRunner(); err != nil {
		return nil, err
	}
	h.Runtime.SetPromiseRejectionTracker(h.trackRejection)
	if err := h.installGlobals(); err != nil {
		return nil, err
	}
	// after the host's own guards are in place, before any user code
	h.prims = capturePrimordials(h.Runtime)
	if opts.StackTraceLimit != nil {
		if e, ok := h.Runtime.Get("Error").(*sobek.Object); ok {
			_ = e.Set("stackTraceLimit", *opts.StackTraceLimit)
		}
	}
	if opts.Argv0 != "" {
		_ = h.process.Set("argv0", opts.Argv0)
	}
	return h, nil
}

// preload requires the Options.Preload modules, resolved from the working
// directory, as node -r does; false if one failed (reported).
func (h *Host) preload() bool {
	if len(h.Options.Preload) == 0 {
		return true
	}
	cwd, _ := os.Getwd()
	parent := h.newModule("internal/preload", "", sobek.Undefined())
	_ = parent.Set("path", cwd)
	for _, id := range h.Options.Preload {
		if ex := h.Runtime.Try(func() { h.requireFrom(parent, h.Runtime.ToValue(id)) }); ex != nil {
			h.reportLoadError(ex)
			return false
		}
	}
	return true
}

// Post queues fn to run on the host's goroutine as a macrotask (in the poll
// phase of the event loop). It may be called from any goroutine. fn runs
// with the runtime free to use; nextTicks and promise jobs it queues run
// right after it, as after any Node callback. A pending Post keeps the loop
// alive until it has run.
func (h *Host) Post(fn func()) {
	h.mu.Lock()
	h.posted = append(h.posted, fn)
	h.mu.Unlock()
	select {
	case h.wake <- struct{}{}:
	default:
	}
}

// Ref keeps the process alive while some external work is pending (a
// listening server, a running child). Balance each Ref with one Unref. It
// may be called from any goroutine.
func (h *Host) Ref() { h.refs.Add(1) }

// Unref releases one Ref. It may be called from any goroutine.
func (h *Host) Unref() {
	h.refs.Add(-1)
	select {
	case h.wake <- struct{}{}:
	default:
	}
}

// Require returns module.exports of a builtin module ("vm", "node:vm"),
// loading it on first use. The error is a Go error (a *sobek.Exception for
// a JS error) for an unknown builtin or a failing loader.
func (h *Host) Require(name string) (sobek.Value, error) {
	var v sobek.Value
	var err error
	func() {
		defer func() {
			if x := recover(); x != nil {
				if o, ok := x.(*sobek.Object); ok {
					err = &jsError{o}
					return
				}
				if e, ok := x.(error); ok {
					err = e
					return
				}
				panic(x)
			}
		}()
		v, err = h.requireBuiltin(name)
	}()
	return v, err
}

type jsError struct{ v sobek.Value }

func (e *jsError) Error() string {
	if o, ok := e.v.(*sobek.Object); ok {
		if s := o.Get("stack"); s != nil && !sobek.IsUndefined(s) {
			return s.String()
		}
	}
	return e.v.String()
}

// ErrUnknownBuiltin is returned (wrapped) by Require for a name that is not
// in the registry.
var ErrUnknownBuiltin = errors.New("unknown builtin module")

// Exited reports whether the process has exited (process.exit was called
// or an uncaught error ended it).
func (h *Host) Exited() bool { return h.stopped }

// ExitCode is process.exitCode as it stands.
func (h *Host) ExitCode() int { return h.exitCode }

// RunMain runs the file at path as the main module (CommonJS, or an ES
// module for .mjs and for .js files using import/export), then the event
// loop until nothing is pending. It returns the process's exit code.
func (h *Host) RunMain(path string) (exitCode int) {
	abs, err := filepath.Abs(path)
	if err != nil {
		abs = path
	}
	if len(h.Options.Argv) == 0 {
		h.Options.Argv = []string{execPath(), abs}
		h.refreshArgv()
	}
	h.macrotask(func() {
		h.esmInit() // import() from CommonJS too
		if h.preload() {
			h.runMainModule(abs)
		}
	})
	return h.finish()
}

// RunSource runs code as `node -e` (print false) or `node -p` (print true)
// does: a script named filename ("[eval]") with require, module, exports,
// __filename and __dirname in scope, then the event loop. It returns the
// exit code.
func (h *Host) RunSource(code, filename string, print bool) (exitCode int) {
	if filename == "" {
		filename = "[eval]"
	}
	if len(h.Options.Argv) == 0 {
		h.Options.Argv = []string{execPath()}
		h.refreshArgv()
	}
	h.macrotask(func() {
		h.esmInit() // import() from -e code
		if !h.preload() {
			return
		}
		v, err := h.evalScript(code, filename)
		if err != nil {
			h.reportError(err)
			return
		}
		if print {
			// console.log's formatting: a string prints raw
			if s, ok := v.Export().(string); ok && sobek.IsString(v) {
				h.writeOut(s + "\n")
			} else {
				h.writeOut(h.inspect(v) + "\n")
			}
		}
	})
	return h.finish()
}

// finish runs the event loop, then 'beforeExit'/'exit', and returns the
// exit code.
func (h *Host) finish() int {
	for !h.stopped {
		h.runLoop()
		if h.stopped {
			break
		}
		// beforeExit may schedule more work.
		h.macrotask(func() {
			h.emitter.emit("beforeExit", h.Runtime.ToValue(h.exitCode))
		})
		if h.stopped || !h.alive() {
			break
		}
	}
	if !h.exiting {
		h.exiting = true
		code := h.exitCode
		if h.mainTLA != nil && h.mainTLA.State() == sobek.PromiseStatePending && !h.exitCodeSet {
			// Node's first 'exit' listener sets exitCode ??= 13; the
			// listeners still get the code from before
			h.exitCode, h.exitCodeSet = 13, true
		}
		h.macrotaskNoTicks(func() {
			h.emitter.emit("exit", h.Runtime.ToValue(code))
		})
	}
	h.stopped = true
	h.stopSignals()
	h.runStopHooks()
	return h.exitCode
}

func (h *Host) writeOut(s string) { io.WriteString(h.Options.Stdout, s) }
func (h *Host) writeErr(s string) { io.WriteString(h.Options.Stderr, s) }

func execPath() string {
	p, err := os.Executable()
	if err != nil {
		return os.Args[0]
	}
	return p
}

// RunModuleSource runs code as an ES module, as node --input-type=module
// -e does: named [eval1] in the working directory (import.meta.url,
// relative imports), then the event loop.
func (h *Host) RunModuleSource(code, filename string) (exitCode int) {
	if len(h.Options.Argv) == 0 {
		h.Options.Argv = []string{execPath()}
		h.refreshArgv()
	}
	h.macrotask(func() {
		h.esmInit()
		if !h.preload() {
			return
		}
		cwd, _ := os.Getwd()
		abs := filepath.Join(cwd, filename)
		m, err := h.parseESMNamed(abs, fileURL(cwd)+"/"+filename, code)
		if err != nil {
			h.reportLoadError(err)
			return
		}
		h.evaluateEntry(m)
	})
	return h.finish()
}

// CheckSyntax compiles the file without running it (node --check): 0, or
// 1 with the SyntaxError reported as Node does.
func (h *Host) CheckSyntax(path string) (exitCode int) {
	h.macrotask(func() {
		abs, _ := filepath.Abs(path)
		b, err := os.ReadFile(abs)
		if err != nil {
			h.uncaught(h.notFound(abs, nil), nil, "uncaughtException")
			return
		}
		if h.isModuleFile(abs) {
			if _, err := h.parseESM(abs, string(b)); err != nil {
				h.reportLoadError(err)
			}
			return
		}
		if _, err := h.compileWrapper(abs, string(b)); err != nil {
			if h.detectESM(abs, err) {
				if _, err := h.parseESM(abs, string(b)); err == nil {
					return
				}
			}
			h.reportLoadError(err)
		}
	})
	return h.finish()
}

// RunLoop runs start as the first macrotask, then the event loop until
// nothing keeps it alive (the REPL keeps it alive with Ref while it reads
// input), and returns the exit code.
func (h *Host) RunLoop(start func()) (exitCode int) {
	if len(h.Options.Argv) == 0 {
		h.Options.Argv = []string{execPath()}
		h.refreshArgv()
	}
	h.macrotask(func() {
		h.esmInit()
		if h.preload() && start != nil {
			start()
		}
	})
	return h.finish()
}

// IncompleteInput reports whether code fails to parse only because it
// ends too early (the REPL then reads another line).
func IncompleteInput(code string) bool {
	if core.CheckNesting(code) != nil {
		return false
	}
	_, err := parser.ParseFile(nil, "REPL", code, 0, parser.WithDisableSourceMaps)
	if err == nil {
		return false
	}
	msg := err.Error()
	return strings.Contains(msg, "Unexpected end of input") || strings.Contains(msg, "Unexpected token EOF") ||
		strings.Contains(msg, "Unterminated template") || strings.Contains(msg, "unexpected EOF")
}
