package sandbox

import (
	"reflect"

	"github.com/grafana/sobek"

	"github.com/jsvm-dev/jsvm/internal/engine"
)

// MessageOptions are what postMessage and structuredClone add to a copy:
// the HTML structured clone's transfer list, and host objects that travel
// with the message.
type MessageOptions struct {
	// Transfer lists ArrayBuffers whose bytes move to the copy instead of
	// being copied; they are detached once the whole value is encoded
	// (nothing is detached when the encoding fails).
	Transfer []*sobek.Object
	// Hosts maps host objects (MessagePorts) to the tokens that stand for
	// them in the graph (as *Transferred).
	Hosts map[*sobek.Object]any
	// Refuse, when set, is asked about every other object before it is
	// copied; an error it returns ends the copy (a MessagePort that is not
	// in the transfer list).
	Refuse func(*sobek.Object) error
}

type message struct {
	transfer map[*sobek.Object]bool
	hosts    map[*sobek.Object]any
	refuse   func(*sobek.Object) error
}

func (m *message) moves(o *sobek.Object) bool { return m.transfer[o] }

// EncodeMessage copies v as postMessage does: typed arrays keep their
// buffer (views of one buffer share it in the copy), the Transfer buffers
// move, the Hosts objects become tokens.
func (r *Realm) EncodeMessage(v sobek.Value, opts MessageOptions) (out any, err error) {
	defer func() {
		if x := recover(); x != nil {
			out, err = nil, asError(x)
		}
	}()
	m := &message{transfer: map[*sobek.Object]bool{}, hosts: opts.Hosts, refuse: opts.Refuse}
	for _, o := range opts.Transfer {
		m.transfer[o] = true
	}
	e := newEncoder(r.r, 0, nil)
	e.msg = m
	out = e.Encode(v)
	for _, o := range opts.Transfer {
		// an unreferenced transferred buffer still moves (it is detached)
		if ab, ok := o.Export().(sobek.ArrayBuffer); ok {
			ab.Detach()
		}
	}
	return out, nil
}

// DecodeMessage builds g as fresh values of the realm; host makes the
// object of each *Transferred token (a MessagePort of this side).
func (r *Realm) DecodeMessage(g any, host func(token any) sobek.Value) (v sobek.Value, err error) {
	defer func() {
		if x := recover(); x != nil {
			v, err = nil, asError(x)
		}
	}()
	d := newDecoder(r.r)
	d.host = host
	d.keepStack = true
	return d.Decode(g), nil
}

// sharedView encodes a typed array with its whole buffer (through the
// memo, so views of one buffer share it).
func (e *encoder) sharedView(o *sobek.Object, depth int) (*TypedArray, bool) {
	tag, err := e.r.typedTag(o, o)
	if err != nil || !sobek.IsString(tag) {
		return nil, false
	}
	bufv, err := e.r.typedBuffer(o)
	if err != nil {
		panic(err)
	}
	buf, ok := bufv.(*sobek.Object)
	if !ok {
		return nil, false
	}
	size, ok := typedKinds[tag.String()]
	if !ok {
		return nil, false
	}
	view := reflect.ValueOf(o.Export())
	if view.Kind() != reflect.Slice {
		return nil, false
	}
	off, err := e.r.typedOffset(o)
	if err != nil {
		panic(err)
	}
	t := &TypedArray{Kind: tag.String(), Offset: int(off.ToInteger()), Length: view.Len() * size}
	t.Tracking, _ = engine.ViewTracking(o)
	e.memo[o] = t
	ab, ok := e.enc(buf, depth+1).(*ArrayBuffer)
	if !ok {
		return nil, false
	}
	t.Buffer = ab
	return t, true
}

// dataViewOf encodes a DataView with its buffer (message form only).
func (e *encoder) dataViewOf(o *sobek.Object, depth int) *DataView {
	v, err := e.r.dataView(sobek.Undefined(), o)
	if err != nil {
		panic(err)
	}
	parts := v.(*sobek.Object)
	dv := &DataView{Offset: int(parts.Get("1").ToInteger()), Length: int(parts.Get("2").ToInteger())}
	dv.Tracking, _ = engine.ViewTracking(o)
	e.memo[o] = dv
	buf, _ := parts.Get("0").(*sobek.Object)
	ab, ok := e.enc(buf, depth+1).(*ArrayBuffer)
	if !ok {
		panic(cloneErr("#<DataView> could not be cloned."))
	}
	dv.Buffer = ab
	return dv
}

// NestingError is a message nested deeper than a copy goes (V8 overflows
// its stack there: RangeError "Maximum call stack size exceeded").
type NestingError struct{}

func (*NestingError) Error() string { return "Maximum call stack size exceeded" }
