// Package http is Node's `http` builtin for jsvm: createServer, Server,
// IncomingMessage, ServerResponse, STATUS_CODES and METHODS, plus a
// client (request, get). The server is Node's, in JavaScript (http.js): a
// net.Server whose connections an HTTP/1 parser reads, responses written
// back as HTTP/1.1 bytes; an https server is the same over TLS
// connections made here (listenTLS). The client is Go's net/http.
//
// Threading: Go goroutines never touch the runtime; what they learn is
// handed to the event loop with Host.Post.
package http

import (
	"bytes"
	"context"
	"crypto/tls"
	_ "embed"

	"fmt"
	"io"

	"net"
	"net/http"
	"sort"
	"strconv"
	"strings"
	"sync/atomic"

	"time"

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
	_ = o.Set("listenTLS", b.listenTLS)
	_ = o.Set("request", b.request)
	_ = o.Set("checkSecure", func(o *sobek.Object) {
		if _, err := serverTLSConfig(rt, o); err != nil {
			throwTLS(rt, err)
		}
	})
	_ = o.Set("received", func(v sobek.Value) string { return nodeerr.Received(v) })
	return o
}

// listenTLS(host, port, path, secure, onConnection) is the net
// binding's listen for an https server: each connection is a TLS server
// connection over the accepted one, handed over once its handshake is
// done (a failed handshake drops it, as Go's server did: no
// 'tlsClientError').
func (b *binding) listenTLS(hostname string, port int, path string, secure *sobek.Object, onConnection sobek.Callable) *sobek.Object {
	rt := b.h.Runtime
	conf, err := serverTLSConfig(rt, secure)
	if err != nil {
		throwTLS(rt, err)
	}
	return nodenet.ListenWith(b.h, hostname, port, path, func(c net.Conn) (io.ReadWriteCloser, error) {
		tc := tls.Server(c, conf)
		_ = c.SetDeadline(time.Now().Add(120 * time.Second)) // Node's handshakeTimeout
		if err := tc.Handshake(); err != nil {
			return nil, err
		}
		_ = c.SetDeadline(time.Time{})
		return tc, nil
	}, onConnection)
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
	// Flow control of the body: pause() (the response's buffer is full)
	// stops the reader before its next read, resume() (the response
	// wants data) lets it go on; at most a few chunks are posted and not
	// yet delivered, so a slow reader bounds what is held in memory.
	var paused atomic.Bool
	resumed := make(chan struct{}, 1)
	tokens := make(chan struct{}, 4)
	_ = handle.Set("pause", func() { paused.Store(true) })
	_ = handle.Set("resume", func() {
		if paused.Swap(false) {
			select {
			case resumed <- struct{}{}:
			default:
			}
		}
	})
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
			for paused.Load() {
				select {
				case <-resumed:
				case <-ctx.Done():
					return
				}
			}
			select {
			case tokens <- struct{}{}:
			case <-ctx.Done():
				return
			}
			n, err := resp.Body.Read(buf)
			if n > 0 {
				chunk := bytes.Clone(buf[:n])
				h.Post(func() {
					<-tokens
					call(onData, rt.ToValue(rt.NewArrayBuffer(chunk)))
				})
			} else {
				<-tokens
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
