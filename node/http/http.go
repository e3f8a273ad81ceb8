// Package http is Node's `http` builtin for jsvm: createServer, Server,
// IncomingMessage, ServerResponse, STATUS_CODES and METHODS, plus a minimal
// client (request, get). The JavaScript face (http.js) is built on the
// `events` builtin's EventEmitter; the network side is Go's net/http.
//
// Threading: Go's server goroutines never touch the runtime. A request is
// handed to the event loop with Host.Post; the JS handler runs on the loop
// goroutine and queues response operations (head, body chunks, end) that
// the Go handler goroutine, which waits for them, applies to the
// ResponseWriter. A listening server holds a Host.Ref so the process stays
// alive; close() releases it.
package http

import (
	"bytes"
	"context"
	"crypto/tls"
	_ "embed"
	"errors"
	"fmt"
	"io"
	"log"
	"net"
	"net/http"
	"sort"
	"strconv"
	"strings"
	"sync"
	"syscall"

	"github.com/grafana/sobek"
	"github.com/jsvm-dev/jsvm/internal/nodeerr"
	"github.com/jsvm-dev/jsvm/node/events"
	"github.com/jsvm-dev/jsvm/node/host"
	nodenet "github.com/jsvm-dev/jsvm/node/net"
)

//go:embed http.js
var source string

var embedded = &host.Embedded{Name: "node:http", Params: "module, exports, internals, binding, EventEmitter, Readable, require", Source: source}

// Load is the loader of the `http` builtin. It needs the `events` and
// `stream` builtins in the host's registry.
func Load(h *host.Host, module *sobek.Object) error {
	ee, err := h.Require("events")
	if err != nil {
		return fmt.Errorf("http needs the events builtin: %w", err)
	}
	st, err := h.Require("stream")
	if err != nil {
		return fmt.Errorf("http needs the stream builtin: %w", err)
	}
	readable := st.(*sobek.Object).Get("Readable")
	fn, err := embedded.Func(h)
	if err != nil {
		return err
	}
	b := &binding{h: h}
	faces, err := fn(sobek.Undefined(), module, module.Get("exports"), events.Internals(h), b.object(), ee, readable, h.BuiltinRequire())
	if err != nil {
		return err
	}
	// The https and tls builtins are faces of this one implementation:
	// http.js returns their builders, kept per host until https/tls load.
	if o, ok := faces.(*sobek.Object); ok {
		secureFaces.Store(h, o)
		h.OnStop(func() { secureFaces.Delete(h) })
	}
	return nil
}

type binding struct {
	h *host.Host
}

func (b *binding) object() *sobek.Object {
	rt := b.h.Runtime
	o := rt.NewObject()
	_ = o.Set("listen", b.listen)
	_ = o.Set("request", b.request)
	_ = o.Set("checkSecure", func(o *sobek.Object) {
		if _, err := serverTLSConfig(rt, o); err != nil {
			throwTLS(rt, err)
		}
	})
	_ = o.Set("received", func(v sobek.Value) string { return nodeerr.Received(v) })
	return o
}

// listenError is what JS gets when listen fails: Node's code, errno and
// syscall.
func (b *binding) listenError(err error, address string, port int) sobek.Value {
	rt := b.h.Runtime
	code, errno := "EADDRINUSE", -98
	msg := "address already in use"
	var se syscall.Errno
	switch {
	case errors.As(err, &se) && se == syscall.EADDRINUSE:
	case errors.As(err, &se) && se == syscall.EACCES:
		code, errno, msg = "EACCES", -13, "permission denied"
	case errors.As(err, &se) && se == syscall.EADDRNOTAVAIL:
		code, errno, msg = "EADDRNOTAVAIL", -99, "address not available"
	default:
		var dnsErr *net.DNSError
		if errors.As(err, &dnsErr) {
			code, errno, msg = "ENOTFOUND", -3008, "getaddrinfo ENOTFOUND "+address
			o := rt.NewObject()
			_ = o.Set("code", code)
			_ = o.Set("errno", errno)
			_ = o.Set("syscall", "getaddrinfo")
			_ = o.Set("hostname", address)
			_ = o.Set("message", msg)
			return o
		}
		code, errno, msg = "EINVAL", -22, err.Error()
	}
	o := rt.NewObject()
	_ = o.Set("code", code)
	_ = o.Set("errno", errno)
	_ = o.Set("syscall", "listen")
	_ = o.Set("address", address)
	_ = o.Set("port", port)
	_ = o.Set("message", fmt.Sprintf("listen %s: %s %s:%d", code, msg, address, port))
	return o
}

// listen(port, host, onRequest, secure) -> {handle} or {error}. host ""
// listens on every address (reported as "::"). secure (an https server's
// {key, cert, ...} options, or undefined) serves TLS.
//
// onUpgrade (optional) answers a request that asks for an upgrade (an
// Upgrade header with Connection: upgrade) or a CONNECT:
// onUpgrade('check', method) says whether the server has a listener for
// it ('upgrade' or 'connect'); if so the connection is taken from Go's
// server and onUpgrade('socket', info, handle, head) gets it as a net
// socket handle with the bytes already read past the request head.
func (b *binding) listen(port int, hostname string, onRequest sobek.Callable, secure sobek.Value, onUpgrade sobek.Value) *sobek.Object {
	rt := b.h.Runtime
	out := rt.NewObject()
	var tlsConf *tls.Config
	if o, ok := secure.(*sobek.Object); ok {
		conf, err := serverTLSConfig(rt, o)
		if err != nil {
			throwTLS(rt, err)
		}
		tlsConf = conf
	}
	addr := net.JoinHostPort(hostname, strconv.Itoa(port))
	ln, err := net.Listen("tcp", addr)
	if err != nil {
		shown := hostname
		if shown == "" {
			shown = "::"
		}
		_ = out.Set("error", b.listenError(err, shown, port))
		return out
	}
	s := &server{h: b.h, onRequest: onRequest, ln: ln, done: make(chan struct{})}
	s.onUpgrade, _ = sobek.AssertFunction(onUpgrade)
	// ErrorLog discards: Go logs failed handshakes to stderr, Node's
	// server emits 'tlsClientError' and prints nothing.
	s.srv = &http.Server{Handler: s, ErrorLog: log.New(io.Discard, "", 0)}
	b.h.Ref()
	s.refd = true
	tcp := ln.Addr().(*net.TCPAddr)
	if tlsConf != nil {
		ln = tls.NewListener(ln, tlsConf)
	}
	go func() { _ = s.srv.Serve(ln) }()

	address, family := tcp.IP.String(), "IPv4"
	if hostname == "" || tcp.IP.To4() == nil {
		family = "IPv6"
	}
	if hostname == "" {
		address = "::"
	}
	_ = out.Set("address", address)
	_ = out.Set("family", family)
	_ = out.Set("port", tcp.Port)
	handle := rt.NewObject()
	_ = handle.Set("close", s.close)
	_ = handle.Set("closeAll", s.closeAll)
	_ = handle.Set("ref", s.ref)
	_ = handle.Set("unref", s.unref)
	_ = out.Set("handle", handle)
	return out
}

type server struct {
	h         *host.Host
	onRequest sobek.Callable
	onUpgrade sobek.Callable
	ln        net.Listener
	srv       *http.Server
	done      chan struct{} // closed when the server is closed for good
	closing   bool          // loop goroutine only
	refd      bool          // loop goroutine only
	unrefd    bool          // loop goroutine only: server.unref() called
}

// ref/unref: server.ref()/unref() (the listening server keeps the process
// alive unless unref'd).
func (s *server) ref() {
	if s.unrefd && !s.closing {
		s.unrefd = false
		s.refd = true
		s.h.Ref()
	}
}

func (s *server) unref() {
	if !s.unrefd && s.refd {
		s.unrefd = true
		s.refd = false
		s.h.Unref()
	}
}

// close stops listening; done() is called on the loop once every request
// in flight has finished.
func (s *server) close(done sobek.Callable) {
	if s.closing {
		return
	}
	s.closing = true
	s.h.Ref() // until done runs
	// The listener closes now: Shutdown closes only the listeners Serve
	// has taken up, and Serve's goroutine may not have started yet (a
	// connect in between was accepted by the kernel, then reset).
	_ = s.ln.Close()
	go func() {
		_ = s.srv.Shutdown(context.Background())
		close(s.done)
		s.h.Post(func() {
			if s.refd {
				s.refd = false
				s.h.Unref()
			}
			s.h.Unref()
			if done != nil {
				if _, err := done(sobek.Undefined()); err != nil {
					panic(err)
				}
			}
		})
	}()
}

// closeAll drops every connection at once (server.closeAllConnections).
func (s *server) closeAll() {
	go func() { _ = s.srv.Close() }()
}

// op is one response operation queued by JS for the handler goroutine.
type op struct {
	kind    byte // 'h' head, 'w' write, 'e' end, 'd' drop the connection
	status  int
	headers [][2]string
	data    []byte
}

// exchange is one request/response pair.
type exchange struct {
	mu     sync.Mutex
	ops    []op
	notify chan struct{}
	req    *sobek.Object // JS IncomingMessage sink (loop goroutine only)
	res    *sobek.Object // JS response side (loop goroutine only)
}

func (x *exchange) queue(o op) {
	x.mu.Lock()
	x.ops = append(x.ops, o)
	x.mu.Unlock()
	select {
	case x.notify <- struct{}{}:
	default:
	}
}

func (x *exchange) take() []op {
	x.mu.Lock()
	defer x.mu.Unlock()
	ops := x.ops
	x.ops = nil
	return ops
}

// callMethod calls obj[name](args...) on the loop goroutine, turning a JS
// throw into an uncaught exception of the host.
func callMethod(obj *sobek.Object, name string, args ...sobek.Value) {
	if obj == nil {
		return
	}
	fn, ok := sobek.AssertFunction(obj.Get(name))
	if !ok {
		return
	}
	if _, err := fn(obj, args...); err != nil {
		panic(err)
	}
}

func (s *server) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	h := s.h
	h.Ref()
	defer h.Unref()
	if s.onUpgrade != nil && wantsUpgrade(r) && s.upgrade(w, r) {
		return
	}
	x := &exchange{notify: make(chan struct{}, 1)}
	h.Post(func() { s.dispatch(x, r) })

	// The body, chunk by chunk, then its end.
	buf := make([]byte, 64<<10)
	for {
		n, err := r.Body.Read(buf)
		if n > 0 {
			chunk := bytes.Clone(buf[:n])
			h.Post(func() {
				callMethod(x.req, "push", h.Runtime.ToValue(h.Runtime.NewArrayBuffer(chunk)))
			})
		}
		if err != nil {
			break
		}
	}
	h.Post(func() { callMethod(x.req, "push", sobek.Null()) })

	flusher, _ := w.(http.Flusher)
	for {
		for _, o := range x.take() {
			switch o.kind {
			case 'h':
				hd := w.Header()
				for _, kv := range o.headers {
					hd.Add(kv[0], kv[1])
				}
				if r.Method == http.MethodHead || o.status == 204 || o.status == 304 {
					hd.Del("Transfer-Encoding")
				}
				w.WriteHeader(o.status)
			case 'w':
				if len(o.data) > 0 {
					_, _ = w.Write(o.data)
					if flusher != nil {
						flusher.Flush()
					}
				}
			case 'e':
				if len(o.data) > 0 {
					_, _ = w.Write(o.data)
				}
				h.Post(func() { callMethod(x.res, "_finished") })
				return
			case 'd':
				// socket.destroy(): net/http closes the connection
				// without finishing the response.
				h.Post(func() {
					callMethod(x.req, "_aborted")
					callMethod(x.res, "_aborted")
				})
				panic(http.ErrAbortHandler)
			}
		}
		select {
		case <-x.notify:
		case <-r.Context().Done():
			h.Post(func() {
				callMethod(x.req, "_aborted")
				callMethod(x.res, "_aborted")
			})
			return
		case <-s.done:
			return
		}
	}
}

// wantsUpgrade reports whether r asks for a protocol upgrade or is a
// CONNECT, as Node's parser decides req.upgrade.
func wantsUpgrade(r *http.Request) bool {
	if r.Method == http.MethodConnect {
		return true
	}
	if r.Header.Get("Upgrade") == "" {
		return false
	}
	for _, v := range r.Header.Values("Connection") {
		for _, t := range strings.Split(v, ",") {
			if strings.EqualFold(strings.TrimSpace(t), "upgrade") {
				return true
			}
		}
	}
	return false
}

// upgrade asks JS whether the server listens for r's upgrade; if so it
// hijacks the connection and hands it over as a net socket handle, and
// reports true. Otherwise r is served as an ordinary request.
func (s *server) upgrade(w http.ResponseWriter, r *http.Request) bool {
	h := s.h
	ans := make(chan bool, 1)
	h.Post(func() {
		v, err := s.onUpgrade(sobek.Undefined(), h.Runtime.ToValue("check"), h.Runtime.ToValue(r.Method))
		ans <- err == nil && v.ToBoolean()
		if err != nil {
			panic(err)
		}
	})
	select {
	case ok := <-ans:
		if !ok {
			return false
		}
	case <-s.done:
		return true
	case <-r.Context().Done():
		return true
	}
	hj, ok := w.(http.Hijacker)
	if !ok {
		return false
	}
	nc, brw, err := hj.Hijack()
	if err != nil {
		return false
	}
	var head []byte
	if n := brw.Reader.Buffered(); n > 0 {
		p, _ := brw.Reader.Peek(n)
		head = bytes.Clone(p)
	}
	h.Post(func() {
		info := s.requestInfo(r)
		handle := nodenet.NewHandle(h, nc)
		if _, err := s.onUpgrade(sobek.Undefined(), h.Runtime.ToValue("socket"), info, handle,
			h.Runtime.ToValue(h.Runtime.NewArrayBuffer(head))); err != nil {
			panic(err)
		}
	})
	return true
}

// requestInfo is what IncomingMessage is built from.
func (s *server) requestInfo(r *http.Request) *sobek.Object {
	rt := s.h.Runtime
	info := rt.NewObject()
	_ = info.Set("method", r.Method)
	_ = info.Set("url", r.RequestURI)
	_ = info.Set("httpVersionMajor", r.ProtoMajor)
	_ = info.Set("httpVersionMinor", r.ProtoMinor)
	_ = info.Set("rawHeaders", rawHeaders(r))
	_ = info.Set("encrypted", r.TLS != nil)
	if host, port, err := net.SplitHostPort(r.RemoteAddr); err == nil {
		_ = info.Set("remoteAddress", host)
		p, _ := strconv.Atoi(port)
		_ = info.Set("remotePort", p)
		if strings.Contains(host, ":") {
			_ = info.Set("remoteFamily", "IPv6")
		} else {
			_ = info.Set("remoteFamily", "IPv4")
		}
	}
	if local, ok := r.Context().Value(http.LocalAddrContextKey).(net.Addr); ok {
		if host, port, err := net.SplitHostPort(local.String()); err == nil {
			_ = info.Set("localAddress", host)
			p, _ := strconv.Atoi(port)
			_ = info.Set("localPort", p)
		}
	}
	return info
}

// dispatch runs on the loop: it builds the request info and the response
// handle and calls the JS request listener.
func (s *server) dispatch(x *exchange, r *http.Request) {
	rt := s.h.Runtime
	info := s.requestInfo(r)
	handle := rt.NewObject()
	_ = handle.Set("head", func(status int, flat []string) {
		o := op{kind: 'h', status: status}
		for i := 0; i+1 < len(flat); i += 2 {
			o.headers = append(o.headers, [2]string{flat[i], flat[i+1]})
		}
		x.queue(o)
	})
	_ = handle.Set("write", func(chunk sobek.Value) {
		x.queue(op{kind: 'w', data: toBytes(rt, chunk)})
	})
	_ = handle.Set("end", func(chunk sobek.Value) {
		x.queue(op{kind: 'e', data: toBytes(rt, chunk)})
	})
	_ = handle.Set("destroy", func() { x.queue(op{kind: 'd'}) })
	v, err := s.onRequest(sobek.Undefined(), info, handle)
	if err != nil {
		panic(err)
	}
	pair, _ := v.(*sobek.Object)
	if pair != nil {
		x.req, _ = pair.Get("req").(*sobek.Object)
		x.res, _ = pair.Get("res").(*sobek.Object)
	}
	callMethod(pair, "emit")
}

// rawHeaders lists the request's headers as Node's rawHeaders does: name,
// value, name, value..., with Host first as a client sends it.
func rawHeaders(r *http.Request) []string {
	var out []string
	if r.Host != "" {
		out = append(out, "Host", r.Host)
	}
	return appendHeaders(out, r.Header)
}

// appendHeaders appends h's fields as name, value pairs, names sorted (Go
// keeps no order).
func appendHeaders(out []string, h http.Header) []string {
	names := make([]string, 0, len(h))
	for name := range h {
		names = append(names, name)
	}
	sort.Strings(names)
	for _, name := range names {
		for _, v := range h[name] {
			out = append(out, name, v)
		}
	}
	return out
}

// toBytes copies a string or ArrayBuffer view (Buffer, Uint8Array,
// DataView) into Go bytes; undefined and null give none.
func toBytes(rt *sobek.Runtime, v sobek.Value) []byte {
	if v == nil || sobek.IsUndefined(v) || sobek.IsNull(v) {
		return nil
	}
	if s, ok := v.Export().(string); ok {
		return []byte(s)
	}
	var b []byte
	if err := rt.ExportTo(v, &b); err == nil {
		return bytes.Clone(b)
	}
	return []byte(v.String())
}

// request(options, onResponse, onError, onData) performs a client
// request on a goroutine: options {method, url, headers: flat [name,
// value...], body}. On the loop, onResponse(info) runs once the head is
// in, then onData(chunk ArrayBuffer) for each piece of the body as it
// arrives and onData(null) at its end; onError(message, code) for a
// request that failed, before or during the body. A 101's connection is
// handed over as onResponse(info, null, handle). It returns {cancel}:
// cancel() drops the request or its connection (req.destroy()).
func (b *binding) request(opts *sobek.Object, onResponse, onError, onData sobek.Callable) *sobek.Object {
	h := b.h
	rt := h.Runtime
	method := opts.Get("method").String()
	url := opts.Get("url").String()
	var flat []string
	_ = rt.ExportTo(opts.Get("headers"), &flat)
	body := toBytes(rt, opts.Get("body"))
	client := plainClient
	if o, ok := opts.Get("tls").(*sobek.Object); ok {
		conf, err := clientTLSConfig(rt, o)
		if err != nil {
			throwTLS(rt, err)
		}
		// A client of its own per request: the TLS settings are the
		// request's (Node's agent keys its sockets by them too).
		client = &http.Client{Transport: &http.Transport{
			TLSClientConfig:    conf,
			DisableKeepAlives:  true,
			DisableCompression: true,
			Proxy:              nil,
		}, CheckRedirect: noRedirects}
	}
	ctx, cancel := context.WithCancel(context.Background())
	handle := rt.NewObject()
	_ = handle.Set("cancel", func() { cancel() })
	call := func(fn sobek.Callable, args ...sobek.Value) {
		if _, err := fn(sobek.Undefined(), args...); err != nil {
			panic(err)
		}
	}
	req, err := http.NewRequestWithContext(ctx, method, url, bytes.NewReader(body))
	if err != nil {
		cancel()
		msg := err.Error()
		h.Ref()
		h.Post(func() {
			defer h.Unref()
			call(onError, rt.ToValue(msg), rt.ToValue("ERR_INVALID_URL"))
		})
		return handle
	}
	if len(body) == 0 {
		req.Body = http.NoBody
	}
	for i := 0; i+1 < len(flat); i += 2 {
		if strings.EqualFold(flat[i], "host") {
			req.Host = flat[i+1]
			continue
		}
		req.Header.Add(flat[i], flat[i+1])
	}
	if _, ok := req.Header["User-Agent"]; !ok {
		req.Header["User-Agent"] = nil // Node sends none; Go would add its own
	}
	fail := func(err error) {
		msg, code := clientError(err)
		h.Post(func() { call(onError, rt.ToValue(msg), rt.ToValue(code)) })
	}
	h.Ref()
	go func() {
		defer h.Post(func() { h.Unref() })
		resp, err := client.Do(req)
		if err != nil {
			cancel()
			fail(err)
			return
		}
		// The head, made into a JS object on the loop.
		info := func() *sobek.Object {
			info := rt.NewObject()
			_ = info.Set("statusCode", resp.StatusCode)
			_ = info.Set("statusMessage", strings.TrimSpace(strings.TrimPrefix(resp.Status, strconv.Itoa(resp.StatusCode))))
			_ = info.Set("httpVersionMajor", resp.ProtoMajor)
			_ = info.Set("httpVersionMinor", resp.ProtoMinor)
			_ = info.Set("rawHeaders", appendHeaders(nil, resp.Header))
			return info
		}
		if rwc, ok := resp.Body.(io.ReadWriteCloser); ok && resp.StatusCode == http.StatusSwitchingProtocols {
			// the connection, now the caller's
			h.Post(func() { call(onResponse, info(), sobek.Null(), nodenet.NewHandle(h, rwc)) })
			return
		}
		defer cancel() // after a 101 the connection outlives the request
		defer resp.Body.Close()
		h.Post(func() { call(onResponse, info()) })
		buf := make([]byte, 64<<10)
		for {
			n, err := resp.Body.Read(buf)
			if n > 0 {
				chunk := bytes.Clone(buf[:n])
				h.Post(func() { call(onData, rt.ToValue(rt.NewArrayBuffer(chunk))) })
			}
			if err == io.EOF {
				h.Post(func() { call(onData, sobek.Null()) })
				return
			}
			if err != nil {
				fail(err)
				return
			}
		}
	}()
	return handle
}
