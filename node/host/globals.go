package host

import (
	"errors"
	"math"
	"reflect"
	"strings"

	"github.com/grafana/sobek"
	"github.com/jsvm-dev/jsvm/internal/nodeerr"
	"github.com/jsvm-dev/jsvm/internal/sandbox"
)

// LazyGlobal describes a global that comes from a builtin module: reading
// globalThis[Global] requires Module and returns its Property (the whole
// exports when Property is ""). It is installed only when Module is
// registered, as an accessor that replaces itself on first use.
type LazyGlobal struct {
	Global, Module, Property string
}

// LazyGlobals is the table of globals installed from builtins.
var LazyGlobals = []LazyGlobal{
	{"console", "console", ""},
	{"Buffer", "buffer", "Buffer"},
	{"atob", "buffer", "atob"},
	{"btoa", "buffer", "btoa"},
	{"Blob", "buffer", "Blob"},
	{"File", "buffer", "File"},
	{"URL", "url", "URL"},
	{"URLSearchParams", "url", "URLSearchParams"},
	{"TextEncoder", "util", "TextEncoder"},
	{"TextDecoder", "util", "TextDecoder"},
	{"EventTarget", "events", "EventTarget"},
	{"Event", "events", "Event"},
	{"AbortController", "events", "AbortController"},
	{"AbortSignal", "events", "AbortSignal"},
	{"CustomEvent", "events", "CustomEvent"},
	{"DOMException", "events", "DOMException"},
	{"MessageChannel", "worker_threads", "MessageChannel"},
	{"MessagePort", "worker_threads", "MessagePort"},
	{"BroadcastChannel", "worker_threads", "BroadcastChannel"},
	{"crypto", "crypto", "webcrypto"},
	{"performance", "perf_hooks", "performance"},
	{"PerformanceObserver", "perf_hooks", "PerformanceObserver"},
	{"PerformanceEntry", "perf_hooks", "PerformanceEntry"},
	{"PerformanceMark", "perf_hooks", "PerformanceMark"},
	{"PerformanceMeasure", "perf_hooks", "PerformanceMeasure"},
	{"fetch", "jsvm:fetch", "fetch"},
	{"Headers", "jsvm:fetch", "Headers"},
	{"Request", "jsvm:fetch", "Request"},
	{"Response", "jsvm:fetch", "Response"},
	{"FormData", "jsvm:fetch", "FormData"},
	{"ReadableStream", "stream/web", "ReadableStream"},
	{"ReadableStreamDefaultReader", "stream/web", "ReadableStreamDefaultReader"},
	{"ReadableStreamBYOBReader", "stream/web", "ReadableStreamBYOBReader"},
	{"ReadableStreamBYOBRequest", "stream/web", "ReadableStreamBYOBRequest"},
	{"ReadableByteStreamController", "stream/web", "ReadableByteStreamController"},
	{"ReadableStreamDefaultController", "stream/web", "ReadableStreamDefaultController"},
	{"TransformStream", "stream/web", "TransformStream"},
	{"TransformStreamDefaultController", "stream/web", "TransformStreamDefaultController"},
	{"WritableStream", "stream/web", "WritableStream"},
	{"WritableStreamDefaultWriter", "stream/web", "WritableStreamDefaultWriter"},
	{"WritableStreamDefaultController", "stream/web", "WritableStreamDefaultController"},
	{"ByteLengthQueuingStrategy", "stream/web", "ByteLengthQueuingStrategy"},
	{"CountQueuingStrategy", "stream/web", "CountQueuingStrategy"},
	{"TextEncoderStream", "stream/web", "TextEncoderStream"},
	{"TextDecoderStream", "stream/web", "TextDecoderStream"},
	{"CompressionStream", "stream/web", "CompressionStream"},
	{"DecompressionStream", "stream/web", "DecompressionStream"},
}

func (h *Host) installGlobals() error {
	rt := h.Runtime
	g := rt.GlobalObject()
	define := func(name string, v any) {
		_ = g.DefineDataProperty(name, rt.ToValue(v), sobek.FLAG_TRUE, sobek.FLAG_FALSE, sobek.FLAG_TRUE)
	}
	define("global", g)
	if err := h.installErrorStacks(); err != nil {
		return err
	}
	if err := installNodeSymbols(rt); err != nil {
		return err
	}
	define("process", h.newProcess())
	h.installTimers(define)
	for _, lg := range LazyGlobals {
		if lg.Module == "" {
			continue
		}
		if _, ok := h.Options.Registry.Lookup(lg.Module); !ok {
			if lg.Global == "console" {
				define("console", h.fallbackConsole())
			}
			continue
		}
		h.lazyGlobal(g, lg)
	}
	if h.Options.ExposeGC {
		define("gc", func(sobek.FunctionCall) sobek.Value {
			h.Isolate.CollectGarbage() // and lets FinalizationRegistry callbacks be queued
			return sobek.Undefined()
		})
	}
	define("structuredClone", h.structuredClone)
	h.initCJS()
	return nil
}

func (h *Host) lazyGlobal(g *sobek.Object, lg LazyGlobal) {
	rt := h.Runtime
	name := lg.Global
	replace := func(v sobek.Value) {
		_ = g.DefineDataProperty(name, v, sobek.FLAG_TRUE, sobek.FLAG_FALSE, sobek.FLAG_TRUE)
	}
	getter := rt.ToValue(func(c sobek.FunctionCall) sobek.Value {
		exp, err := h.requireBuiltin(lg.Module)
		if err != nil {
			panic(err)
		}
		v := exp
		if lg.Property != "" {
			v = exp.(*sobek.Object).Get(lg.Property)
			if v == nil || sobek.IsUndefined(v) {
				// the builtin does not provide it, or not yet: it is
				// still loading (events.js asks typeof DOMException
				// while it loads); the accessor stays for a later read
				return sobek.Undefined()
			}
		}
		replace(v)
		return v
	})
	setter := rt.ToValue(func(c sobek.FunctionCall) sobek.Value {
		replace(c.Argument(0))
		return sobek.Undefined()
	})
	_ = g.DefineAccessorProperty(name, getter, setter, sobek.FLAG_TRUE, sobek.FLAG_FALSE)
}

// fallbackConsole is a minimal console used when no console builtin is
// registered.
func (h *Host) fallbackConsole() *sobek.Object {
	rt := h.Runtime
	c := rt.NewObject()
	format := func(args []sobek.Value) string {
		parts := make([]string, len(args))
		for i, a := range args {
			if s, ok := a.Export().(string); ok {
				parts[i] = s
			} else {
				parts[i] = h.inspectPlain(a)
			}
		}
		return strings.Join(parts, " ") + "\n"
	}
	out := func(c sobek.FunctionCall) sobek.Value { h.writeOut(format(c.Arguments)); return sobek.Undefined() }
	errf := func(c sobek.FunctionCall) sobek.Value { h.writeErr(format(c.Arguments)); return sobek.Undefined() }
	for _, n := range []string{"log", "info", "debug"} {
		_ = c.Set(n, out)
	}
	for _, n := range []string{"error", "warn", "trace"} {
		_ = c.Set(n, errf)
	}
	return c
}

// structuredClone is the HTML structured clone over the copy codec of
// internal/sandbox, in its postMessage form (the one worker_threads uses):
// the value is encoded into the copy graph (options.transfer's
// ArrayBuffers move and are detached) and decoded as fresh values of the
// main context.
func (h *Host) structuredClone(c sobek.FunctionCall) sobek.Value {
	rt := h.Runtime
	if len(c.Arguments) == 0 {
		panic(nodeerr.New(rt, "TypeError", "ERR_MISSING_ARGS", "The value argument must be specified"))
	}
	v := c.Argument(0)
	var transfer []*sobek.Object
	if opts := c.Argument(1); !sobek.IsUndefined(opts) {
		o, ok := opts.(*sobek.Object)
		if !ok || sobek.IsNull(opts) {
			panic(nodeerr.New(rt, "TypeError", "ERR_INVALID_ARG_TYPE", "The options argument must be either an object or undefined"))
		}
		if t := o.Get("transfer"); t != nil && !sobek.IsUndefined(t) {
			transfer = h.transferList(t)
		}
	}
	if _, ok := v.(*sobek.Object); !ok && len(transfer) == 0 {
		if _, sym := v.(*sobek.Symbol); !sym {
			return v
		}
	}
	if h.cloneRealm == nil {
		r, err := sandbox.NewRealm(rt)
		if err != nil {
			panic(err)
		}
		h.cloneRealm = r
	}
	g, err := h.cloneRealm.EncodeMessage(v, sandbox.MessageOptions{Transfer: transfer})
	if err == nil {
		var out sobek.Value
		if out, err = h.cloneRealm.DecodeMessage(g, nil); err == nil {
			return out
		}
	}
	var dce *sandbox.DataCloneError
	if errors.As(err, &dce) {
		panic(h.dataCloneError(dce.Message))
	}
	var ne *sandbox.NestingError
	if errors.As(err, &ne) {
		v, _ := rt.New(rt.Get("RangeError"), rt.ToValue(ne.Error()))
		panic(v)
	}
	if ex, ok := err.(*sobek.Exception); ok {
		panic(ex)
	}
	panic(err)
}

// transferList reads structuredClone's options.transfer: ArrayBuffers
// only (a MessagePort moves with worker_threads' postMessage).
func (h *Host) transferList(t sobek.Value) []*sobek.Object {
	rt := h.Runtime
	o, ok := t.(*sobek.Object)
	if !ok {
		panic(nodeerr.New(rt, "TypeError", "ERR_INVALID_ARG_TYPE", "Optional transferList argument must be an iterable"))
	}
	if it, ok := sobek.AssertFunction(o.GetSymbol(sobek.SymIterator)); !ok || it == nil {
		panic(nodeerr.New(rt, "TypeError", "ERR_INVALID_ARG_TYPE", "Optional transferList argument must be an iterable"))
	}
	var out []*sobek.Object
	rt.ForOf(o, func(item sobek.Value) bool {
		io, ok := item.(*sobek.Object)
		if !ok || io.ExportType() != reflect.TypeOf(sobek.ArrayBuffer{}) {
			panic(nodeerr.New(rt, "TypeError", "ERR_INVALID_TRANSFER_OBJECT", "Found invalid object in transferList"))
		}
		for _, x := range out {
			if x == io {
				panic(h.dataCloneError("Transfer list contains duplicate ArrayBuffer"))
			}
		}
		out = append(out, io)
		return true
	})
	return out
}

// dataCloneError is the DOMException [DataCloneError] Node throws (code 25);
// an Error of that name where the host has no DOMException.
func (h *Host) dataCloneError(msg string) sobek.Value {
	rt := h.Runtime
	if ctor, ok := sobek.AssertConstructor(rt.GlobalObject().Get("DOMException")); ok {
		if e, err := ctor(nil, rt.ToValue(msg), rt.ToValue("DataCloneError")); err == nil {
			return e
		}
	}
	e := rt.NewTypeError(msg)
	_ = e.Set("name", "DataCloneError")
	_ = e.Set("code", 25)
	return e
}

// ---- timers ----

const timeoutMax = 2147483647

func (h *Host) timerOf(v sobek.Value) *timer {
	o, ok := v.(*sobek.Object)
	if !ok {
		return nil
	}
	tv := o.GetSymbol(h.timerKey)
	if tv == nil {
		return nil
	}
	t, _ := tv.Export().(*timer)
	return t
}

func (h *Host) immediateOf(v sobek.Value) *immediate {
	o, ok := v.(*sobek.Object)
	if !ok {
		return nil
	}
	tv := o.GetSymbol(h.timerKey)
	if tv == nil {
		return nil
	}
	t, _ := tv.Export().(*immediate)
	return t
}

func (h *Host) timerProtos() (timeoutProto, immediateProto *sobek.Object) {
	rt := h.Runtime
	timeoutProto = rt.NewObject()
	m := func(o *sobek.Object, name string, f func(sobek.FunctionCall) sobek.Value) {
		_ = o.DefineDataProperty(name, rt.ToValue(f), sobek.FLAG_TRUE, sobek.FLAG_FALSE, sobek.FLAG_TRUE)
	}
	m(timeoutProto, "ref", func(c sobek.FunctionCall) sobek.Value {
		if t := h.timerOf(c.This); t != nil && !t.ref {
			t.ref = true
			if t.scheduled {
				h.refTimers++
			}
		}
		return c.This
	})
	m(timeoutProto, "unref", func(c sobek.FunctionCall) sobek.Value {
		if t := h.timerOf(c.This); t != nil && t.ref {
			t.ref = false
			if t.scheduled {
				h.refTimers--
			}
		}
		return c.This
	})
	m(timeoutProto, "hasRef", func(c sobek.FunctionCall) sobek.Value {
		t := h.timerOf(c.This)
		return rt.ToValue(t != nil && t.ref)
	})
	m(timeoutProto, "refresh", func(c sobek.FunctionCall) sobek.Value {
		if t := h.timerOf(c.This); t != nil && !t.cleared {
			h.unschedule(t)
			h.schedule(t)
		}
		return c.This
	})
	m(timeoutProto, "close", func(c sobek.FunctionCall) sobek.Value {
		if t := h.timerOf(c.This); t != nil {
			t.cleared = true
			h.unschedule(t)
		}
		return c.This
	})
	_ = timeoutProto.DefineDataPropertySymbol(sobek.SymToPrimitive, rt.ToValue(func(c sobek.FunctionCall) sobek.Value {
		if t := h.timerOf(c.This); t != nil {
			h.timerByID[t.id] = t
			if !t.scheduled {
				delete(h.timerByID, t.id)
			}
			return rt.ToValue(t.id)
		}
		return rt.ToValue(math.NaN())
	}), sobek.FLAG_TRUE, sobek.FLAG_FALSE, sobek.FLAG_TRUE)
	timeoutCtor := rt.ToValue(func(c sobek.ConstructorCall) *sobek.Object {
		panic(rt.NewTypeError("Illegal constructor"))
	}).(*sobek.Object)
	_ = timeoutCtor.DefineDataProperty("name", rt.ToValue("Timeout"), sobek.FLAG_FALSE, sobek.FLAG_FALSE, sobek.FLAG_TRUE)
	_ = timeoutCtor.Set("prototype", timeoutProto)
	_ = timeoutProto.DefineDataProperty("constructor", timeoutCtor, sobek.FLAG_TRUE, sobek.FLAG_FALSE, sobek.FLAG_TRUE)

	immediateProto = rt.NewObject()
	m(immediateProto, "ref", func(c sobek.FunctionCall) sobek.Value {
		if im := h.immediateOf(c.This); im != nil && !im.ref {
			im.ref = true
			if !im.cleared {
				h.refImm++
			}
		}
		return c.This
	})
	m(immediateProto, "unref", func(c sobek.FunctionCall) sobek.Value {
		if im := h.immediateOf(c.This); im != nil && im.ref {
			im.ref = false
			if !im.cleared {
				h.refImm--
			}
		}
		return c.This
	})
	m(immediateProto, "hasRef", func(c sobek.FunctionCall) sobek.Value {
		im := h.immediateOf(c.This)
		return rt.ToValue(im != nil && im.ref)
	})
	immCtor := rt.ToValue(func(c sobek.ConstructorCall) *sobek.Object {
		panic(rt.NewTypeError("Illegal constructor"))
	}).(*sobek.Object)
	_ = immCtor.DefineDataProperty("name", rt.ToValue("Immediate"), sobek.FLAG_FALSE, sobek.FLAG_FALSE, sobek.FLAG_TRUE)
	_ = immCtor.Set("prototype", immediateProto)
	_ = immediateProto.DefineDataProperty("constructor", immCtor, sobek.FLAG_TRUE, sobek.FLAG_FALSE, sobek.FLAG_TRUE)
	return
}

func (h *Host) installTimers(define func(string, any)) {
	rt := h.Runtime
	timeoutProto, immediateProto := h.timerProtos()
	h.protos["Timeout"] = timeoutProto
	h.protos["Immediate"] = immediateProto

	newTimer := func(c sobek.FunctionCall, repeat bool) sobek.Value {
		cb, ok := sobek.AssertFunction(c.Argument(0))
		if !ok {
			panic(nodeerr.InvalidArgType(rt, "callback", "of type function", c.Argument(0)))
		}
		delay := c.Argument(1).ToFloat()
		if !(delay >= 1 && delay <= timeoutMax) {
			if delay > timeoutMax {
				h.warnTimeout(c.Argument(1))
			}
			delay = 1
		}
		var args []sobek.Value
		if len(c.Arguments) > 2 {
			args = append(args, c.Arguments[2:]...)
		}
		h.nextTimer++
		t := &timer{id: h.nextTimer, delay: delay, repeat: repeat, ref: true, cb: cb, cbVal: c.Argument(0), args: args}
		t.obj = rt.CreateObject(timeoutProto)
		_ = t.obj.SetSymbol(h.timerKey, rt.ToValue(t))
		_ = t.obj.Set("_idleTimeout", delay)
		_ = t.obj.Set("_onTimeout", c.Argument(0))
		_ = t.obj.Set("_repeat", func() any {
			if repeat {
				return delay
			}
			return nil
		}())
		h.schedule(t)
		return t.obj
	}
	clear := func(c sobek.FunctionCall) sobek.Value {
		v := c.Argument(0)
		t := h.timerOf(v)
		if t == nil {
			switch v.Export().(type) {
			case int64, float64, string:
				n := v.ToInteger()
				t = h.timerByID[n]
			}
		}
		if t != nil {
			t.cleared = true
			h.unschedule(t)
			return sobek.Undefined()
		}
		if im := h.immediateOf(v); im != nil {
			h.clearImmediate(im)
		}
		return sobek.Undefined()
	}
	define("setTimeout", func(c sobek.FunctionCall) sobek.Value { return newTimer(c, false) })
	define("setInterval", func(c sobek.FunctionCall) sobek.Value { return newTimer(c, true) })
	define("clearTimeout", clear)
	define("clearInterval", clear)
	define("setImmediate", func(c sobek.FunctionCall) sobek.Value {
		cb, ok := sobek.AssertFunction(c.Argument(0))
		if !ok {
			panic(nodeerr.InvalidArgType(rt, "callback", "of type function", c.Argument(0)))
		}
		var args []sobek.Value
		if len(c.Arguments) > 1 {
			args = append(args, c.Arguments[1:]...)
		}
		im := &immediate{cb: cb, args: args, ref: true}
		im.obj = rt.CreateObject(immediateProto)
		_ = im.obj.SetSymbol(h.timerKey, rt.ToValue(im))
		_ = im.obj.Set("_onImmediate", c.Argument(0))
		h.immediates = append(h.immediates, im)
		h.refImm++
		return im.obj
	})
	define("clearImmediate", func(c sobek.FunctionCall) sobek.Value {
		if im := h.immediateOf(c.Argument(0)); im != nil {
			h.clearImmediate(im)
		}
		return sobek.Undefined()
	})
	// Promise, its then and Reflect.apply as they are now, before user
	// code (which may replace Promise.prototype.then)
	qm, err := rt.RunString(`(function (report) {
  const P = Promise, resolve = Promise.resolve, then = Promise.prototype.then, apply = Reflect.apply;
  return function queueMicrotask(callback) {
    apply(then, apply(resolve, P, []), [function () { try { callback() } catch (e) { report(e) } }]);
  };
})`)
	if err != nil {
		panic(err)
	}
	mk, _ := sobek.AssertFunction(qm)
	inner, _ := mk(sobek.Undefined(), rt.ToValue(func(c sobek.FunctionCall) sobek.Value {
		h.uncaught(c.Argument(0), nil, "uncaughtException")
		return sobek.Undefined()
	}))
	innerFn, _ := sobek.AssertFunction(inner)
	define("queueMicrotask", func(c sobek.FunctionCall) sobek.Value {
		if _, ok := sobek.AssertFunction(c.Argument(0)); !ok {
			panic(nodeerr.InvalidArgType(rt, "callback", "of type function", c.Argument(0)))
		}
		if _, err := innerFn(sobek.Undefined(), c.Argument(0)); err != nil {
			panic(err)
		}
		return sobek.Undefined()
	})
}

func (h *Host) clearImmediate(im *immediate) {
	if im.cleared {
		return
	}
	im.cleared = true
	if im.ref {
		h.refImm--
	}
	for i, x := range h.immediates {
		if x == im {
			h.immediates = append(h.immediates[:i:i], h.immediates[i+1:]...)
			break
		}
	}
}

func (h *Host) warnTimeout(v sobek.Value) {
	rt := h.Runtime
	w, _ := sobek.AssertFunction(h.process.Get("emitWarning"))
	_, _ = w(h.process, rt.ToValue(v.String()+" does not fit into a 32-bit signed integer.\nTimeout duration was set to 1."), rt.ToValue("TimeoutOverflowWarning"))
}

// Timers returns the exports of the timers builtin (setTimeout & co.).
func (h *Host) Timers() *sobek.Object {
	rt := h.Runtime
	o := rt.NewObject()
	g := rt.GlobalObject()
	for _, n := range []string{"setTimeout", "setInterval", "setImmediate", "clearTimeout", "clearInterval", "clearImmediate"} {
		_ = o.Set(n, g.Get(n))
	}
	return o
}
