package core

import (
	"reflect"

	"github.com/grafana/sobek"

	"github.com/jsvm-dev/jsvm/internal/engine"
)

// ArrayBuffers and typed arrays do not cross as proxies: a proxy is not an
// ArrayBuffer to the receiving realm's builtins (`new Uint8Array(proxy)`
// would copy nothing). They cross as real objects of the receiving realm
// over the same bytes, as V8's cross-context buffers do, and are
// registered in the membrane's tables like wrappers so identity holds and
// going home unwraps.

var arrayBufferType = func() reflect.Type {
	rt := sobek.New()
	return rt.ToValue(rt.NewArrayBuffer(nil)).(*sobek.Object).ExportType()
}()

// bufferKind reports whether o is an ArrayBuffer ("ArrayBuffer") or a typed
// array (its constructor's name), or "".
func bufferKind(o *sobek.Object) string {
	t := o.ExportType()
	if t == arrayBufferType {
		return "ArrayBuffer"
	}
	if t == nil || t.Kind() != reflect.Slice {
		return ""
	}
	switch t.Elem().Kind() {
	case reflect.Uint8, reflect.Int8, reflect.Uint16, reflect.Int16, reflect.Uint32,
		reflect.Int32, reflect.Float32, reflect.Float64, reflect.Int64, reflect.Uint64:
	default:
		return ""
	}
	tag, ok := o.GetSymbol(sobek.SymToStringTag).Export().(string)
	if !ok {
		return ""
	}
	return tag
}

// isBufferLike is the cheap pre-check linkOf uses.
func isBufferLike(o *sobek.Object) bool {
	t := o.ExportType()
	return t == arrayBufferType || t != nil && t.Kind() == reflect.Slice && t.Elem().Kind() != reflect.Interface
}

// shareBuffer makes the counterpart of o (of realm home, kind from
// bufferKind) in realm here, over the same bytes.
//
// Its prototype is the original's, carried (a wrapper of the home realm's
// prototype): as in V8, a Float64Array of one context is no instance of
// another's Float64Array, and a Buffer keeps Buffer's methods.
func shareBuffer(o *sobek.Object, kind string, home, here *Context) *sobek.Object {
	v := makeSharedBuffer(o, kind, home, here)
	if p := o.Prototype(); p != nil {
		if pw, ok := Carry(p, home, here).(*sobek.Object); ok {
			_ = v.SetPrototype(pw)
		}
	}
	return v
}

func makeSharedBuffer(o *sobek.Object, kind string, home, here *Context) *sobek.Object {
	if kind == "ArrayBuffer" {
		ab := o.Export().(sobek.ArrayBuffer)
		v := here.rt.ToValue(here.rt.NewArrayBuffer(ab.Bytes())).(*sobek.Object)
		engine.ShareResizable(o, v) // resizes with o (resizable.go)
		return v
	}
	var buf, off, length sobek.Value
	crossInto(home, here, func() {
		buf, off, length = o.Get("buffer"), o.Get("byteOffset"), o.Get("length")
	})
	if tracking, ok := engine.ViewTracking(o); ok && tracking {
		length = sobek.Undefined() // a length-tracking view stays one
	}
	if here.capped&capBuffers == 0 && engine.ResizableReady() {
		here.capBuffers() // its constructors register views over resizable buffers
	}
	ctor, _ := here.builtins.Get(kind).(*sobek.Object)
	hbuf := Carry(buf, home, here)
	v, err := here.rt.New(ctor, hbuf, off, length)
	if err != nil {
		panic(err)
	}
	return v
}
