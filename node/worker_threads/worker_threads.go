// Package worker_threads is Node's `worker_threads` builtin: each Worker
// is a host of its own (an isolate, its event loop, require, process,
// timers) on a goroutine of its own, so workers run in parallel; values
// cross as structured clones through the one copy codec of
// internal/sandbox (the one structuredClone uses), with transfer lists
// for ArrayBuffers and MessagePorts. MessageChannel, MessagePort,
// BroadcastChannel, receiveMessageOnPort and markAsUntransferable are
// here too; the classes are JavaScript (worker_threads.js) over Go
// endpoints (ports.go).
package worker_threads

import (
	_ "embed"
	"errors"
	"os"
	"strconv"
	"sync"
	"sync/atomic"

	"github.com/grafana/sobek"
	"github.com/jsvm-dev/jsvm/internal/nodeerr"
	"github.com/jsvm-dev/jsvm/internal/sandbox"
	"github.com/jsvm-dev/jsvm/node/events"
	"github.com/jsvm-dev/jsvm/node/host"
)

//go:embed worker_threads.js
var source string

var embedded = &host.Embedded{Name: "node:worker_threads", Params: "module, exports, internals, require, native", Source: source}

// lastThreadID numbers the threads of the process (the main thread is 0),
// as Node's threadId does.
var lastThreadID atomic.Int64

// thread is what a worker's host carries (host.Options.Thread): who it is
// and what its parent gave it.
type thread struct {
	id         int64
	ep         *endpoint // the worker's end of its Worker's channel (parentPort)
	workerData *envelope
	envData    *envelope // setEnvironmentData's values, as the parent had them
	limits     *envelope // resourceLimits
	stopped    atomic.Bool
}

// state is the builtin's per-host state, made when the host loads it.
type state struct {
	h          *host.Host
	rt         *sobek.Runtime
	realm      *sandbox.Realm
	th         *thread // nil in the main thread
	bindings   map[*binding]struct{}
	ports      map[*sobek.Object]*binding // the live MessagePort objects of this thread
	makePort   sobek.Callable             // JS: (handle) => MessagePort
	cloneErr   sobek.Callable             // JS: (message) => DOMException DataCloneError
	children   map[*worker]struct{}
	broadcasts []*bcMember
}

// Load is the loader of the `worker_threads` builtin.
func Load(h *host.Host, module *sobek.Object) error {
	rt := h.Runtime
	realm, err := sandbox.NewRealm(rt)
	if err != nil {
		return err
	}
	st := &state{h: h, rt: rt, realm: realm, bindings: map[*binding]struct{}{}, ports: map[*sobek.Object]*binding{}, children: map[*worker]struct{}{}}
	if th, ok := h.Options.Thread.(*thread); ok {
		st.th = th
	}
	h.OnStop(st.stop)
	return embedded.Run(h, module, events.Internals(h), h.BuiltinRequire(), st.native())
}

// stop ends what the thread still has when its host stops: its workers
// are terminated, its ports closed (their peers see 'close').
func (st *state) stop() {
	for w := range st.children {
		w.terminate()
	}
	for b := range st.bindings {
		b.ep.close()
	}
	st.leaveBroadcasts()
}

func (st *state) call(fn sobek.Callable, args ...sobek.Value) {
	if _, err := fn(sobek.Undefined(), args...); err != nil {
		panic(err) // rethrown into the macrotask: an uncaught error of this thread
	}
}

// errorValue is the JS error Node gives for a codec error.
func (st *state) errorValue(err error) sobek.Value {
	var dce *sandbox.DataCloneError
	if errors.As(err, &dce) {
		v, cerr := st.cloneErr(sobek.Undefined(), st.rt.ToValue(dce.Message))
		if cerr != nil {
			panic(cerr)
		}
		return v
	}
	var ex *sobek.Exception
	if errors.As(err, &ex) {
		return ex.Value()
	}
	var ne *sandbox.NestingError
	if errors.As(err, &ne) {
		v, _ := st.rt.New(st.rt.Get("RangeError"), st.rt.ToValue(ne.Error()))
		return v
	}
	if errors.Is(err, errMissingTransfer) {
		return nodeerr.New(st.rt, "TypeError", "ERR_MISSING_TRANSFERABLE_IN_TRANSFER_LIST", err.Error())
	}
	return st.rt.NewGoError(err)
}

// throw throws a codec error as Node does (a throwing getter's own
// exception stays what it was).
func (st *state) throw(err error) {
	switch err.(type) {
	case *sobek.InterruptedError, *sobek.StackOverflowError:
		panic(err) // uncatchable stays uncatchable
	}
	var ex *sobek.Exception
	if errors.As(err, &ex) {
		panic(ex)
	}
	panic(st.errorValue(err))
}

// seal encodes v (with its transfer list: buffers and MessagePorts) into
// an envelope, detaching the transferred buffers and ports from this
// thread. A port in v that is not in the list is Node's
// ERR_MISSING_TRANSFERABLE_IN_TRANSFER_LIST.
func (st *state) seal(v sobek.Value, buffers, portObjs []*sobek.Object) *envelope {
	hosts := map[*sobek.Object]any{}
	var moved []*binding
	var eps []*endpoint
	for _, p := range portObjs {
		b := st.ports[p]
		if b == nil || b.gone {
			continue
		}
		hosts[p] = b.ep
		moved = append(moved, b)
		eps = append(eps, b.ep)
	}
	g, err := st.realm.EncodeMessage(v, sandbox.MessageOptions{Transfer: buffers, Hosts: hosts, Refuse: func(o *sobek.Object) error {
		if _, ok := st.ports[o]; ok {
			return errMissingTransfer
		}
		return nil
	}})
	if err != nil {
		st.throw(err)
	}
	for i, b := range moved {
		b.detach()
		delete(st.ports, portObjs[i])
	}
	return &envelope{graph: g, ports: eps}
}

// errMissingTransfer is a MessagePort met in a message without being in
// its transfer list (Node's words).
var errMissingTransfer error = missingTransfer{}

type missingTransfer struct{}

func (missingTransfer) Error() string {
	return "Object that needs transfer was found in message but not listed in transferList"
}

// open decodes an envelope in this thread: the endpoints that came with
// it are bound here and become MessagePorts.
func (st *state) open(m *envelope) (sobek.Value, sobek.Value, error) {
	made := map[*endpoint]sobek.Value{}
	portOf := func(ep *endpoint) sobek.Value {
		if p, ok := made[ep]; ok {
			return p
		}
		p := st.newPort(st.bind(ep))
		made[ep] = p
		return p
	}
	v, err := st.realm.DecodeMessage(m.graph, func(tok any) sobek.Value {
		ep, ok := tok.(*endpoint)
		if !ok {
			return sobek.Undefined()
		}
		return portOf(ep)
	})
	if err != nil {
		return nil, nil, err
	}
	ports := make([]any, 0, len(m.ports))
	for _, ep := range m.ports {
		ports = append(ports, portOf(ep))
	}
	return v, st.rt.NewArray(ports...), nil
}

// newPort makes the MessagePort object of a binding.
func (st *state) newPort(b *binding) sobek.Value {
	h := st.handle(b)
	p, err := st.makePort(sobek.Undefined(), h)
	if err != nil {
		panic(err)
	}
	if o, ok := p.(*sobek.Object); ok {
		st.ports[o] = b
		b.port = o
	}
	return p
}

// handle is the JS face of a binding: the native methods MessagePort
// calls.
func (st *state) handle(b *binding) *sobek.Object {
	rt := st.rt
	o := rt.NewObject()
	fn := func(name string, f func(c sobek.FunctionCall) sobek.Value) { _ = o.Set(name, f) }
	fn("init", func(c sobek.FunctionCall) sobek.Value {
		b.onMessage, _ = sobek.AssertFunction(c.Argument(0))
		b.onError, _ = sobek.AssertFunction(c.Argument(1))
		b.onClose, _ = sobek.AssertFunction(c.Argument(2))
		return sobek.Undefined()
	})
	fn("post", func(c sobek.FunctionCall) sobek.Value {
		env := st.seal(c.Argument(0), objects(c.Argument(1)), objects(c.Argument(2)))
		if !b.gone {
			b.ep.send(env)
		}
		return sobek.Undefined()
	})
	fn("start", func(c sobek.FunctionCall) sobek.Value { b.start(); return sobek.Undefined() })
	fn("close", func(c sobek.FunctionCall) sobek.Value {
		if !b.gone {
			b.ep.close()
		}
		return sobek.Undefined()
	})
	fn("setAlive", func(c sobek.FunctionCall) sobek.Value {
		b.setAlive(c.Argument(0).ToBoolean())
		return sobek.Undefined()
	})
	fn("hasRef", func(c sobek.FunctionCall) sobek.Value { return rt.ToValue(b.holding) })
	fn("receive", func(c sobek.FunctionCall) sobek.Value {
		v, ok, err := b.receive()
		if err != nil {
			st.throw(err)
		}
		if !ok {
			return sobek.Undefined()
		}
		r := rt.NewObject()
		_ = r.Set("message", v)
		return r
	})
	fn("gone", func(c sobek.FunctionCall) sobek.Value { return rt.ToValue(b.gone) })
	return o
}

func objects(v sobek.Value) []*sobek.Object {
	o, ok := v.(*sobek.Object)
	if !ok {
		return nil
	}
	n := o.Get("length").ToInteger()
	out := make([]*sobek.Object, 0, n)
	for i := int64(0); i < n; i++ {
		if x, ok := o.Get(strconv.FormatInt(i, 10)).(*sobek.Object); ok {
			out = append(out, x)
		}
	}
	return out
}

func strings_(v sobek.Value) []string {
	o, ok := v.(*sobek.Object)
	if !ok {
		return nil
	}
	n := o.Get("length").ToInteger()
	out := make([]string, 0, n)
	for i := int64(0); i < n; i++ {
		out = append(out, o.Get(strconv.FormatInt(i, 10)).String())
	}
	return out
}

// native is the object worker_threads.js receives.
func (st *state) native() *sobek.Object {
	rt := st.rt
	n := rt.NewObject()
	set := func(name string, v any) { _ = n.Set(name, v) }
	set("isMainThread", st.th == nil)
	if st.th != nil {
		set("threadId", st.th.id)
	} else {
		set("threadId", 0)
	}
	set("setFactories", func(makePort, cloneErr sobek.Callable) {
		st.makePort, st.cloneErr = makePort, cloneErr
	})
	set("channel", func() sobek.Value {
		a, b := newChannel()
		return rt.NewArray(st.newPort(st.bind(a)), st.newPort(st.bind(b)))
	})
	set("parentPort", func() sobek.Value {
		if st.th == nil {
			return sobek.Null()
		}
		return st.newPort(st.bind(st.th.ep))
	})
	set("workerData", func() sobek.Value {
		if st.th == nil || st.th.workerData == nil {
			return sobek.Undefined()
		}
		v, _, err := st.open(st.th.workerData)
		if err != nil {
			st.throw(err)
		}
		return v
	})
	set("environmentData", func() sobek.Value {
		if st.th == nil || st.th.envData == nil {
			return sobek.Undefined()
		}
		v, _, err := st.open(st.th.envData)
		if err != nil {
			st.throw(err)
		}
		return v
	})
	set("resourceLimits", func() sobek.Value {
		if st.th == nil || st.th.limits == nil {
			return sobek.Undefined()
		}
		v, _, err := st.open(st.th.limits)
		if err != nil {
			st.throw(err)
		}
		return v
	})
	set("spawn", st.spawn)
	set("broadcast", st.broadcast)
	return n
}

// postWriter is a worker's stdout or stderr: each write goes to the
// parent's, on the parent's loop (as Node pipes a worker's output
// through its parent), so it is ordered with the worker's messages.
type postWriter struct {
	parent *host.Host
	err    bool
}

func (w postWriter) Write(p []byte) (int, error) {
	b := append([]byte(nil), p...)
	h := w.parent
	h.Post(func() {
		if w.err {
			_, _ = h.Options.Stderr.Write(b)
		} else {
			_, _ = h.Options.Stdout.Write(b)
		}
	})
	return len(p), nil
}

// worker is the parent's side of a running Worker.
type worker struct {
	st     *state
	th     *thread
	pb     *binding // the parent's end of the channel
	mu     sync.Mutex
	child  *host.Host
	killed bool
	refed  bool
	exited bool
}

func (w *worker) terminate() {
	w.mu.Lock()
	w.killed = true
	c := w.child
	w.mu.Unlock()
	if c != nil {
		c.Terminate()
	}
}

func (w *worker) setRef(on bool) {
	if w.exited || w.refed == on {
		return
	}
	w.refed = on
	if on {
		w.st.h.Ref()
	} else {
		w.st.h.Unref()
	}
}

// spawn(kind, target, argv, execArgv, env, workerData, transferBuffers,
// transferPorts, limits, environmentData, callbacks) starts a worker: kind "file" (target
// is an absolute path) or "eval" (target is code); env is undefined (a
// copy of this thread's), true (SHARE_ENV) or an object of strings;
// callbacks has online(), message(v, ports), messageerror(e), error(e),
// exit(code). It returns the worker's handle.
func (st *state) spawn(c sobek.FunctionCall) sobek.Value {
	rt := st.rt
	kind, target := c.Argument(0).String(), c.Argument(1).String()
	argv := strings_(c.Argument(2))
	execArgv := strings_(c.Argument(3))
	var env *host.Env
	switch e := c.Argument(4); {
	case sobek.IsUndefined(e) || sobek.IsNull(e):
		env = host.NewEnv(st.h.Options.Env.Snapshot())
	case e.Export() == true:
		env = st.h.Options.Env // SHARE_ENV: the very same store
	default:
		vars := map[string]string{}
		o := e.ToObject(rt)
		for _, k := range o.Keys() {
			vars[k] = o.Get(k).String()
		}
		env = host.NewEnv(vars)
	}
	wd := st.seal(c.Argument(5), objects(c.Argument(6)), objects(c.Argument(7)))
	limits := st.seal(c.Argument(8), nil, nil)
	var envData *envelope
	if ed := c.Argument(9); !sobek.IsUndefined(ed) {
		envData = st.seal(ed, nil, nil)
	}
	cbs := c.Argument(10).ToObject(rt)
	cb := func(name string) sobek.Callable { f, _ := sobek.AssertFunction(cbs.Get(name)); return f }

	pe, ce := newChannel()
	th := &thread{id: lastThreadID.Add(1), ep: ce, workerData: wd, envData: envData, limits: limits}
	w := &worker{st: st, th: th}
	w.pb = st.bind(pe)
	w.pb.onMessage, w.pb.onError = cb("message"), cb("messageerror")
	w.pb.start()
	st.children[w] = struct{}{}
	w.setRef(true)

	parent := st.h
	po := parent.Options
	name := target
	if kind == "eval" {
		name = "[worker eval]"
	}
	opts := host.Options{
		Registry: po.Registry, Stdout: postWriter{parent: parent}, Stderr: postWriter{parent: parent, err: true},
		Argv: append([]string{execPath(), name}, argv...), ExecArgv: execArgv,
		ExperimentalVMModules: po.ExperimentalVMModules, VMAPI: po.VMAPI, ExposeGC: po.ExposeGC,
		UnhandledRejections: po.UnhandledRejections, NoWarnings: po.NoWarnings, StackTraceLimit: po.StackTraceLimit,
		EnableSourceMaps: po.EnableSourceMaps, Env: env, Thread: th,
	}
	online, onError, onExit := cb("online"), cb("error"), cb("exit")
	opts.OnFatal = func(err sobek.Value) { w.fatal(err, onError) }
	go w.run(opts, kind, target, online, onExit)

	h := rt.NewObject()
	_ = h.Set("threadId", th.id)
	_ = h.Set("post", func(c sobek.FunctionCall) sobek.Value {
		env := st.seal(c.Argument(0), objects(c.Argument(1)), objects(c.Argument(2)))
		pe.send(env)
		return sobek.Undefined()
	})
	_ = h.Set("terminate", func() { w.terminate() })
	_ = h.Set("ref", func() { w.setRef(true) })
	_ = h.Set("unref", func() { w.setRef(false) })
	_ = h.Set("hasRef", func() bool { return w.refed })
	return h
}

// run is the worker's goroutine: its own host runs the script, then the
// parent hears 'exit'.
func (w *worker) run(opts host.Options, kind, target string, online, onExit sobek.Callable) {
	parent := w.st.h
	code := 1
	child, err := host.New(opts)
	if err == nil {
		w.mu.Lock()
		w.child = child
		killed := w.killed
		w.mu.Unlock()
		if killed {
			child.Terminate()
		}
		parent.Post(func() {
			if !w.exited {
				w.st.call(online)
			}
		})
		if kind == "eval" {
			code = child.RunSource(target, "[worker eval]", false)
		} else {
			code = child.RunMain(target)
		}
	}
	w.th.stopped.Store(true)
	w.th.ep.close()
	parent.Post(func() {
		w.exited = true
		if w.refed {
			w.refed = false
			parent.Unref()
		}
		delete(w.st.children, w)
		w.st.call(onExit, w.st.rt.ToValue(code))
	})
}

// fatal hands an uncaught error of the worker (on the worker's goroutine)
// to the parent's 'error' event: the error is copied with its own
// properties (code, ...) and its stack, as Node serializes it.
func (w *worker) fatal(val sobek.Value, onError sobek.Callable) {
	w.mu.Lock()
	child := w.child
	w.mu.Unlock()
	if child == nil {
		return
	}
	crt := child.Runtime
	realm, err := sandbox.NewRealm(crt)
	if err != nil {
		return
	}
	g, err := realm.Encode(val)
	if err != nil {
		g = val.String()
	}
	props := map[string]any{}
	var keys []string
	if o, ok := val.(*sobek.Object); ok {
		if _, isErr := g.(*sandbox.Error); isErr {
			for _, k := range o.Keys() {
				if k == "stack" {
					continue
				}
				if pg, err := realm.Encode(o.Get(k)); err == nil {
					props[k] = pg
					keys = append(keys, k)
				}
			}
		}
	}
	w.st.h.Post(func() {
		st := w.st
		v, err := st.realm.Decode(g)
		if err != nil {
			return
		}
		if e, ok := g.(*sandbox.Error); ok {
			if o, ok := v.(*sobek.Object); ok {
				if e.Stack != "" {
					_ = o.DefineDataProperty("stack", st.rt.ToValue(e.Stack), sobek.FLAG_TRUE, sobek.FLAG_TRUE, sobek.FLAG_FALSE)
				}
				for _, k := range keys {
					if pv, err := st.realm.Decode(props[k]); err == nil {
						_ = o.Set(k, pv)
					}
				}
			}
		}
		st.call(onError, v)
	})
}

func execPath() string {
	if p, err := os.Executable(); err == nil {
		return p
	}
	return os.Args[0]
}
