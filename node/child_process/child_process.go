// Package child_process is a minimal Node `child_process` builtin for
// jsvm: spawnSync, execFileSync, execSync, spawn, execFile and exec, on
// Go's os/exec. The JavaScript face (child_process.js) builds the
// ChildProcess EventEmitter and the Node-style results and errors; this
// file runs the processes.
//
// Threading: a spawned child is run by goroutines that never touch the
// runtime. They read its stdout and stderr and wait for its exit, and hand
// each chunk and event to the loop with Host.Post. A running child holds a
// Host.Ref until its last event (after which JS emits 'close') is posted.
package child_process

import (
	"bufio"
	"bytes"
	_ "embed"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"os/exec"
	"strconv"
	"strings"
	"sync"
	"sync/atomic"
	"syscall"
	"time"

	"github.com/grafana/sobek"
	"github.com/jsvm-dev/jsvm/node/events"
	"github.com/jsvm-dev/jsvm/node/host"
	nodenet "github.com/jsvm-dev/jsvm/node/net"
	"github.com/jsvm-dev/jsvm/node/util"
)

//go:embed child_process.js
var source string

var embedded = &host.Embedded{Name: "node:child_process", Params: "module, exports, internals, binding, EventEmitter, Buffer, require", Source: source}

// Load is the loader of the `child_process` builtin. It needs the `events`
// and `buffer` builtins in the host's registry.
func Load(h *host.Host, module *sobek.Object) error {
	ee, err := h.Require("events")
	if err != nil {
		return fmt.Errorf("child_process needs the events builtin: %w", err)
	}
	bv, err := h.Require("buffer")
	if err != nil {
		return fmt.Errorf("child_process needs the buffer builtin: %w", err)
	}
	bo, ok := bv.(*sobek.Object)
	if !ok {
		return errors.New("child_process: buffer builtin has no exports object")
	}
	fn, err := embedded.Func(h)
	if err != nil {
		return err
	}
	b := &binding{h: h}
	_, err = fn(sobek.Undefined(), module, module.Get("exports"), events.Internals(h), b.object(), ee, bo.Get("Buffer"), h.BuiltinRequire())
	if ex, ok := module.Get("exports").(*sobek.Object); ok && err == nil {
		util.SetPromisifyArgs(h.Runtime, ex.Get("exec"), "stdout", "stderr")
		util.SetPromisifyArgs(h.Runtime, ex.Get("execFile"), "stdout", "stderr")
	}
	return err
}

type binding struct {
	h *host.Host
}

func (b *binding) object() *sobek.Object {
	o := b.h.Runtime.NewObject()
	_ = o.Set("spawnSync", b.spawnSync)
	_ = o.Set("spawn", b.spawn)
	_ = o.Set("signalNumber", func(name string) int {
		if n, ok := signalByName[name]; ok {
			return int(n)
		}
		return -1
	})
	return o
}

// spawnOpts are the options JS has already validated and normalized.
type spawnOpts struct {
	file    string
	args    []string // argv[1:]
	argv0   string
	cwd     string
	env     []string // nil: inherit
	hasEnv  bool
	stdio   [3]string // "pipe", "inherit", "ignore"
	input   []byte
	timeout time.Duration
	killSig syscall.Signal
	ipcFD   int // file descriptor of the IPC channel in the child, 0: none
}

func (b *binding) readOpts(file string, args []string, ov sobek.Value) *spawnOpts {
	o := &spawnOpts{file: file, args: args, stdio: [3]string{"pipe", "pipe", "pipe"}, killSig: syscall.SIGTERM}
	obj, ok := ov.(*sobek.Object)
	if !ok {
		return o
	}
	str := func(k string) string {
		v := obj.Get(k)
		if v == nil || sobek.IsUndefined(v) || sobek.IsNull(v) {
			return ""
		}
		return v.String()
	}
	o.cwd = str("cwd")
	o.argv0 = str("argv0")
	if ev := obj.Get("envPairs"); ev != nil && !sobek.IsUndefined(ev) && !sobek.IsNull(ev) {
		o.hasEnv = true
		_ = b.h.Runtime.ExportTo(ev, &o.env)
	}
	if sv := obj.Get("stdio"); sv != nil && !sobek.IsUndefined(sv) {
		var s []string
		_ = b.h.Runtime.ExportTo(sv, &s)
		for i := 0; i < 3 && i < len(s); i++ {
			o.stdio[i] = s[i]
		}
	}
	if iv := obj.Get("input"); iv != nil {
		o.input, _ = iv.Export().([]byte)
	}
	if tv := obj.Get("timeout"); tv != nil && !sobek.IsUndefined(tv) {
		if ms := tv.ToFloat(); ms > 0 {
			o.timeout = time.Duration(ms * float64(time.Millisecond))
		}
	}
	if iv := obj.Get("ipc"); iv != nil && !sobek.IsUndefined(iv) {
		o.ipcFD = int(iv.ToInteger())
	}
	if kv := obj.Get("killSignal"); kv != nil && !sobek.IsUndefined(kv) {
		if n := kv.ToInteger(); n > 0 {
			o.killSig = syscall.Signal(n)
		}
	}
	return o
}

func (b *binding) command(o *spawnOpts) *exec.Cmd {
	cmd := exec.Command(o.file, o.args...)
	if o.argv0 != "" {
		cmd.Args[0] = o.argv0
	}
	cmd.Dir = o.cwd
	if o.hasEnv {
		cmd.Env = o.env
		if cmd.Env == nil {
			cmd.Env = []string{}
		}
	}
	return cmd
}

// lookPath resolves file as the child will (PATH of the child's env) so
// that a missing command is reported as ENOENT before starting.
func lookErr(err error) (code string, errno int) {
	var pe *fs.PathError
	var ee *exec.Error
	var se syscall.Errno
	switch {
	case errors.As(err, &se):
	case errors.As(err, &ee) && errors.Is(ee.Err, exec.ErrNotFound):
		return "ENOENT", -2
	case errors.As(err, &pe):
		errors.As(pe.Err, &se)
	}
	switch se {
	case syscall.ENOENT:
		return "ENOENT", -2
	case syscall.EACCES:
		return "EACCES", -13
	case syscall.ENOTDIR:
		return "ENOTDIR", -20
	case 0:
		return "ENOENT", -2
	}
	return errnoName(se), -int(se)
}

func errnoName(e syscall.Errno) string {
	switch e {
	case syscall.E2BIG:
		return "E2BIG"
	case syscall.EPERM:
		return "EPERM"
	case syscall.ENOEXEC:
		return "ENOEXEC"
	}
	return "E" + strconv.Itoa(int(e))
}

// status fills code/signal from a finished process state.
func status(rt *sobek.Runtime, res *sobek.Object, ps *os.ProcessState) {
	_ = res.Set("status", sobek.Null())
	_ = res.Set("signal", sobek.Null())
	if ps == nil {
		return
	}
	if ws, ok := ps.Sys().(syscall.WaitStatus); ok && ws.Signaled() {
		_ = res.Set("signal", signalName(ws.Signal()))
		return
	}
	_ = res.Set("status", ps.ExitCode())
}

func (b *binding) stdioFile(mode string, fd int) (*os.File, io.Writer) {
	if mode != "inherit" {
		return nil, nil
	}
	switch fd {
	case 0:
		return os.Stdin, nil
	case 1:
		if f, ok := b.h.Options.Stdout.(*os.File); ok {
			return f, nil
		}
		return nil, b.h.Options.Stdout
	default:
		if f, ok := b.h.Options.Stderr.(*os.File); ok {
			return f, nil
		}
		return nil, b.h.Options.Stderr
	}
}

// spawnSync(file, args, opts) -> {pid, status, signal, stdout, stderr,
// errorCode, errno} with stdout/stderr ArrayBuffers (or null when not
// piped).
func (b *binding) spawnSync(file string, args []string, ov sobek.Value) sobek.Value {
	rt := b.h.Runtime
	o := b.readOpts(file, args, ov)
	cmd := b.command(o)
	res := rt.NewObject()
	var outBuf, errBuf bytes.Buffer
	set := func(i int, dst *io.Writer, buf *bytes.Buffer) {
		switch o.stdio[i] {
		case "pipe":
			*dst = buf
		case "inherit":
			f, w := b.stdioFile("inherit", i)
			if f != nil {
				*dst = f
			} else {
				*dst = w
			}
		}
	}
	set(1, &cmd.Stdout, &outBuf)
	set(2, &cmd.Stderr, &errBuf)
	switch o.stdio[0] {
	case "pipe":
		cmd.Stdin = bytes.NewReader(o.input)
	case "inherit":
		cmd.Stdin = os.Stdin
	}
	if o.timeout > 0 {
		// A grandchild may keep the pipes open after the child is
		// killed; like Node, do not wait for it much past the timeout.
		cmd.WaitDelay = o.timeout
	}
	_ = res.Set("pid", 0)
	if err := cmd.Start(); err != nil {
		code, errno := lookErr(err)
		_ = res.Set("errorCode", code)
		_ = res.Set("errno", errno)
		status(rt, res, nil)
		return res
	}
	_ = res.Set("pid", cmd.Process.Pid)
	var timedOut atomic.Bool
	if o.timeout > 0 {
		timer := time.AfterFunc(o.timeout, func() {
			timedOut.Store(true)
			_ = cmd.Process.Signal(o.killSig)
		})
		defer timer.Stop()
	}
	_ = cmd.Wait()
	status(rt, res, cmd.ProcessState)
	if timedOut.Load() {
		_ = res.Set("errorCode", "ETIMEDOUT")
		_ = res.Set("errno", -110)
	}
	if o.stdio[1] == "pipe" {
		_ = res.Set("stdout", rt.NewArrayBuffer(outBuf.Bytes()))
	} else {
		_ = res.Set("stdout", sobek.Null())
	}
	if o.stdio[2] == "pipe" {
		_ = res.Set("stderr", rt.NewArrayBuffer(errBuf.Bytes()))
	} else {
		_ = res.Set("stderr", sobek.Null())
	}
	return res
}

// child is one running spawned process.
type child struct {
	mu     sync.Mutex
	exited bool
	refd   bool // holds a Host.Ref
	done   bool // every event has been posted
}

// spawn(file, args, opts, onEvent) -> {pid, stdin, stdout, stderr, send,
// kill, ref, unref} or {errorCode, errno}; stdin/stdout/stderr are net
// socket handles of the pipes asked for. onEvent(kind, ...) is called on
// the loop with ("message", jsonText) for the IPC channel, ("exit",
// code|null, signal|null) and ("done") once every other event has been
// delivered.
func (b *binding) spawn(file string, args []string, ov sobek.Value, onEvent sobek.Callable) sobek.Value {
	rt := b.h.Runtime
	o := b.readOpts(file, args, ov)
	cmd := b.command(o)
	res := rt.NewObject()

	var closeAfter, ours []*os.File // child's ends; our ends (closed on failure)
	type reader struct {
		name string
		r    *os.File
	}
	var readers []reader
	fail := func(err error) sobek.Value {
		for _, f := range closeAfter {
			f.Close()
		}
		for _, f := range ours {
			f.Close()
		}
		code, errno := lookErr(err)
		_ = res.Set("errorCode", code)
		_ = res.Set("errno", errno)
		return res
	}
	var stdinW *os.File
	switch o.stdio[0] {
	case "pipe":
		r, w, err := os.Pipe()
		if err != nil {
			return fail(err)
		}
		cmd.Stdin = r
		closeAfter = append(closeAfter, r)
		ours = append(ours, w)
		stdinW = w
	case "inherit":
		cmd.Stdin = os.Stdin
	}
	for i, name := range []string{"stdout", "stderr"} {
		fd := i + 1
		dst := &cmd.Stdout
		if fd == 2 {
			dst = &cmd.Stderr
		}
		switch o.stdio[fd] {
		case "pipe":
			r, w, err := os.Pipe()
			if err != nil {
				return fail(err)
			}
			*dst = w
			closeAfter = append(closeAfter, w)
			ours = append(ours, r)
			readers = append(readers, reader{name, r})
		case "inherit":
			f, w := b.stdioFile("inherit", fd)
			if f != nil {
				*dst = f
			} else {
				*dst = w
			}
		}
	}
	var ipc *os.File
	if o.ipcFD >= 3 {
		fds, err := syscall.Socketpair(syscall.AF_UNIX, syscall.SOCK_STREAM|syscall.SOCK_CLOEXEC, 0)
		if err != nil {
			return fail(err)
		}
		ipc = os.NewFile(uintptr(fds[0]), "ipc")
		theirs := os.NewFile(uintptr(fds[1]), "ipc")
		ours = append(ours, ipc)
		closeAfter = append(closeAfter, theirs)
		cmd.ExtraFiles = make([]*os.File, o.ipcFD-2)
		cmd.ExtraFiles[o.ipcFD-3] = theirs
		if cmd.Env == nil {
			cmd.Env = os.Environ()
		}
		cmd.Env = append(cmd.Env, "NODE_CHANNEL_FD="+strconv.Itoa(o.ipcFD), "NODE_CHANNEL_SERIALIZATION_MODE=json")
	}
	if err := cmd.Start(); err != nil {
		return fail(err)
	}
	for _, f := range closeAfter {
		f.Close()
	}
	c := &child{}
	h := b.h
	h.Ref()
	c.refd = true
	post := func(args ...any) {
		h.Post(func() {
			vals := make([]sobek.Value, len(args))
			for i, a := range args {
				switch a := a.(type) {
				case []byte:
					vals[i] = rt.ToValue(rt.NewArrayBuffer(a))
				case nil:
					vals[i] = sobek.Null()
				default:
					vals[i] = rt.ToValue(a)
				}
			}
			_, _ = onEvent(sobek.Undefined(), vals...)
		})
	}
	var wg sync.WaitGroup
	// the pipes are net socket handles (Node's child stdio are
	// net.Sockets): they read, write and keep the loop alive themselves
	for _, r := range readers {
		_ = res.Set(r.name, nodenet.NewHandle(h, pipeEnd{r.r}))
	}
	if stdinW != nil {
		_ = res.Set("stdin", nodenet.NewHandle(h, pipeEnd{stdinW}))
	}
	var ipcW *queueWriter
	if ipc != nil {
		ipcW = newQueueWriter(ipc, nil)
		ipcW.keepFile = true
		wg.Add(1)
		go func() {
			defer wg.Done()
			readLines(ipc, func(line string) { post("message", line) })
			ipcW.stop()
			ipc.Close()
			post("disconnect")
		}()
	}
	wg.Add(1)
	go func() {
		defer wg.Done()
		_ = cmd.Wait()
		c.mu.Lock()
		c.exited = true
		c.mu.Unlock()
		ps := cmd.ProcessState
		if ws, ok := ps.Sys().(syscall.WaitStatus); ok && ws.Signaled() {
			post("exit", nil, signalName(ws.Signal()))
		} else {
			post("exit", ps.ExitCode(), nil)
		}
	}()
	go func() {
		wg.Wait()
		post("done")
		c.mu.Lock()
		c.done = true
		release := c.refd
		c.refd = false
		c.mu.Unlock()
		if release {
			h.Unref()
		}
	}()

	_ = res.Set("pid", cmd.Process.Pid)
	writeFn := func(w *queueWriter) func(data sobek.Value, cb sobek.Value) bool {
		return func(data sobek.Value, cb sobek.Value) bool {
			if w == nil {
				return false
			}
			var p []byte
			if s, ok := data.Export().(string); ok {
				p = []byte(s)
			} else {
				p, _ = data.Export().([]byte)
				p = append([]byte(nil), p...)
			}
			op := writeOp{data: p}
			if fn, ok := sobek.AssertFunction(cb); ok {
				op.cb = func(err error) {
					h.Post(func() {
						if err != nil {
							_, _ = fn(sobek.Undefined(), rt.ToValue(err.Error()))
						} else {
							_, _ = fn(sobek.Undefined())
						}
					})
				}
			}
			w.send(op)
			return true
		}
	}
	_ = res.Set("send", writeFn(ipcW))
	_ = res.Set("disconnect", func() {
		if ipcW != nil {
			ipcW.send(writeOp{end: true})
		}
	})
	_ = res.Set("ref", func() {
		c.mu.Lock()
		defer c.mu.Unlock()
		if !c.refd && !c.done {
			c.refd = true
			h.Ref()
		}
	})
	_ = res.Set("unref", func() {
		c.mu.Lock()
		defer c.mu.Unlock()
		if c.refd {
			c.refd = false
			h.Unref()
		}
	})
	_ = res.Set("kill", func(sig int) int {
		c.mu.Lock()
		defer c.mu.Unlock()
		if c.exited {
			return -3 // ESRCH
		}
		if err := cmd.Process.Signal(syscall.Signal(sig)); err != nil {
			return -3
		}
		return 0
	})
	return res
}

// readLines calls fn with each newline-terminated line read from r until
// EOF or an error.
func readLines(r io.Reader, fn func(string)) {
	br := bufio.NewReaderSize(r, 64*1024)
	for {
		line, err := br.ReadString('\n')
		if len(line) > 0 && strings.HasSuffix(line, "\n") {
			fn(strings.TrimSuffix(line, "\n"))
		}
		if err != nil {
			return
		}
	}
}

type writeOp struct {
	data []byte
	end  bool
	cb   func(err error)
}

// pipeEnd is our end of a child's pipe as a socket handle's connection:
// ending the writable side closes it.
type pipeEnd struct{ *os.File }

func (p pipeEnd) CloseWrite() error { return p.File.Close() }

// queueWriter writes to a pipe or socket from its own goroutine, in the
// order the loop queued the writes, so that the loop never blocks on a
// full pipe.
type queueWriter struct {
	f        *os.File
	onErr    func(error)
	keepFile bool // end shuts down writing only (a socket read elsewhere)
	mu       sync.Mutex
	cond     *sync.Cond
	queue    []writeOp
	stopped  bool
	finished bool // loop has returned
}

func newQueueWriter(f *os.File, onErr func(error)) *queueWriter {
	w := &queueWriter{f: f, onErr: onErr}
	w.cond = sync.NewCond(&w.mu)
	go w.loop()
	return w
}

// send queues op. Every op's cb is called exactly once: after its write,
// or with an error when the writer has finished first.
func (w *queueWriter) send(op writeOp) {
	w.mu.Lock()
	if w.finished {
		w.mu.Unlock()
		if op.cb != nil {
			op.cb(errWriterClosed)
		}
		return
	}
	w.queue = append(w.queue, op)
	w.mu.Unlock()
	w.cond.Signal()
}

var errWriterClosed = errors.New("write EPIPE")

// stop ends the writer once its queue is empty (the peer is gone).
func (w *queueWriter) stop() {
	w.mu.Lock()
	w.stopped = true
	w.mu.Unlock()
	w.cond.Broadcast()
}

func (w *queueWriter) loop() {
	defer func() {
		if w.keepFile {
			if sc, err := w.f.SyscallConn(); err == nil {
				_ = sc.Control(func(fd uintptr) { _ = syscall.Shutdown(int(fd), syscall.SHUT_WR) })
			}
		} else {
			w.f.Close()
		}
		w.mu.Lock()
		w.finished = true
		rest := w.queue
		w.queue = nil
		w.mu.Unlock()
		for _, op := range rest {
			if op.cb != nil {
				op.cb(errWriterClosed)
			}
		}
	}()
	for {
		w.mu.Lock()
		for len(w.queue) == 0 && !w.stopped {
			w.cond.Wait()
		}
		if len(w.queue) == 0 {
			w.mu.Unlock()
			return
		}
		op := w.queue[0]
		w.queue = w.queue[1:]
		w.mu.Unlock()
		if op.end {
			if op.cb != nil {
				defer op.cb(nil) // after the shutdown above
			}
			return
		}
		_, err := w.f.Write(op.data)
		if op.cb != nil {
			op.cb(err)
		}
		if err != nil {
			if w.onErr != nil {
				w.onErr(err)
			}
			return
		}
	}
}
