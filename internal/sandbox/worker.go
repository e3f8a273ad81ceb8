package sandbox

import (
	"context"
	"fmt"
	"io"
	"os"
	"runtime/debug"
	"sync"
	"time"
)

// workerEnv marks a process started as a sandbox worker.
const workerEnv = "JSVM_SANDBOX_WORKER"

// RunWorkerIfRequested turns this process into a sandbox worker when it
// was started as one (by a sandbox with Options.Process), and then exits;
// otherwise it returns at once. A program that creates process sandboxes
// calls it first thing in main (the jsvm command does; a test binary
// calls it in TestMain), because the worker is the program itself
// re-executed.
func RunWorkerIfRequested() {
	if os.Getenv(workerEnv) != "1" {
		return
	}
	os.Unsetenv(workerEnv)
	// the protocol owns stdout: nothing else may write there
	out := os.Stdout
	os.Stdout = os.Stderr
	os.Exit(serveWorker(os.Stdin, out))
}

// worker is the child's side: one sandbox, driven by its host's requests.
type worker struct {
	out io.Writer
	wmu sync.Mutex

	s       *Sandbox
	warm    *Sandbox // set up ahead (kWarm) for warmKey
	warmKey warmKey
	scripts map[uint64]*Script

	requests chan frame
	returns  chan frame // kReturn answers to kCall

	amu     sync.Mutex
	nextID  uint64
	pending map[uint64]chan frame // kSettle answers to kCallAsync

	cmu    sync.Mutex
	cancel context.CancelFunc // the current run's
}

func serveWorker(in io.Reader, out io.Writer) int {
	w := &worker{out: out, scripts: map[uint64]*Script{}, requests: make(chan frame), returns: make(chan frame, 1), pending: map[uint64]chan frame{}}
	if err := w.send(kHello, new(msg).add(os.Getpid())); err != nil {
		return 1
	}
	go w.read(in)
	for f := range w.requests {
		w.serve(f)
	}
	return 0
}

func (w *worker) send(kind byte, m *msg) error {
	w.wmu.Lock()
	defer w.wmu.Unlock()
	return writeFrame(w.out, kind, m.bytes())
}

// read dispatches the host's frames. The end of stdin (the host closed
// the sandbox, or died) ends the worker, even while a run is in progress.
func (w *worker) read(in io.Reader) {
	for {
		f, err := readFrame(in, maxFrame)
		if err != nil {
			os.Exit(0)
		}
		switch f.kind {
		case kCancel:
			w.cmu.Lock()
			if w.cancel != nil {
				w.cancel()
			}
			w.cmu.Unlock()
		case kReturn:
			w.returns <- f
		case kSettle:
			p := newParse(f.body)
			id := uint64(p.int())
			w.amu.Lock()
			ch := w.pending[id]
			delete(w.pending, id)
			w.amu.Unlock()
			if ch != nil {
				ch <- frame{body: p.r.buf}
			}
		default:
			w.requests <- f
		}
	}
}

func (w *worker) reply(v any, err error) {
	m := new(msg).add(v)
	if m.err != nil {
		m = new(msg).add(nil)
		err = m.err
	}
	putErr(m, err)
	if w.send(kReply, m) != nil {
		os.Exit(1)
	}
}

func (w *worker) serve(f frame) {
	p := newParse(f.body)
	if f.kind != kNew && f.kind != kWarm && w.s == nil {
		w.reply(nil, fmt.Errorf("sandbox worker: no sandbox"))
		return
	}
	switch f.kind {
	case kNew:
		opts := Options{
			Timeout: time.Duration(p.int()), CPULimit: time.Duration(p.int()),
			MemoryLimit: p.int(), MaxCallDepth: int(p.int()),
		}
		if p.boolean() {
			opts.Console = consoleWriter{w}
		}
		if p.err != nil {
			w.reply(nil, p.err)
			return
		}
		if err := limitWorker(opts); err != nil {
			w.reply(nil, err)
			return
		}
		if w.warm != nil && w.warmKey == keyOf(opts) {
			// the set-up done ahead depends only on the key; the rest is read at run time
			w.s, w.warm = w.warm, nil
			w.s.retune(opts)
			w.reply(nil, nil)
			return
		}
		w.warm = nil
		s, err := New(opts)
		if err == nil {
			w.s = s
		}
		w.reply(nil, err)
	case kWarm:
		key := warmKey{memoryLimit: p.int(), console: p.boolean()}
		if p.err != nil || w.s != nil {
			w.reply(nil, errWire)
			return
		}
		opts := Options{MemoryLimit: key.memoryLimit}
		if key.console {
			opts.Console = consoleWriter{w}
		}
		s, err := New(opts)
		if err == nil {
			w.warm, w.warmKey = s, key
		}
		w.reply(nil, err)
	case kSet:
		name, v := p.str(), p.any()
		if p.err != nil {
			w.reply(nil, p.err)
			return
		}
		w.reply(nil, w.s.Set(name, v))
	case kExport:
		name, id, async := p.str(), p.int(), p.boolean()
		if p.err != nil {
			w.reply(nil, p.err)
			return
		}
		if async {
			w.reply(nil, w.s.ExportAsync(name, w.asyncStub(id)))
		} else {
			w.reply(nil, w.s.Export(name, w.stub(id)))
		}
	case kRun:
		id, name, src, has, async, left := uint64(p.int()), p.str(), p.str(), p.boolean(), p.boolean(), p.int()
		if p.err != nil {
			w.reply(nil, p.err)
			return
		}
		if !has && w.scripts[id] == nil {
			w.reply(nil, errWire)
			return
		}
		script := w.script(id, name, src)
		ctx, cancel := context.WithCancel(context.Background())
		if left >= 0 {
			ctx, cancel = context.WithTimeout(context.Background(), time.Duration(left))
		}
		w.cmu.Lock()
		w.cancel = cancel
		w.cmu.Unlock()
		var v any
		var err error
		armCPU(w.s.opts.CPULimit)
		if async {
			v, err = w.s.RunAsync(ctx, script)
		} else {
			v, err = w.s.Run(ctx, script)
		}
		disarmCPU()
		w.cmu.Lock()
		w.cancel = nil
		w.cmu.Unlock()
		cancel()
		w.reply(v, err)
	case kCompile:
		id, name, src := uint64(p.int()), p.str(), p.str()
		if p.err != nil {
			w.reply(nil, p.err)
			return
		}
		_, err := w.script(id, name, src).program()
		w.reply(nil, err)
	case kMemory:
		n, err := w.s.MemoryUsage()
		w.reply(n, err)
	default:
		w.reply(nil, errWire)
	}
}

// script is the worker's copy of the host's script id: source arrives
// with its first use, and the worker keeps it compiled (a bounded cache;
// the host sends the source again after a miss: see Remote.run).
func (w *worker) script(id uint64, name, src string) *Script {
	if s := w.scripts[id]; s != nil {
		return s
	}
	if len(w.scripts) >= maxWorkerScripts {
		clear(w.scripts)
	}
	s := Source(name, src)
	w.scripts[id] = s
	return s
}

const maxWorkerScripts = 1024

// stub is an exported function of the host, called over the pipe; the
// run waits for its answer, which may be that it answers later (Later:
// a kSettle of the call's id).
func (w *worker) stub(id int64) HostFunc {
	return func(args []any) (any, error) {
		call, ch := w.expect()
		m := new(msg).add(id, call, args)
		if m.err != nil {
			w.forget(call)
			return nil, m.err
		}
		if w.send(kCall, m) != nil {
			os.Exit(1)
		}
		f := <-w.returns
		v, err := answer(f.body)
		if err == errLater {
			return Later(func(ctx context.Context) (any, error) { return w.wait(ctx, ch) }), nil
		}
		w.forget(call)
		return v, err
	}
}

// expect registers a call id whose kSettle the reader hands over.
func (w *worker) expect() (uint64, chan frame) {
	ch := make(chan frame, 1)
	w.amu.Lock()
	defer w.amu.Unlock()
	w.nextID++
	w.pending[w.nextID] = ch
	return w.nextID, ch
}

func (w *worker) forget(call uint64) {
	w.amu.Lock()
	delete(w.pending, call)
	w.amu.Unlock()
}

func (w *worker) wait(ctx context.Context, ch chan frame) (any, error) {
	select {
	case f := <-ch:
		return answer(f.body)
	case <-ctx.Done():
		return nil, ctx.Err()
	}
}

func answer(body []byte) (any, error) {
	p := newParse(body)
	v := p.any()
	err := errOf(p)
	if p.err != nil {
		return nil, p.err
	}
	if err == errHostPanic {
		panic(err) // the sandbox reports it as a failed export, as in-process
	}
	return v, err
}

func (w *worker) asyncStub(id int64) AsyncHostFunc {
	return func(ctx context.Context, args []any) (any, error) {
		call, ch := w.expect()
		m := new(msg).add(call, id, args)
		if m.err != nil {
			w.forget(call)
			return nil, m.err
		}
		if w.send(kCallAsync, m) != nil {
			os.Exit(1)
		}
		return w.wait(ctx, ch)
	}
}

// warmKey is what a sandbox's set-up depends on (the size caps of
// setup.js, the console binding); the other options are read at run time.
type warmKey struct {
	memoryLimit int64
	console     bool
}

func keyOf(o Options) warmKey { return warmKey{o.MemoryLimit, o.Console != nil} }

// consoleWriter sends the console option's lines to the host.
type consoleWriter struct{ w *worker }

func (c consoleWriter) Write(b []byte) (int, error) {
	if err := c.w.send(kConsole, new(msg).add(string(b))); err != nil {
		return 0, err
	}
	return len(b), nil
}

// limitWorker sets the process limits of a worker before any user code
// runs: the Go heap's soft limit and the maximum goroutine stack (so that
// the Go runtime dies early and cleanly), and the rlimits (rlimit_*.go).
func limitWorker(opts Options) error {
	debug.SetMaxStack(maxWorkerStack)
	if opts.MemoryLimit > 0 {
		debug.SetMemoryLimit(2*opts.MemoryLimit + 64<<20)
	}
	return setRlimits(opts)
}

// maxWorkerStack bounds a worker's goroutine stacks (Go's default is
// 1 GiB): runaway recursion in the engine ends the worker sooner.
const maxWorkerStack = 256 << 20
