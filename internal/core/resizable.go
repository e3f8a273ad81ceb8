package core

import (
	"github.com/grafana/sobek"

	"github.com/jsvm-dev/jsvm/internal/engine"
	"github.com/jsvm-dev/jsvm/internal/intl"
)

// Resizable ArrayBuffers (ES2024, in Node 20): `new ArrayBuffer(n, {
// maxByteLength })`, ArrayBuffer.prototype.resize, .resizable and
// .maxByteLength, and typed arrays and DataViews that follow a resize
// (length-tracking when made without a length, out of bounds when the
// buffer no longer holds them). sobek's buffers have a fixed length;
// internal/engine/resizable.go keeps the table of resizable buffers and
// their views and rewrites the views' fields on a resize. The capped
// constructors of sizecaps.go parse the option and register each view
// made over a resizable buffer. Node 20 has no transfer,
// transferToFixedLength or detached.

// maxByteLengthLimit is V8's largest maxByteLength (2**32 here; it
// allocates lazily, jsvm when the buffer grows).
const maxByteLengthLimit = 1 << 32

// maxByteLength reads the options argument of new ArrayBuffer(n,
// options): the maxByteLength when there is one (V8's RangeError when it
// is no index, too large or below n).
func (c *Context) maxByteLength(opts sobek.Value, n float64) (int, bool) {
	o, ok := opts.(*sobek.Object)
	if !ok || !engine.ResizableReady() {
		return 0, false
	}
	mv := o.Get("maxByteLength")
	if mv == nil || sobek.IsUndefined(mv) {
		return 0, false
	}
	m, _, ok := toIndex(mv)
	if !ok || m > maxByteLengthLimit || n > m {
		panic(c.rangeError("Invalid array buffer max length"))
	}
	return int(m), true
}

// trackView returns what registers a view constructed from args (buffer,
// byteOffset, length) when buf is a resizable buffer, else nil.
func trackView(rt *sobek.Runtime, buf *sobek.Object, args []sobek.Value) func(*sobek.Object) {
	if _, ok := engine.ResizableMax(buf); !ok {
		return nil
	}
	tracking := len(args) < 3 || sobek.IsUndefined(args[2])
	return func(view *sobek.Object) { engine.TrackView(rt, view, buf, tracking) }
}

// installResizable adds resizable, maxByteLength and resize to c's
// ArrayBuffer.prototype (sobek builds it eagerly, there is no template).
func (c *Context) installResizable(proto *sobek.Object) {
	rt := c.rt
	if proto.Get("resize") != nil {
		return
	}
	// this is a non-shared ArrayBuffer (jsvm's SharedArrayBuffers are
	// sobek ArrayBuffers too), not a Proxy of one
	this := func(fc sobek.FunctionCall, method string) *sobek.Object {
		o, _ := fc.This.(*sobek.Object)
		if o == nil || !engine.IsArrayBuffer(o) {
			panic(rt.NewTypeError("Method " + method + " called on incompatible receiver " + v8Rendering(fc.This)))
		}
		if _, shared := intl.SharedBytes(o); shared {
			panic(rt.NewTypeError("Method " + method + " called on incompatible receiver " + v8Rendering(fc.This)))
		}
		return o
	}
	// V8's key order: constructor, byteLength, slice, then these (sobek
	// puts byteLength first)
	rest := rt.NewObject()
	if f, ok := sobek.AssertFunction(engine.OriginalBuiltin(rt, "Object", "getOwnPropertyDescriptor")); ok {
		for _, k := range []string{"byteLength", "slice"} {
			if d, err := f(sobek.Undefined(), proto, rt.ToValue(k)); err == nil && !sobek.IsUndefined(d) {
				_ = rest.Set(k, d)
				_ = proto.Delete(k)
			}
		}
		if def, ok := sobek.AssertFunction(engine.OriginalBuiltin(rt, "Object", "defineProperty")); ok {
			for _, k := range []string{"byteLength", "slice"} {
				if d := rest.Get(k); d != nil {
					_, _ = def(sobek.Undefined(), proto, rt.ToValue(k), d)
				}
			}
		}
	}
	getter := func(name string, f func(o *sobek.Object) sobek.Value) {
		g := rt.ToValue(func(fc sobek.FunctionCall) sobek.Value {
			return f(this(fc, "get ArrayBuffer.prototype."+name))
		}).(*sobek.Object)
		setFnProps(rt, g, "get "+name, 0)
		_ = proto.DefineAccessorProperty(name, g, nil, sobek.FLAG_TRUE, sobek.FLAG_FALSE)
	}
	getter("maxByteLength", func(o *sobek.Object) sobek.Value {
		if m, ok := engine.ResizableMax(o); ok {
			if engine.BufferDetached(o) {
				return rt.ToValue(0)
			}
			return rt.ToValue(m)
		}
		return o.Get("byteLength")
	})
	getter("resizable", func(o *sobek.Object) sobek.Value {
		_, ok := engine.ResizableMax(o)
		return rt.ToValue(ok)
	})
	resize := rt.ToValue(func(fc sobek.FunctionCall) sobek.Value {
		const m = "ArrayBuffer.prototype.resize"
		o := this(fc, m)
		if _, ok := engine.ResizableMax(o); !ok {
			panic(rt.NewTypeError("Method " + m + " called on incompatible receiver " + v8Rendering(fc.This)))
		}
		n, _, ok := toIndex(fc.Argument(0))
		if !ok {
			panic(c.rangeError(m + ": Invalid length parameter"))
		}
		if engine.BufferDetached(o) {
			panic(rt.NewTypeError("Cannot perform " + m + " on a detached ArrayBuffer"))
		}
		if n > maxByteLengthLimit {
			panic(c.rangeError(m + ": Invalid length parameter"))
		}
		switch engine.Resize(o, int(n), func(b int) bool { return b <= MaxBufferBytes && engine.BufferFits(float64(b)) }) {
		case engine.ResizeBadLength:
			panic(c.rangeError(m + ": Invalid length parameter"))
		case engine.ResizeNoMemory:
			panic(c.rangeError("Array buffer allocation failed"))
		case engine.ResizeDetached:
			panic(rt.NewTypeError("Cannot perform " + m + " on a detached ArrayBuffer"))
		}
		return sobek.Undefined()
	}).(*sobek.Object)
	setFnProps(rt, resize, "resize", 1)
	_ = proto.DefineDataProperty("resize", resize, sobek.FLAG_TRUE, sobek.FLAG_TRUE, sobek.FLAG_FALSE)
}

func setFnProps(rt *sobek.Runtime, f *sobek.Object, name string, length int) {
	_ = f.DefineDataProperty("length", rt.ToValue(length), sobek.FLAG_FALSE, sobek.FLAG_TRUE, sobek.FLAG_FALSE)
	_ = f.DefineDataProperty("name", rt.ToValue(name), sobek.FLAG_FALSE, sobek.FLAG_TRUE, sobek.FLAG_FALSE)
}
