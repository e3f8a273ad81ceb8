package sandbox

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"io"
	"os"
	"os/exec"
	"runtime"
	"strings"
	"sync"
	"sync/atomic"
	"time"

	"github.com/jsvm-dev/jsvm/internal/goid"
)

// Instance is what both kinds of sandbox do: *Sandbox in this process,
// *Remote in a worker process.
type Instance interface {
	Set(name string, v any) error
	Export(name string, fn HostFunc) error
	ExportAsync(name string, fn AsyncHostFunc) error
	Compile(name, src string) (*Script, error)
	Run(ctx context.Context, script *Script) (any, error)
	RunAsync(ctx context.Context, script *Script) (any, error)
	MemoryUsage() (int64, error)
	Disposed() bool
	Close()
}

var (
	_ Instance = (*Sandbox)(nil)
	_ Instance = (*Remote)(nil)
)

// Remote is a sandbox in a worker process: the same sandbox (this
// package's, run by the worker), driven over a pipe with the same copy
// semantics — values cross as copy graphs (wire.go), exported functions
// are called back over the pipe and run on the goroutine of the run
// that called them. A worker that dies (out of memory, stack exhaustion,
// a signal, its CPU rlimit) or that does not answer within the run's
// limit plus a grace period (it is then killed) ends that run with an
// error, and the sandbox is disposed: its state is gone with the process,
// and a transparent restart would hand the next run a different sandbox.
type Remote struct {
	mu    sync.Mutex
	owner atomic.Uint64

	opts     Options
	p        *workerProc
	fns      []HostFunc
	afns     []AsyncHostFunc
	known    map[uint64]bool // scripts the worker has compiled
	disposed *LimitError
	closed   atomic.Bool
	bg       context.Context
	cancelBg context.CancelFunc
}

// Grace is how long past a run's limit the host waits for the worker to
// answer before it kills it.
var Grace = 2 * time.Second

// opGrace bounds the requests that run no user code (creation, Set,
// Export, MemoryUsage).
const opGrace = 30 * time.Second

// NewRemote creates a sandbox in a worker process (from the warm pool).
func NewRemote(opts Options) (*Remote, error) {
	if !workersSupported {
		return nil, errors.New("jsvm: sandbox worker processes need a Unix system (rlimits)")
	}
	p, err := pool.take(keyOf(opts))
	if err != nil {
		return nil, err
	}
	r := &Remote{opts: opts, p: p, known: map[uint64]bool{}}
	r.bg, r.cancelBg = context.WithCancel(context.Background())
	// what the worker may write is bounded by what a copy may be
	limit := opts.MemoryLimit
	if limit <= 0 || limit > maxAllocation {
		limit = maxAllocation
	}
	p.maxFrame.Store(uint32(2*limit + 1<<20))
	// a sandbox dropped without Close does not keep its worker
	runtime.AddCleanup(r, func(p *workerProc) { p.stop() }, p)
	m := new(msg).add(int64(opts.Timeout), int64(opts.CPULimit), opts.MemoryLimit, opts.MaxCallDepth, opts.Console != nil)
	if _, err := r.request(context.Background(), kNew, m, 0); err != nil {
		p.stop()
		return nil, err
	}
	return r, nil
}

// Pid is the worker's process id (for tests that kill it).
func (r *Remote) Pid() int { return r.p.cmd.Process.Pid }

func (r *Remote) with(fn func() error) error {
	if r.owner.Load() == goid.Get() {
		return limitErr(CodeBusy, "Error", "the sandbox is already running on this goroutine (an exported function cannot run the sandbox that called it)")
	}
	r.mu.Lock()
	defer r.mu.Unlock()
	if r.disposed != nil {
		return r.disposed
	}
	r.owner.Store(goid.Get())
	defer r.owner.Store(0)
	err := fn()
	if le, ok := err.(*LimitError); ok && le.Disposed {
		r.dispose(le)
	}
	if r.closed.Load() && r.disposed == nil {
		r.disposed = limitErr(CodeDisposed, "Error", "the sandbox is disposed")
		r.p.stop()
	}
	return err
}

func (r *Remote) dispose(reason *LimitError) {
	if r.disposed == nil {
		d := *reason
		if !strings.HasPrefix(d.Message, "the sandbox is disposed") {
			d.Message = "the sandbox is disposed: " + reason.Message
		}
		d.Code = CodeDisposed
		r.disposed = &d
	}
	r.p.stop()
}

// request sends one request and serves the worker until its reply:
// calls of exported functions (on this goroutine), asynchronous calls
// (each on its own goroutine), console lines. limit is the run's time
// limit (0: none); past it and the grace, the worker is killed.
func (r *Remote) request(ctx context.Context, kind byte, m *msg, limit time.Duration) (*parse, error) {
	if m.err != nil {
		return nil, m.err
	}
	if err := r.p.send(kind, m); err != nil {
		return nil, r.p.exitedErr()
	}
	var kill <-chan time.Time
	arm := func(d time.Duration) {
		t := time.NewTimer(d)
		kill = t.C
	}
	switch {
	case kind != kRun:
		arm(opGrace)
	case limit > 0:
		arm(limit + Grace)
	}
	done := ctx.Done()
	for {
		select {
		case f := <-r.p.frames:
			switch f.kind {
			case kReply:
				return newParse(f.body), nil
			case kCall:
				p := newParse(f.body)
				id, call, args := p.int(), p.int(), p.list()
				if p.err != nil || id < 0 || id >= int64(len(r.fns)) {
					return nil, r.broken()
				}
				v, err := callHostSafe(func() (any, error) { return r.fns[id](args) })
				if later, ok := v.(Later); ok && err == nil {
					r.settleLater(call, func(ctx context.Context) (any, error) { return later(ctx) })
					v, err = nil, errLater
				}
				out := new(msg).add(v)
				if out.err != nil {
					out, err = new(msg).add(nil), out.err
				}
				putErr(out, err)
				if r.p.send(kReturn, out) != nil {
					return nil, r.p.exitedErr()
				}
			case kCallAsync:
				p := newParse(f.body)
				call, id, args := p.int(), p.int(), p.list()
				if p.err != nil || id < 0 || id >= int64(len(r.afns)) {
					return nil, r.broken()
				}
				fn := r.afns[id]
				r.settleLater(call, func(ctx context.Context) (any, error) { return fn(ctx, args) })
			case kConsole:
				p := newParse(f.body)
				if line := p.str(); p.err == nil && r.opts.Console != nil {
					_, _ = io.WriteString(r.opts.Console, line)
				}
			default:
				return nil, r.broken()
			}
		case <-r.p.exited:
			return nil, r.p.exitedErr()
		case <-done:
			// the worker stops the run itself; if it does not answer
			// within the grace period, it is killed
			// (a deadline the worker has too: it reports it as a timeout)
			done = nil
			if ctx.Err() != context.DeadlineExceeded {
				_ = r.p.send(kCancel, new(msg))
			}
			arm(Grace)
		case <-kill:
			r.p.kill()
			var le *LimitError
			if err := ctx.Err(); err != nil {
				le = ctxLimit(err)
			} else {
				le = limitErr(CodeTimeout, "Error", "Script execution timed out after %dms", limit.Milliseconds())
			}
			le.Message += " (the worker process did not stop and was killed)"
			le.Disposed = true
			return nil, le
		}
	}
}

// settleLater runs an asynchronous host call on its own goroutine and
// sends its outcome to the worker as the call's kSettle.
func (r *Remote) settleLater(call int64, fn func(ctx context.Context) (any, error)) {
	proc, bg := r.p, r.bg
	go func() {
		v, err := callHostSafe(func() (any, error) { return fn(bg) })
		out := new(msg).add(call, v)
		if out.err != nil {
			out, err = new(msg).add(call, nil), out.err
		}
		putErr(out, err)
		_ = proc.send(kSettle, out)
	}()
}

// broken is a worker that wrote what the protocol does not allow.
func (r *Remote) broken() error {
	r.p.kill()
	le := limitErr(CodeInternal, "Error", "sandbox internal error: the worker process broke the protocol")
	le.Disposed = true
	return le
}

// callHostSafe runs an exported function, turning a panic into the
// marker the worker re-raises (so the sandbox reports a failed export as
// it does in-process) — a host function's panic never ends the host.
func callHostSafe(f func() (any, error)) (v any, err error) {
	defer func() {
		if recover() != nil {
			v, err = nil, errHostPanic
		}
	}()
	return f()
}

// reply reads a kReply's value and error.
func reply(p *parse, err error) (any, error) {
	if err != nil {
		return nil, err
	}
	v := p.any()
	rerr := errOf(p)
	if p.err != nil {
		return nil, p.err
	}
	return v, rerr
}

// Set copies v into the sandbox as the global name.
func (r *Remote) Set(name string, v any) error {
	return r.with(func() error {
		_, err := reply(r.request(context.Background(), kSet, new(msg).add(name, v), 0))
		return err
	})
}

// Export defines the global name as a function that calls fn over the
// pipe, on the goroutine of the run that called it.
func (r *Remote) Export(name string, fn HostFunc) error {
	return r.with(func() error {
		r.fns = append(r.fns, fn)
		_, err := reply(r.request(context.Background(), kExport, new(msg).add(name, len(r.fns)-1, false), 0))
		return err
	})
}

// ExportAsync defines the global name as a function returning a promise
// of the sandbox; fn runs on its own goroutine of the host.
func (r *Remote) ExportAsync(name string, fn AsyncHostFunc) error {
	return r.with(func() error {
		r.afns = append(r.afns, fn)
		_, err := reply(r.request(context.Background(), kExport, new(msg).add(name, len(r.afns)-1, true), 0))
		return err
	})
}

// Run runs script in the worker.
func (r *Remote) Run(ctx context.Context, script *Script) (any, error) {
	return r.run(ctx, script, false)
}

// RunAsync runs script in the worker and waits for its promise.
func (r *Remote) RunAsync(ctx context.Context, script *Script) (any, error) {
	return r.run(ctx, script, true)
}

func (r *Remote) run(ctx context.Context, script *Script, async bool) (out any, err error) {
	if ctx == nil {
		ctx = context.Background()
	}
	err = r.with(func() error {
		if err := ctx.Err(); err != nil {
			return ctxLimit(err)
		}
		src, has := r.source(script)
		limit, left := r.opts.Timeout, int64(-1)
		if d, ok := ctx.Deadline(); ok {
			until := time.Until(d)
			left = int64(until)
			if limit <= 0 || until < limit {
				limit = until
			}
			if limit <= 0 {
				limit = time.Nanosecond
			}
		}
		v, err := reply(r.request(ctx, kRun, new(msg).add(script.id, script.Name, src, has, async, left), limit))
		if le, ok := err.(*LimitError); ok && le.Cause == nil && ctx.Err() != nil && le.Code == CodeInterrupted {
			le.Cause = ctx.Err()
		}
		out = v
		return err
	})
	return out, err
}

// source is what to send of script: its source on its first use in the
// worker. The worker's cache of compiled scripts has the same bound and
// the same order of insertion as known, so the two agree.
func (r *Remote) source(script *Script) (string, bool) {
	if r.known[script.id] {
		return "", false
	}
	if len(r.known) >= maxWorkerScripts {
		clear(r.known)
	}
	r.known[script.id] = true
	return script.src, true
}

// Compile compiles src in the worker (the host's parser never sees it)
// and returns a script that runs in any sandbox.
func (r *Remote) Compile(name, src string) (*Script, error) {
	script := Source(name, src)
	err := r.with(func() error {
		src, _ := r.source(script)
		_, err := reply(r.request(context.Background(), kCompile, new(msg).add(script.id, name, src), 0))
		return err
	})
	if err != nil {
		return nil, err
	}
	return script, nil
}

// MemoryUsage estimates the sandbox's retained JS memory (in the worker).
func (r *Remote) MemoryUsage() (n int64, err error) {
	err = r.with(func() error {
		v, err := reply(r.request(context.Background(), kMemory, new(msg), 0))
		if f, ok := v.(float64); ok {
			n = int64(f)
		}
		return err
	})
	return n, err
}

// Disposed reports whether the sandbox can no longer run.
func (r *Remote) Disposed() bool {
	r.mu.Lock()
	defer r.mu.Unlock()
	return r.disposed != nil
}

// Close disposes the sandbox and ends its worker. A run in progress on
// another goroutine ends first.
func (r *Remote) Close() {
	if r.closed.Swap(true) {
		return
	}
	r.cancelBg()
	if r.owner.Load() == goid.Get() {
		return // inside a run: with() ends the worker after it
	}
	r.mu.Lock()
	if r.disposed == nil {
		r.disposed = limitErr(CodeDisposed, "Error", "the sandbox is disposed")
	}
	r.p.stop()
	r.mu.Unlock()
}

// workerProc is one worker process and its pipes.
type workerProc struct {
	cmd    *exec.Cmd
	in     io.WriteCloser
	wmu    sync.Mutex
	frames chan frame
	exited chan struct{} // closed once the process is gone
	status string        // how it ended, set before exited is closed
	stderr *tail
	once   sync.Once
	// maxFrame bounds a frame from the worker (which runs untrusted code:
	// it must not make the host allocate without bound)
	maxFrame atomic.Uint32
}

func (p *workerProc) send(kind byte, m *msg) error {
	p.wmu.Lock()
	defer p.wmu.Unlock()
	return writeFrame(p.in, kind, m.bytes())
}

// stop ends the worker: the end of its stdin ends it, a kill makes sure.
func (p *workerProc) stop() {
	p.once.Do(func() {
		_ = p.in.Close()
		go func() {
			select {
			case <-p.exited:
			case <-time.After(time.Second):
				p.kill()
			}
		}()
	})
}

func (p *workerProc) kill() {
	_ = p.cmd.Process.Kill()
	<-p.exited
}

// exitedErr is the error of a run whose worker is gone.
func (p *workerProc) exitedErr() error {
	<-p.exited
	le := limitErr(CodeWorkerExited, "Error", "the sandbox's worker process exited (%s)", p.status)
	le.Disposed = true
	return le
}

// read forwards the worker's frames until it ends.
func (p *workerProc) read(out io.Reader) {
	for {
		f, err := readFrame(out, p.maxFrame.Load())
		if err != nil {
			break
		}
		select {
		case p.frames <- f:
		case <-p.exited:
		}
	}
	err := p.cmd.Wait()
	status := "exit status 0"
	if err != nil {
		status = err.Error()
	}
	if why := p.stderr.reason(); why != "" {
		status += ": " + why
	}
	p.status = status
	close(p.exited)
}

// tail keeps the start of a worker's stderr, where the Go runtime says
// why it died ("fatal error: runtime: out of memory").
type tail struct {
	mu  sync.Mutex
	buf bytes.Buffer
}

func (t *tail) Write(b []byte) (int, error) {
	t.mu.Lock()
	defer t.mu.Unlock()
	if room := 8192 - t.buf.Len(); room > 0 {
		if len(b) > room {
			t.buf.Write(b[:room])
		} else {
			t.buf.Write(b)
		}
	}
	return len(b), nil
}

func (t *tail) reason() string {
	t.mu.Lock()
	defer t.mu.Unlock()
	lines := strings.Split(t.buf.String(), "\n")
	for _, l := range lines {
		if strings.HasPrefix(l, "fatal error:") || strings.HasPrefix(l, "runtime:") || strings.HasPrefix(l, "sandbox worker:") || strings.HasPrefix(l, "panic:") {
			return strings.TrimSpace(l)
		}
	}
	for _, l := range lines {
		if s := strings.TrimSpace(l); s != "" {
			if len(s) > 200 {
				s = s[:200]
			}
			return s
		}
	}
	return ""
}

// spawn starts a worker: this program re-executed with workerEnv set, a
// minimal environment (nothing of the host's, so no secret is in the
// process that runs untrusted code) and no arguments.
func spawn() (*workerProc, error) {
	if os.Getenv(workerEnv) != "" {
		return nil, errors.New("jsvm: a sandbox worker cannot start workers (the program must call RunWorkerIfRequested at the start of main)")
	}
	exe, err := os.Executable()
	if err != nil {
		return nil, fmt.Errorf("jsvm: sandbox worker: %w", err)
	}
	cmd := exec.Command(exe)
	cmd.Env = []string{workerEnv + "=1", "GOTRACEBACK=none"}
	cmd.Dir = os.TempDir()
	p := &workerProc{cmd: cmd, frames: make(chan frame, 16), exited: make(chan struct{}), stderr: &tail{}}
	p.maxFrame.Store(1 << 20)
	cmd.Stderr = p.stderr
	if p.in, err = cmd.StdinPipe(); err != nil {
		return nil, err
	}
	out, err := cmd.StdoutPipe()
	if err != nil {
		return nil, err
	}
	if err := cmd.Start(); err != nil {
		return nil, fmt.Errorf("jsvm: sandbox worker: %w", err)
	}
	go p.read(out)
	notWorker := func(why string) error {
		p.kill()
		return fmt.Errorf("jsvm: the sandbox worker did not start (%s; %s): the program must call jsvm.RunWorkerIfRequested() at the start of main", why, p.status)
	}
	select {
	case f := <-p.frames:
		if f.kind != kHello {
			return nil, notWorker("it did not say hello")
		}
	case <-p.exited:
		return nil, notWorker("it exited")
	case <-time.After(opGrace):
		return nil, notWorker("it did not answer")
	}
	return p, nil
}

// prepare has the worker set a sandbox up ahead for key (kWarm).
func (p *workerProc) prepare(key warmKey) error {
	if err := p.send(kWarm, new(msg).add(key.memoryLimit, key.console)); err != nil {
		return err
	}
	select {
	case f := <-p.frames:
		if f.kind != kReply {
			return errWire
		}
		_, err := reply(newParse(f.body), nil)
		return err
	case <-p.exited:
		return errors.New("the worker exited")
	case <-time.After(opGrace):
		return errors.New("the worker did not answer")
	}
}

// pool keeps started workers ready, so that creating a process sandbox
// does not wait for a process to start.
var pool = &workerPool{size: 1}

type workerPool struct {
	mu      sync.Mutex
	size    int
	idle    []*workerProc
	filling int
	// the set-up the last sandbox asked for: a warm worker has a
	// sandbox set up for it ahead (kWarm), which a NewRemote with the
	// same MemoryLimit and console takes over
	last warmKey
}

// WarmWorkers sets how many started workers are kept ready (default 1)
// and starts them.
func WarmWorkers(n int) {
	if n < 0 {
		n = 0
	}
	pool.mu.Lock()
	pool.size = n
	for len(pool.idle) > n {
		pool.idle[len(pool.idle)-1].stop()
		pool.idle = pool.idle[:len(pool.idle)-1]
	}
	pool.mu.Unlock()
	pool.fill()
}

func (wp *workerPool) take(key warmKey) (*workerProc, error) {
	wp.mu.Lock()
	wp.last = key
	for len(wp.idle) > 0 {
		p := wp.idle[0]
		wp.idle = wp.idle[1:]
		select {
		case <-p.exited:
			continue
		default:
		}
		wp.mu.Unlock()
		wp.fill()
		return p, nil
	}
	wp.mu.Unlock()
	p, err := spawn()
	if err == nil {
		wp.fill()
	}
	return p, err
}

// fill starts workers in the background up to the pool's size.
func (wp *workerPool) fill() {
	wp.mu.Lock()
	defer wp.mu.Unlock()
	for len(wp.idle)+wp.filling < wp.size {
		wp.filling++
		key := wp.last
		go func() {
			p, err := spawn()
			if err == nil {
				err = p.prepare(key)
			}
			wp.mu.Lock()
			defer wp.mu.Unlock()
			wp.filling--
			if err != nil {
				if p != nil {
					p.stop()
				}
				return
			}
			if len(wp.idle) >= wp.size {
				p.stop()
				return
			}
			wp.idle = append(wp.idle, p)
		}()
	}
}
