// Package builtins assembles the registry of builtin modules the jsvm
// command offers (require('vm'), require('util'), ...), so that Go programs
// embedding node/host can reuse it.
package builtins

import (
	"github.com/grafana/sobek"
	"github.com/jsvm-dev/jsvm/node/assert"
	"github.com/jsvm-dev/jsvm/node/async_hooks"
	"github.com/jsvm-dev/jsvm/node/buffer"
	"github.com/jsvm-dev/jsvm/node/child_process"
	"github.com/jsvm-dev/jsvm/node/console"
	"github.com/jsvm-dev/jsvm/node/crypto"
	"github.com/jsvm-dev/jsvm/node/diagnostics_channel"
	"github.com/jsvm-dev/jsvm/node/dns"
	"github.com/jsvm-dev/jsvm/node/events"
	"github.com/jsvm-dev/jsvm/node/fetch"
	"github.com/jsvm-dev/jsvm/node/fs"
	"github.com/jsvm-dev/jsvm/node/host"
	"github.com/jsvm-dev/jsvm/node/http"
	"github.com/jsvm-dev/jsvm/node/http2"
	nodenet "github.com/jsvm-dev/jsvm/node/net"
	nodeos "github.com/jsvm-dev/jsvm/node/os"
	"github.com/jsvm-dev/jsvm/node/path"
	"github.com/jsvm-dev/jsvm/node/perf_hooks"
	"github.com/jsvm-dev/jsvm/node/punycode"
	"github.com/jsvm-dev/jsvm/node/querystring"
	"github.com/jsvm-dev/jsvm/node/readline"
	"github.com/jsvm-dev/jsvm/node/sandbox"
	"github.com/jsvm-dev/jsvm/node/stream"
	"github.com/jsvm-dev/jsvm/node/string_decoder"
	"github.com/jsvm-dev/jsvm/node/test"
	"github.com/jsvm-dev/jsvm/node/timers_promises"
	"github.com/jsvm-dev/jsvm/node/tty"
	"github.com/jsvm-dev/jsvm/node/url"
	"github.com/jsvm-dev/jsvm/node/util"
	"github.com/jsvm-dev/jsvm/node/v8"
	"github.com/jsvm-dev/jsvm/node/vm"
	"github.com/jsvm-dev/jsvm/node/worker_threads"
	"github.com/jsvm-dev/jsvm/node/zlib"
)

// DefaultRegistry returns a registry with every builtin module jsvm has.
func DefaultRegistry() *host.Registry {
	r := host.NewRegistry()
	r.Register("assert", assert.Load)
	r.Register("async_hooks", async_hooks.Load)
	r.Register("perf_hooks", perf_hooks.Load)
	r.Register("punycode", punycode.Load)
	r.Register("querystring", querystring.Load)
	r.Register("readline", readline.Load)
	r.Register("readline/promises", readline.LoadPromises)
	r.Register("timers/promises", timers_promises.Load)
	r.Register("tty", tty.Load)
	r.Register("util/types", func(h *host.Host, m *sobek.Object) error {
		u, err := h.Require("util")
		if err != nil {
			return err
		}
		return m.Set("exports", u.(*sobek.Object).Get("types"))
	})
	r.Register("assert/strict", assert.LoadStrict)
	r.Register("buffer", buffer.Load)
	r.Register("child_process", child_process.Load)
	r.Register("console", console.Load)
	r.Register("constants", loadConstants)
	r.Register("crypto", crypto.Load)
	r.Register("diagnostics_channel", diagnostics_channel.Load)
	r.Register("dns", dns.Load)
	r.Register("dns/promises", host.ExportsOf("dns", "promises"))
	r.Register("events", events.Load)
	r.Register("fs", fs.Load)
	r.Register("fs/promises", fs.LoadPromises)
	r.Register("http", http.Load)
	r.Register("http2", http2.Load)
	r.Register("https", http.LoadHTTPS)
	r.Register("tls", http.LoadTLS)
	r.Register("net", nodenet.Load)
	r.Register("os", nodeos.Load)
	r.Register("path", path.Load)
	r.Register("path/posix", path.LoadPosix)
	r.Register("path/win32", path.LoadWin32)
	r.Register("process", func(h *host.Host, m *sobek.Object) error { return m.Set("exports", h.Process()) })
	r.Register("stream", stream.Load)
	r.Register("stream/promises", stream.LoadPromises)
	r.Register("stream/consumers", stream.LoadConsumers)
	r.Register("stream/web", stream.LoadWeb)
	r.Register("string_decoder", string_decoder.Load)
	r.Register("sys", loadSys)
	r.Register("test", test.Load)
	r.Register("timers", func(h *host.Host, m *sobek.Object) error { return m.Set("exports", h.Timers()) })
	r.Register("url", url.Load)
	r.Register("util", util.Load)
	r.Register("v8", v8.Load)
	r.Register("vm", vm.Load)
	r.Register("worker_threads", worker_threads.Load)
	r.Register("zlib", zlib.Load)
	r.Register("jsvm:sandbox", sandbox.Load)
	r.Register("jsvm:fetch", fetch.Load)
	return r
}

// loadConstants is the deprecated `constants` builtin (graceful-fs and
// other old packages still require it): as Node's, a frozen merge of
// os.constants' dlopen, errno, priority and signals, fs.constants and
// crypto.constants.
func loadConstants(h *host.Host, module *sobek.Object) error {
	rt := h.Runtime
	out := rt.NewObject()
	merge := func(src sobek.Value) {
		o, ok := src.(*sobek.Object)
		if !ok {
			return
		}
		for _, k := range o.Keys() {
			_ = out.Set(k, o.Get(k))
		}
	}
	osm, err := h.Require("os")
	if err != nil {
		return err
	}
	if c, ok := osm.(*sobek.Object).Get("constants").(*sobek.Object); ok {
		for _, part := range []string{"dlopen", "errno", "priority", "signals"} {
			merge(c.Get(part))
		}
	}
	for _, name := range []string{"fs", "crypto"} {
		m, err := h.Require(name)
		if err != nil {
			return err
		}
		merge(m.(*sobek.Object).Get("constants"))
	}
	freeze, _ := sobek.AssertFunction(h.Intrinsic("Object.freeze"))
	if _, err := freeze(sobek.Undefined(), out); err != nil {
		return err
	}
	return module.Set("exports", out)
}

// loadSys is the deprecated `sys` builtin: util itself, with Node's DEP0025
// warning.
func loadSys(h *host.Host, module *sobek.Object) error {
	u, err := h.Require("util")
	if err != nil {
		return err
	}
	if p := h.Process(); p != nil {
		if warn, ok := sobek.AssertFunction(p.Get("emitWarning")); ok {
			rt := h.Runtime
			if _, err := warn(p, rt.ToValue("sys is deprecated. Use util instead."), rt.ToValue("DeprecationWarning"), rt.ToValue("DEP0025")); err != nil {
				return err
			}
		}
	}
	return module.Set("exports", u)
}
