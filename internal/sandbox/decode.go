package sandbox

import (
	"math"
	"math/big"
	"strconv"

	"github.com/grafana/sobek"

	"github.com/jsvm-dev/jsvm/internal/engine"
	"github.com/jsvm-dev/jsvm/internal/intl"
)

// decoder re-creates a copy graph as fresh values of a realm. Plain
// objects get their properties defined (never set: a setter on the
// receiving side's Object.prototype, like __proto__, must not run).
type decoder struct {
	r    *realm
	memo map[any]sobek.Value
	host func(token any) sobek.Value // makes the object of a *Transferred; nil refuses them
	// keepStack gives a decoded error the thrower's stack (messages); the
	// sandbox keeps it on the Go side only
	keepStack bool
}

func newDecoder(r *realm) *decoder { return &decoder{r: r, memo: map[any]sobek.Value{}} }

// Decode builds v in the decoder's realm. It panics with a JS exception of
// that realm only on an internal failure; a value of a type the graph does
// not have is a *DataCloneError panic.
func (d *decoder) Decode(v any) sobek.Value { return d.dec(v, 0) }

func (d *decoder) dec(v any, depth int) sobek.Value {
	rt := d.r.rt
	if depth > maxCopyDepth {
		panic(cloneErr("the value is nested too deeply to be copied"))
	}
	switch x := v.(type) {
	case nil:
		return sobek.Null()
	case UndefinedType, HoleType:
		return sobek.Undefined()
	case bool:
		return rt.ToValue(x)
	case float64:
		return rt.ToValue(x)
	case string:
		return rt.ToValue(x)
	case *big.Int:
		return rt.ToValue(new(big.Int).Set(x))
	}
	if c, ok := d.memo[v]; ok {
		return c
	}
	switch x := v.(type) {
	case *Object:
		o := rt.NewObject()
		d.memo[v] = o
		for i, k := range x.Keys {
			d.define(o, k, d.dec(x.Values[i], depth+1))
		}
		return o
	case *Array:
		a := rt.NewArray()
		d.memo[v] = a
		holes := false
		for i, e := range x.Elems {
			if e == Hole {
				holes = true
				continue
			}
			d.define(a, strconv.Itoa(i), d.dec(e, depth+1))
		}
		if holes {
			_ = a.Set("length", len(x.Elems))
		}
		return a
	case *Map:
		m := d.construct(d.r.mapCtor)
		d.memo[v] = m
		for i, k := range x.Keys {
			d.call(d.r.mapSet, m, d.dec(k, depth+1), d.dec(x.Values[i], depth+1))
		}
		return m
	case *Set:
		s := d.construct(d.r.setCtor)
		d.memo[v] = s
		for _, e := range x.Values {
			d.call(d.r.setAdd, s, d.dec(e, depth+1))
		}
		return s
	case *Date:
		ms := math.NaN()
		if x.Valid {
			ms = float64(x.Time.UnixMilli())
		}
		o := d.construct(d.r.dateCtor, rt.ToValue(ms))
		d.memo[v] = o
		return o
	case *RegExp:
		o := d.construct(d.r.regexCtor, rt.ToValue(x.Source), rt.ToValue(x.Flags))
		d.memo[v] = o
		return o
	case *ArrayBuffer:
		if x.Shared {
			if sv, ok := intl.NewShared(rt, x.Data); ok {
				d.memo[v] = sv
				return sv
			}
		}
		o := rt.ToValue(rt.NewArrayBuffer(append([]byte{}, x.Data...))).(*sobek.Object)
		if x.Resizable && x.MaxByteLength >= len(x.Data) {
			engine.MakeResizable(o, x.MaxByteLength)
		}
		d.memo[v] = o
		return o
	case *TypedArray:
		ctor := d.r.typedCtors[x.Kind]
		size := typedKinds[x.Kind]
		if x.Buffer != nil {
			if ctor == nil || x.Length%size != 0 || x.Offset%size != 0 || x.Offset < 0 || x.Offset+x.Length > len(x.Buffer.Data) {
				panic(cloneErr("a %s of %d bytes could not be cloned.", x.Kind, x.Length))
			}
			buf := d.dec(x.Buffer, depth+1)
			o := d.construct(ctor, buf, rt.ToValue(x.Offset), rt.ToValue(x.Length/size))
			if bo, ok := buf.(*sobek.Object); ok {
				engine.TrackView(rt, o, bo, x.Tracking)
			}
			d.memo[v] = o
			return o
		}
		if ctor == nil || len(x.Data)%size != 0 {
			panic(cloneErr("a %s of %d bytes could not be cloned.", x.Kind, len(x.Data)))
		}
		buf := rt.ToValue(rt.NewArrayBuffer(append([]byte{}, x.Data...)))
		o := d.construct(ctor, buf)
		d.memo[v] = o
		return o
	case *DataView:
		if x.Buffer == nil || x.Offset < 0 || x.Length < 0 || x.Offset+x.Length > len(x.Buffer.Data) {
			panic(cloneErr("#<DataView> could not be cloned."))
		}
		buf := d.dec(x.Buffer, depth+1)
		o := d.construct(d.r.dataViewCtor, buf, rt.ToValue(x.Offset), rt.ToValue(x.Length))
		if bo, ok := buf.(*sobek.Object); ok {
			engine.TrackView(rt, o, bo, x.Tracking)
		}
		d.memo[v] = o
		return o
	case *Boxed:
		o := d.dec(x.Value, depth+1).ToObject(rt)
		d.memo[v] = o
		return o
	case *Transferred:
		if d.host == nil {
			panic(cloneErr("a transferred object could not be cloned."))
		}
		o := d.host(x.Token)
		d.memo[v] = o
		return o
	case *Error:
		o := d.NewError(x.Name, x.Message)
		if d.keepStack && x.Stack != "" {
			// a message keeps the thrower's stack, as V8's serializer does
			_ = o.DefineDataProperty("stack", rt.ToValue(x.Stack), sobek.FLAG_TRUE, sobek.FLAG_TRUE, sobek.FLAG_FALSE)
		}
		d.memo[v] = o
		return o
	}
	panic(cloneErr("a Go value of type %T could not be cloned.", v))
}

// NewError creates a fresh error of the realm: of the standard class named
// name if there is one, else an Error whose name is name.
func (d *decoder) NewError(name, message string) *sobek.Object {
	ctor := d.r.errCtors[name]
	if ctor == nil {
		ctor = d.r.errCtors["Error"]
	}
	o := d.construct(ctor, d.r.rt.ToValue(message))
	if name != "" && d.r.errCtors[name] == nil {
		// an own name is not enumerable, like the inherited one
		_ = o.DefineDataProperty("name", d.r.rt.ToValue(name), sobek.FLAG_TRUE, sobek.FLAG_TRUE, sobek.FLAG_FALSE)
	}
	return o
}

func (d *decoder) define(o *sobek.Object, k string, v sobek.Value) {
	if err := o.DefineDataProperty(k, v, sobek.FLAG_TRUE, sobek.FLAG_TRUE, sobek.FLAG_TRUE); err != nil {
		panic(err)
	}
}

func (d *decoder) construct(ctor *sobek.Object, args ...sobek.Value) *sobek.Object {
	o, err := d.r.rt.New(ctor, args...)
	if err != nil {
		panic(err)
	}
	return o
}

func (d *decoder) call(f sobek.Callable, args ...sobek.Value) {
	if _, err := f(sobek.Undefined(), args...); err != nil {
		panic(err)
	}
}
