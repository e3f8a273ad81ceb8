package sandbox

import (
	"encoding/binary"
	"errors"
	"fmt"
	"io"
	"math"
	"math/big"
	"time"
)

// The wire form of the copy graph, for a sandbox in a worker process: the
// same values the clone codec (encode.go / decode.go) produces and
// consumes, as bytes. It is not a second clone: JS values are still
// copied only by the codec, on each side; this only carries its Go
// result through a pipe. Pointers keep their identity (a node written
// twice is written once and referenced after), so cycles and shared
// nodes survive as they do in-process.
//
// The reader does not trust the writer (a worker runs untrusted code, and
// a corrupt worker could write anything): every length is checked against
// the bytes that are there, nesting is bounded, and a bad input is an
// error, never a panic or a huge allocation.

const (
	wNull byte = iota
	wUndefined
	wFalse
	wTrue
	wNumber
	wString
	wBigInt
	wObject
	wArray
	wMap
	wSet
	wDate
	wRegExp
	wArrayBuffer
	wTypedArray
	wError
	wRef
)

// maxWireDepth bounds the nesting the reader accepts (the codec copies at
// most maxCopyDepth levels).
const maxWireDepth = maxCopyDepth + 16

type wireWriter struct {
	buf  []byte
	memo map[any]uint64
}

func (w *wireWriter) uvarint(n uint64) { w.buf = binary.AppendUvarint(w.buf, n) }

func (w *wireWriter) str(s string) {
	w.uvarint(uint64(len(s)))
	w.buf = append(w.buf, s...)
}

func (w *wireWriter) bytes(b []byte) {
	w.uvarint(uint64(len(b)))
	w.buf = append(w.buf, b...)
}

func (w *wireWriter) boolean(b bool) {
	if b {
		w.buf = append(w.buf, 1)
	} else {
		w.buf = append(w.buf, 0)
	}
}

// node writes a pointer node's back-reference and reports true if it was
// written before; otherwise it numbers it.
func (w *wireWriter) node(p any) bool {
	if w.memo == nil {
		w.memo = map[any]uint64{}
	}
	if i, ok := w.memo[p]; ok {
		w.buf = append(w.buf, wRef)
		w.uvarint(i)
		return true
	}
	w.memo[p] = uint64(len(w.memo))
	return false
}

// value writes one copy-graph value.
func (w *wireWriter) value(v any) error {
	switch x := v.(type) {
	case nil:
		w.buf = append(w.buf, wNull)
	case UndefinedType:
		w.buf = append(w.buf, wUndefined)
	case bool:
		if x {
			w.buf = append(w.buf, wTrue)
		} else {
			w.buf = append(w.buf, wFalse)
		}
	case float64:
		w.buf = append(w.buf, wNumber)
		w.buf = binary.LittleEndian.AppendUint64(w.buf, math.Float64bits(x))
	case string:
		w.buf = append(w.buf, wString)
		w.str(x)
	case *big.Int:
		w.buf = append(w.buf, wBigInt)
		w.boolean(x.Sign() < 0)
		w.bytes(x.Bytes())
	case *Object:
		if w.node(x) {
			return nil
		}
		w.buf = append(w.buf, wObject)
		w.uvarint(uint64(len(x.Keys)))
		for i, k := range x.Keys {
			w.str(k)
			if err := w.value(x.Values[i]); err != nil {
				return err
			}
		}
	case *Array:
		if w.node(x) {
			return nil
		}
		w.buf = append(w.buf, wArray)
		w.uvarint(uint64(len(x.Elems)))
		for _, e := range x.Elems {
			if err := w.value(e); err != nil {
				return err
			}
		}
	case *Map:
		if w.node(x) {
			return nil
		}
		w.buf = append(w.buf, wMap)
		w.uvarint(uint64(len(x.Keys)))
		for i := range x.Keys {
			if err := w.value(x.Keys[i]); err != nil {
				return err
			}
			if err := w.value(x.Values[i]); err != nil {
				return err
			}
		}
	case *Set:
		if w.node(x) {
			return nil
		}
		w.buf = append(w.buf, wSet)
		w.uvarint(uint64(len(x.Values)))
		for _, e := range x.Values {
			if err := w.value(e); err != nil {
				return err
			}
		}
	case *Date:
		if w.node(x) {
			return nil
		}
		w.buf = append(w.buf, wDate)
		w.boolean(x.Valid)
		w.buf = binary.AppendVarint(w.buf, x.Time.UnixNano())
	case *RegExp:
		if w.node(x) {
			return nil
		}
		w.buf = append(w.buf, wRegExp)
		w.str(x.Source)
		w.str(x.Flags)
	case *ArrayBuffer:
		if w.node(x) {
			return nil
		}
		w.buf = append(w.buf, wArrayBuffer)
		w.bytes(x.Data)
	case *TypedArray:
		if w.node(x) {
			return nil
		}
		w.buf = append(w.buf, wTypedArray)
		w.str(x.Kind)
		w.bytes(x.Data)
	case *Error:
		if w.node(x) {
			return nil
		}
		w.buf = append(w.buf, wError)
		w.str(x.Name)
		w.str(x.Message)
		w.str(x.Stack)
	default:
		return fmt.Errorf("sandbox wire: a %T is not a copy-graph value", v)
	}
	return nil
}

var errWire = errors.New("sandbox wire: malformed message")

type wireReader struct {
	buf   []byte
	nodes []any
	depth int
}

func (r *wireReader) byte() (byte, error) {
	if len(r.buf) == 0 {
		return 0, errWire
	}
	b := r.buf[0]
	r.buf = r.buf[1:]
	return b, nil
}

func (r *wireReader) uvarint() (uint64, error) {
	n, k := binary.Uvarint(r.buf)
	if k <= 0 {
		return 0, errWire
	}
	r.buf = r.buf[k:]
	return n, nil
}

// count reads a length that each item of needs at least min bytes.
func (r *wireReader) count(min int) (int, error) {
	n, err := r.uvarint()
	if err != nil || n > uint64(len(r.buf)/min) {
		return 0, errWire
	}
	return int(n), nil
}

func (r *wireReader) bytes() ([]byte, error) {
	n, err := r.count(1)
	if err != nil {
		return nil, err
	}
	b := append([]byte{}, r.buf[:n]...)
	r.buf = r.buf[n:]
	return b, nil
}

func (r *wireReader) str() (string, error) {
	n, err := r.count(1)
	if err != nil {
		return "", err
	}
	s := string(r.buf[:n])
	r.buf = r.buf[n:]
	return s, nil
}

func (r *wireReader) boolean() (bool, error) {
	b, err := r.byte()
	return b == 1, err
}

func (r *wireReader) value() (any, error) {
	r.depth++
	defer func() { r.depth-- }()
	if r.depth > maxWireDepth {
		return nil, errWire
	}
	tag, err := r.byte()
	if err != nil {
		return nil, err
	}
	switch tag {
	case wNull:
		return nil, nil
	case wUndefined:
		return Undefined, nil
	case wFalse:
		return false, nil
	case wTrue:
		return true, nil
	case wNumber:
		if len(r.buf) < 8 {
			return nil, errWire
		}
		f := math.Float64frombits(binary.LittleEndian.Uint64(r.buf))
		r.buf = r.buf[8:]
		return f, nil
	case wString:
		return r.str()
	case wBigInt:
		neg, err := r.boolean()
		if err != nil {
			return nil, err
		}
		b, err := r.bytes()
		if err != nil {
			return nil, err
		}
		n := new(big.Int).SetBytes(b)
		if neg {
			n.Neg(n)
		}
		return n, nil
	case wRef:
		i, err := r.uvarint()
		if err != nil || i >= uint64(len(r.nodes)) {
			return nil, errWire
		}
		return r.nodes[i], nil
	case wObject:
		n, err := r.count(2)
		if err != nil {
			return nil, err
		}
		o := &Object{Keys: make([]string, 0, n), Values: make([]any, 0, n)}
		r.nodes = append(r.nodes, o)
		for i := 0; i < n; i++ {
			k, err := r.str()
			if err != nil {
				return nil, err
			}
			v, err := r.value()
			if err != nil {
				return nil, err
			}
			o.Keys, o.Values = append(o.Keys, k), append(o.Values, v)
		}
		return o, nil
	case wArray, wSet:
		n, err := r.count(1)
		if err != nil {
			return nil, err
		}
		elems := make([]any, n)
		var node any
		if tag == wArray {
			node = &Array{Elems: elems}
		} else {
			node = &Set{Values: elems}
		}
		r.nodes = append(r.nodes, node)
		for i := range elems {
			if elems[i], err = r.value(); err != nil {
				return nil, err
			}
		}
		return node, nil
	case wMap:
		n, err := r.count(2)
		if err != nil {
			return nil, err
		}
		m := &Map{Keys: make([]any, n), Values: make([]any, n)}
		r.nodes = append(r.nodes, m)
		for i := 0; i < n; i++ {
			if m.Keys[i], err = r.value(); err != nil {
				return nil, err
			}
			if m.Values[i], err = r.value(); err != nil {
				return nil, err
			}
		}
		return m, nil
	case wDate:
		d := &Date{}
		r.nodes = append(r.nodes, d)
		if d.Valid, err = r.boolean(); err != nil {
			return nil, err
		}
		ns, k := binary.Varint(r.buf)
		if k <= 0 {
			return nil, errWire
		}
		r.buf = r.buf[k:]
		if d.Valid {
			d.Time = time.Unix(0, ns)
		}
		return d, nil
	case wRegExp:
		re := &RegExp{}
		r.nodes = append(r.nodes, re)
		if re.Source, err = r.str(); err != nil {
			return nil, err
		}
		re.Flags, err = r.str()
		return re, err
	case wArrayBuffer:
		ab := &ArrayBuffer{}
		r.nodes = append(r.nodes, ab)
		ab.Data, err = r.bytes()
		return ab, err
	case wTypedArray:
		t := &TypedArray{}
		r.nodes = append(r.nodes, t)
		if t.Kind, err = r.str(); err != nil {
			return nil, err
		}
		if _, ok := typedKinds[t.Kind]; !ok {
			return nil, errWire
		}
		t.Data, err = r.bytes()
		return t, err
	case wError:
		e := &Error{}
		r.nodes = append(r.nodes, e)
		if e.Name, err = r.str(); err != nil {
			return nil, err
		}
		if e.Message, err = r.str(); err != nil {
			return nil, err
		}
		e.Stack, err = r.str()
		return e, err
	}
	return nil, errWire
}

// A frame is one message of the worker protocol: a 4-byte little-endian
// length, a kind byte, and a payload of wire values.
type frame struct {
	kind byte
	body []byte
}

// maxFrame bounds a frame the worker accepts from its host: a copy is
// bounded by the memory cap (1 GiB at most), plus room around it.
const maxFrame = 2*maxAllocation + 1<<20

func writeFrame(w io.Writer, kind byte, body []byte) error {
	head := make([]byte, 5, 5+len(body))
	binary.LittleEndian.PutUint32(head, uint32(len(body)+1))
	head[4] = kind
	_, err := w.Write(append(head, body...))
	return err
}

func readFrame(r io.Reader, max uint32) (frame, error) {
	var head [5]byte
	if _, err := io.ReadFull(r, head[:]); err != nil {
		return frame{}, err
	}
	n := binary.LittleEndian.Uint32(head[:4])
	if n == 0 || n > max {
		return frame{}, errWire
	}
	body := make([]byte, n-1)
	if _, err := io.ReadFull(r, body); err != nil {
		return frame{}, err
	}
	return frame{kind: head[4], body: body}, nil
}

// msg builds a frame's payload from values: the copy-graph kinds plus
// int, int64, uint64 (numbers) and []any (values in a row). A value of
// no such kind is an error of the message (err).
type msg struct {
	w   wireWriter
	err error
}

func (m *msg) add(vals ...any) *msg {
	for _, v := range vals {
		switch x := v.(type) {
		case int:
			m.w.buf = append(m.w.buf, wNumber)
			m.w.buf = binary.LittleEndian.AppendUint64(m.w.buf, math.Float64bits(float64(x)))
		case int64:
			m.w.buf = append(m.w.buf, wNumber)
			m.w.buf = binary.LittleEndian.AppendUint64(m.w.buf, math.Float64bits(float64(x)))
		case uint64:
			m.w.buf = append(m.w.buf, wNumber)
			m.w.buf = binary.LittleEndian.AppendUint64(m.w.buf, math.Float64bits(float64(x)))
		case []any:
			m.w.buf = append(m.w.buf, wArray)
			m.w.uvarint(uint64(len(x)))
			for _, e := range x {
				m.add(e)
			}
		default:
			if err := m.w.value(v); err != nil && m.err == nil {
				m.err = err
			}
		}
	}
	return m
}

func (m *msg) bytes() []byte { return m.w.buf }

// parse reads a payload into its values (the same nodes table for all,
// as a payload is written by one writer).
type parse struct {
	r   wireReader
	err error
}

func newParse(body []byte) *parse { return &parse{r: wireReader{buf: body}} }

func (p *parse) any() any {
	if p.err != nil {
		return nil
	}
	v, err := p.r.value()
	if err != nil {
		p.err = err
	}
	return v
}

func (p *parse) str() string {
	s, ok := p.any().(string)
	if !ok && p.err == nil {
		p.err = errWire
	}
	return s
}

func (p *parse) num() float64 {
	f, ok := p.any().(float64)
	if !ok && p.err == nil {
		p.err = errWire
	}
	return f
}

func (p *parse) int() int64 {
	f := p.num()
	if f != math.Trunc(f) || f < -1<<53 || f > 1<<53 {
		if p.err == nil {
			p.err = errWire
		}
		return 0
	}
	return int64(f)
}

func (p *parse) boolean() bool {
	b, ok := p.any().(bool)
	if !ok && p.err == nil {
		p.err = errWire
	}
	return b
}

// list reads a []any written by msg.add (it reads back as an *Array).
func (p *parse) list() []any {
	a, ok := p.any().(*Array)
	if !ok {
		if p.err == nil {
			p.err = errWire
		}
		return nil
	}
	return a.Elems
}
