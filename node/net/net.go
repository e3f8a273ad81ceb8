// Package net is Node's `net` builtin for jsvm: TCP and Unix-domain
// sockets and servers (Socket, Server, connect, createServer) on Go's net
// package, and the address helpers (isIP, isIPv4, isIPv6). The JavaScript
// face (net.js) is Node's Socket, a stream.Duplex over a handle made
// here; the http builtin hands upgraded connections to the same handle
// (NewHandle).
//
// Threading: Go goroutines never touch the runtime. A handle's reader
// goroutine reads into fresh buffers and posts each chunk to the event
// loop (at most a few in flight, so a slow script bounds the memory); a
// writer goroutine applies queued writes in order and posts their
// completions. A handle keeps the process alive, as a libuv handle does,
// while it is connecting, reading (not paused, no end of stream yet) or
// has writes in flight, unless unref'd.
package net

import (
	"bytes"
	"context"
	"crypto/tls"
	_ "embed"
	"errors"
	"io"
	"net"
	"os"
	"strconv"
	"strings"
	"sync"
	"syscall"
	"time"

	"github.com/grafana/sobek"
	"github.com/jsvm-dev/jsvm/node/events"
	"github.com/jsvm-dev/jsvm/node/host"
	nodeos "github.com/jsvm-dev/jsvm/node/os"
	"golang.org/x/sys/unix"
)

//go:embed net.js
var source string

var embedded = &host.Embedded{Name: "node:net", Params: "module, exports, internals, require, binding", Source: source}

// Load is the loader of the `net` builtin.
func Load(h *host.Host, module *sobek.Object) error {
	return embedded.Run(h, module, events.Internals(h), h.BuiltinRequire(), bindingOf(h).object())
}

// maxInFlight bounds the data chunks a reader has posted that the loop
// has not delivered yet.
const maxInFlight = 4

type binding struct {
	h     *host.Host
	mu    sync.Mutex
	open  map[*conn]struct{}
	lns   map[*listener]struct{}
	obj   *sobek.Object
	ended bool
}

var bindings sync.Map // *host.Host -> *binding

func bindingOf(h *host.Host) *binding {
	if b, ok := bindings.Load(h); ok {
		return b.(*binding)
	}
	b := &binding{h: h, open: map[*conn]struct{}{}, lns: map[*listener]struct{}{}}
	bindings.Store(h, b)
	h.OnStop(func() {
		bindings.Delete(h)
		b.mu.Lock()
		b.ended = true
		conns := b.open
		lns := b.lns
		b.open, b.lns = map[*conn]struct{}{}, map[*listener]struct{}{}
		b.mu.Unlock()
		for c := range conns {
			c.shut()
		}
		for l := range lns {
			_ = l.ln.Close()
		}
	})
	return b
}

func (b *binding) object() *sobek.Object {
	if b.obj != nil {
		return b.obj
	}
	rt := b.h.Runtime
	o := rt.NewObject()
	_ = o.Set("connect", b.connect)
	_ = o.Set("listen", b.listen)
	b.obj = o
	return o
}

// NewHandle makes a socket handle (what net.js wraps in a Socket, as
// options.handle) over an established connection: the http builtin's
// upgraded requests and responses. head is not read again.
func NewHandle(h *host.Host, c io.ReadWriteCloser) *sobek.Object {
	b := bindingOf(h)
	return b.newConn(c).object()
}

// ---- errors ----

// errInfo describes err as Node's uv exceptions do: {code, errno,
// syscall, message, address?, port?, hostname?}; net.js makes the Error.
func (b *binding) errInfo(err error, syscallName, address string, port int) *sobek.Object {
	rt := b.h.Runtime
	o := rt.NewObject()
	var dnsErr *net.DNSError
	if errors.As(err, &dnsErr) {
		code, errno := "ENOTFOUND", -3008
		if dnsErr.IsTemporary || dnsErr.IsTimeout {
			code, errno = "EAI_AGAIN", -3001
		}
		_ = o.Set("errno", errno)
		_ = o.Set("code", code)
		_ = o.Set("syscall", "getaddrinfo")
		_ = o.Set("hostname", address)
		_ = o.Set("message", "getaddrinfo "+code+" "+address)
		return o
	}
	code, errno := errCode(err)
	_ = o.Set("errno", errno)
	_ = o.Set("code", code)
	_ = o.Set("syscall", syscallName)
	msg := syscallName + " " + code
	if address != "" {
		_ = o.Set("address", address)
		if port >= 0 {
			_ = o.Set("port", port)
			msg += " " + address + ":" + strconv.Itoa(port) // node: "::1:80" too
		} else {
			msg += " " + address
		}
	}
	_ = o.Set("message", msg)
	return o
}

// errCode maps a Go network error to a uv code and (negative) errno.
func errCode(err error) (string, int) {
	var se syscall.Errno
	switch {
	case errors.As(err, &se):
		if name, ok := nodeos.ErrnoName(int(se)); ok {
			return name, -int(se)
		}
		return "E" + strconv.Itoa(int(se)), -int(se)
	case errors.Is(err, io.EOF), errors.Is(err, io.ErrUnexpectedEOF):
		return "ECONNRESET", -104
	case errors.Is(err, os.ErrDeadlineExceeded), errors.Is(err, context.DeadlineExceeded):
		return "ETIMEDOUT", -110
	case errors.Is(err, net.ErrClosed):
		return "EPIPE", -32
	}
	return "EINVAL", -22
}

// ---- connections ----

type wop struct {
	data     []byte
	cb       sobek.Callable
	shutdown bool
}

type conn struct {
	b *binding
	h *host.Host

	mu       sync.Mutex
	cond     *sync.Cond
	c        io.ReadWriteCloser // nil while connecting
	paused   bool               // readStop called (guarded by mu)
	closed   bool               // close called (guarded by mu)
	queue    []wop              // writes for the writer goroutine (mu)
	inflight int                // writes queued or being written (mu)
	wcond    *sync.Cond
	cancel   context.CancelFunc // aborts a dial

	done    chan struct{}
	tokens  chan struct{}
	onEvent sobek.Callable // loop only

	// loop goroutine only
	readerUp   bool
	writerUp   bool
	connecting bool
	reading    bool
	eof        bool
	pending    int // writes and shutdowns in flight
	unrefd     bool
	refd       bool
	obj        *sobek.Object
}

func (b *binding) newConn(c io.ReadWriteCloser) *conn {
	x := &conn{b: b, h: b.h, c: c, done: make(chan struct{}), tokens: make(chan struct{}, maxInFlight)}
	x.cond = sync.NewCond(&x.mu)
	x.wcond = sync.NewCond(&x.mu)
	b.mu.Lock()
	if b.ended {
		b.mu.Unlock()
		if c != nil {
			_ = c.Close()
		}
		x.closed = true
		return x
	}
	b.open[x] = struct{}{}
	b.mu.Unlock()
	return x
}

// update takes or releases the host ref so that it is held exactly while
// the handle is active.
func (x *conn) update() {
	x.mu.Lock()
	closed := x.closed
	x.mu.Unlock()
	want := !closed && !x.unrefd && (x.connecting || (x.reading && !x.eof) || x.pending > 0)
	if want && !x.refd {
		x.refd = true
		x.h.Ref()
	} else if !want && x.refd {
		x.refd = false
		x.h.Unref()
	}
}

// emit calls the JS event callback on the loop; a throw is uncaught.
func (x *conn) emit(kind string, args ...sobek.Value) {
	if x.onEvent == nil {
		return
	}
	if _, err := x.onEvent(sobek.Undefined(), append([]sobek.Value{x.h.Runtime.ToValue(kind)}, args...)...); err != nil {
		panic(err)
	}
}

func (x *conn) isClosed() bool {
	x.mu.Lock()
	defer x.mu.Unlock()
	return x.closed
}

// shut closes the connection from any goroutine (idempotent).
func (x *conn) shut() {
	x.mu.Lock()
	if x.closed {
		x.mu.Unlock()
		return
	}
	x.closed = true
	c := x.c
	cancel := x.cancel
	dropped := x.queue
	x.queue = nil
	x.cond.Broadcast()
	x.wcond.Broadcast()
	x.mu.Unlock()
	close(x.done)
	if cancel != nil {
		cancel()
	}
	if c != nil {
		_ = c.Close()
	}
	// writes that never ran complete as libuv's cancelled ones reach a
	// destroyed socket: without an error
	for _, op := range dropped {
		x.h.Post(func() { x.complete(op, nil) })
	}
}

// complete ends a write or shutdown on the loop: its callback gets the
// error, or nothing once the handle is closed.
func (x *conn) complete(op wop, err error) {
	x.pending--
	x.update()
	if op.cb == nil {
		return
	}
	var arg sobek.Value = sobek.Undefined()
	if err != nil && !x.isClosed() {
		name := "write"
		if op.shutdown {
			name = "shutdown"
		}
		arg = x.b.errInfo(err, name, "", -1)
	}
	if _, err := op.cb(sobek.Undefined(), arg); err != nil {
		panic(err)
	}
}

func (x *conn) readLoop(c io.ReadWriteCloser) {
	buf := make([]byte, 64<<10)
	for {
		x.mu.Lock()
		for x.paused && !x.closed {
			x.cond.Wait()
		}
		closed := x.closed
		x.mu.Unlock()
		if closed {
			return
		}
		n, err := c.Read(buf)
		if n > 0 {
			data := bytes.Clone(buf[:n])
			select {
			case x.tokens <- struct{}{}:
			case <-x.done:
				return
			}
			x.h.Post(func() {
				<-x.tokens
				if x.isClosed() {
					return
				}
				x.emit("data", x.h.Runtime.ToValue(x.h.Runtime.NewArrayBuffer(data)))
			})
		}
		if err != nil {
			if x.isClosed() {
				return
			}
			eof := errors.Is(err, io.EOF)
			x.h.Post(func() {
				if x.isClosed() {
					return
				}
				x.eof = true
				x.update()
				if eof {
					x.emit("end")
				} else {
					x.emit("error", x.b.errInfo(err, "read", "", -1))
				}
			})
			return
		}
	}
}

func (x *conn) writeLoop(c io.ReadWriteCloser) {
	for {
		x.mu.Lock()
		for len(x.queue) == 0 && !x.closed {
			x.wcond.Wait()
		}
		if x.closed {
			x.mu.Unlock()
			return
		}
		op := x.queue[0]
		x.queue = x.queue[1:]
		x.mu.Unlock()
		done := func() {
			x.mu.Lock()
			x.inflight--
			x.mu.Unlock()
		}
		var err error
		if op.shutdown {
			if cw, ok := c.(interface{ CloseWrite() error }); ok {
				err = cw.CloseWrite()
			}
		} else {
			_, err = c.Write(op.data)
		}
		done()
		x.h.Post(func() { x.complete(op, err) })
	}
}

// tryWrite is uv_try_write: one non-blocking write(2) of p, when c is a
// socket or pipe of Go's poller; ok is false when c is not one.
func tryWrite(c io.ReadWriteCloser, p []byte) (n int, err error, ok bool) {
	sc, isSys := c.(syscall.Conn)
	if !isSys {
		return 0, nil, false
	}
	if _, isTLS := c.(interface{ ConnectionState() tls.ConnectionState }); isTLS {
		return 0, nil, false
	}
	rc, rerr := sc.SyscallConn()
	if rerr != nil {
		return 0, nil, false
	}
	werr := rc.Write(func(fd uintptr) bool {
		for n < len(p) {
			m, e := unix.Write(int(fd), p[n:])
			if m > 0 {
				n += m
			}
			if e == unix.EINTR {
				continue
			}
			if e != nil {
				if e != unix.EAGAIN {
					err = e
				}
				break
			}
		}
		return true
	})
	if werr != nil && err == nil {
		err = werr
	}
	return n, err, true
}

// enqueue starts a write or shutdown. Like libuv it first tries to write
// at once (reporting true: done, the callback will not be called);
// what the kernel does not take now goes to the writer goroutine.
func (x *conn) enqueue(op wop) bool {
	x.mu.Lock()
	c := x.c
	if x.closed || c == nil {
		x.mu.Unlock()
		panic(x.h.Runtime.NewTypeError("socket handle is not open"))
	}
	if x.inflight == 0 && !op.shutdown {
		n, err, ok := tryWrite(c, op.data)
		if ok && err == nil && n == len(op.data) {
			x.mu.Unlock()
			return true
		}
		if ok && err == nil {
			op.data = op.data[n:]
		}
	}
	x.inflight++
	x.queue = append(x.queue, op)
	x.wcond.Signal()
	x.mu.Unlock()
	x.pending++
	x.update()
	if !x.writerUp {
		x.writerUp = true
		go x.writeLoop(c)
	}
	return false
}

func addrInfo(rt *sobek.Runtime, a net.Addr) sobek.Value {
	if a == nil {
		return sobek.Undefined()
	}
	o := rt.NewObject()
	switch a := a.(type) {
	case *net.TCPAddr:
		ip := a.IP.String()
		fam := "IPv6"
		if a.IP.To4() != nil {
			fam = "IPv4"
			ip = a.IP.To4().String()
		}
		if a.Zone != "" {
			ip += "%" + a.Zone
		}
		_ = o.Set("address", ip)
		_ = o.Set("family", fam)
		_ = o.Set("port", a.Port)
	case *net.UnixAddr:
		_ = o.Set("address", a.Name)
	default:
		return sobek.Undefined()
	}
	return o
}

func (x *conn) object() *sobek.Object {
	if x.obj != nil {
		return x.obj
	}
	rt := x.h.Runtime
	o := rt.NewObject()
	x.obj = o
	_ = o.Set("attach", func(fn sobek.Value) {
		x.onEvent, _ = sobek.AssertFunction(fn)
	})
	_ = o.Set("readStart", func() {
		x.mu.Lock()
		x.paused = false
		c := x.c
		x.cond.Broadcast()
		closed := x.closed
		x.mu.Unlock()
		if closed || c == nil {
			return
		}
		x.reading = true
		x.update()
		if !x.readerUp {
			x.readerUp = true
			go x.readLoop(c)
		}
	})
	_ = o.Set("readStop", func() {
		x.mu.Lock()
		x.paused = true
		x.mu.Unlock()
		x.reading = false
		x.update()
	})
	_ = o.Set("write", func(data sobek.Value, cb sobek.Value) bool {
		var p []byte
		switch d := data.Export().(type) {
		case string:
			p = []byte(d)
		case []byte:
			p = bytes.Clone(d)
		case sobek.ArrayBuffer:
			p = bytes.Clone(d.Bytes())
		}
		fn, _ := sobek.AssertFunction(cb)
		return x.enqueue(wop{data: p, cb: fn})
	})
	_ = o.Set("shutdown", func(cb sobek.Value) {
		fn, _ := sobek.AssertFunction(cb)
		x.enqueue(wop{shutdown: true, cb: fn})
	})
	_ = o.Set("close", func() {
		x.shut()
		x.b.mu.Lock()
		delete(x.b.open, x)
		x.b.mu.Unlock()
		x.update()
	})
	_ = o.Set("ref", func() { x.unrefd = false; x.update() })
	_ = o.Set("unref", func() { x.unrefd = true; x.update() })
	_ = o.Set("setNoDelay", func(on bool) {
		x.mu.Lock()
		c := x.c
		x.mu.Unlock()
		if tc, ok := c.(*net.TCPConn); ok {
			_ = tc.SetNoDelay(on)
		}
	})
	_ = o.Set("setKeepAlive", func(on bool, secs int) {
		x.mu.Lock()
		c := x.c
		x.mu.Unlock()
		if tc, ok := c.(*net.TCPConn); ok {
			_ = tc.SetKeepAlive(on)
			if on && secs > 0 {
				_ = tc.SetKeepAlivePeriod(time.Duration(secs) * time.Second)
			}
		}
	})
	_ = o.Set("sockname", func() sobek.Value {
		x.mu.Lock()
		c := x.c
		x.mu.Unlock()
		if nc, ok := c.(net.Conn); ok {
			return addrInfo(rt, nc.LocalAddr())
		}
		return sobek.Undefined()
	})
	_ = o.Set("peername", func() sobek.Value {
		x.mu.Lock()
		c := x.c
		x.mu.Unlock()
		if nc, ok := c.(net.Conn); ok {
			return addrInfo(rt, nc.RemoteAddr())
		}
		return sobek.Undefined()
	})
	return o
}

// connect(host, port, path, timeoutMs, onEvent) starts a dial and returns
// the handle at once; onEvent('connect') or onEvent('connectError', info)
// follows on the loop.
func (b *binding) connect(hostname string, port int, path string, onEvent sobek.Callable) *sobek.Object {
	x := b.newConn(nil)
	x.onEvent = onEvent
	o := x.object()
	if x.isClosed() {
		return o
	}
	ctx, cancel := context.WithCancel(context.Background())
	x.mu.Lock()
	x.cancel = cancel
	x.mu.Unlock()
	x.connecting = true
	x.update()
	go func() {
		var d net.Dialer
		var nc net.Conn
		var err error
		if path != "" {
			nc, err = d.DialContext(ctx, "unix", path)
		} else {
			nc, err = d.DialContext(ctx, "tcp", net.JoinHostPort(hostname, strconv.Itoa(port)))
		}
		b.h.Post(func() {
			x.connecting = false
			x.mu.Lock()
			closed := x.closed
			if !closed && err == nil {
				x.c = nc
			}
			x.mu.Unlock()
			if closed {
				if nc != nil {
					_ = nc.Close()
				}
				x.update()
				return
			}
			x.update()
			if err != nil {
				addr, p := hostname, port
				var op *net.OpError
				if errors.As(err, &op) && op.Addr != nil {
					if ta, ok := op.Addr.(*net.TCPAddr); ok {
						addr = ta.IP.String()
						if ta.IP.To4() != nil {
							addr = ta.IP.To4().String()
						}
						p = ta.Port
					}
				}
				if path != "" {
					addr, p = path, -1
				}
				x.emit("connectError", b.errInfo(err, "connect", addr, p))
				return
			}
			x.emit("connect")
		})
	}()
	return o
}

type listener struct {
	b      *binding
	ln     net.Listener
	closed bool // loop only
	refd   bool // loop only
}

// listen(host, port, path, onConnection) -> {handle, address, family,
// port} or {error}: listens now; each accepted connection becomes a
// handle passed to onConnection on the loop.
func (b *binding) listen(hostname string, port int, path string, onConnection sobek.Callable) *sobek.Object {
	return b.listenWith(hostname, port, path, nil, onConnection)
}

// ListenWith is the net binding's listen with each accepted connection
// first made into what the handle reads and writes by wrap (on a
// goroutine of its own; a wrap error drops the connection): the https
// server's TLS handshake.
func ListenWith(h *host.Host, hostname string, port int, path string, wrap func(net.Conn) (io.ReadWriteCloser, error), onConnection sobek.Callable) *sobek.Object {
	return bindingOf(h).listenWith(hostname, port, path, wrap, onConnection)
}

func (b *binding) listenWith(hostname string, port int, path string, wrap func(net.Conn) (io.ReadWriteCloser, error), onConnection sobek.Callable) *sobek.Object {
	rt := b.h.Runtime
	out := rt.NewObject()
	var ln net.Listener
	var err error
	if path != "" {
		ln, err = net.Listen("unix", path)
	} else {
		ln, err = net.Listen("tcp", net.JoinHostPort(hostname, strconv.Itoa(port)))
	}
	if err != nil {
		shown, p := hostname, port
		if shown == "" {
			shown = "::"
		}
		if path != "" {
			shown, p = path, -1
		}
		info := b.errInfo(err, "listen", shown, p)
		var dnsErr *net.DNSError
		if !errors.As(err, &dnsErr) {
			// listen EADDRINUSE: address already in use 127.0.0.1:80
			code := info.Get("code").String()
			where := shown
			if p >= 0 {
				where = shown + ":" + strconv.Itoa(p)
			}
			_ = info.Set("message", "listen "+code+": "+describe(code)+" "+where)
		}
		_ = out.Set("error", info)
		return out
	}
	l := &listener{b: b, ln: ln, refd: true}
	b.mu.Lock()
	b.lns[l] = struct{}{}
	b.mu.Unlock()
	b.h.Ref()
	go func() {
		for {
			nc, err := ln.Accept()
			if err != nil {
				var ne net.Error
				if errors.As(err, &ne) && ne.Timeout() {
					continue
				}
				return
			}
			deliver := func(c io.ReadWriteCloser) {
				b.h.Post(func() {
					if l.closed {
						_ = c.Close()
						return
					}
					x := b.newConn(c)
					if _, err := onConnection(sobek.Undefined(), x.object()); err != nil {
						panic(err)
					}
				})
			}
			if wrap == nil {
				deliver(nc)
				continue
			}
			go func() {
				c, err := wrap(nc)
				if err != nil {
					_ = nc.Close()
					return
				}
				deliver(c)
			}()
		}
	}()
	if v, ok := addrInfo(rt, ln.Addr()).(*sobek.Object); ok {
		_ = out.Set("address", v.Get("address"))
		_ = out.Set("family", v.Get("family"))
		_ = out.Set("port", v.Get("port"))
	}
	handle := rt.NewObject()
	_ = handle.Set("close", func() {
		if l.closed {
			return
		}
		l.closed = true
		_ = ln.Close()
		b.mu.Lock()
		delete(b.lns, l)
		b.mu.Unlock()
		if l.refd {
			l.refd = false
			b.h.Unref()
		}
	})
	_ = handle.Set("ref", func() {
		if !l.closed && !l.refd {
			l.refd = true
			b.h.Ref()
		}
	})
	_ = handle.Set("unref", func() {
		if l.refd {
			l.refd = false
			b.h.Unref()
		}
	})
	_ = out.Set("handle", handle)
	return out
}

// describe is libuv's text for a listen error code.
func describe(code string) string {
	switch code {
	case "EADDRINUSE":
		return "address already in use"
	case "EACCES":
		return "permission denied"
	case "EADDRNOTAVAIL":
		return "address not available"
	case "EINVAL":
		return "invalid argument"
	}
	return strings.ToLower(code)
}
