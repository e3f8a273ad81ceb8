package buffer

import (
	"encoding/binary"
	"math"

	"github.com/grafana/sobek"
	"github.com/jsvm-dev/jsvm/internal/engine"
	"github.com/jsvm-dev/jsvm/node/encoding"
)

// Go answers for the Buffer methods that are only computing: toString of
// a whole buffer, the fixed-width numeric reads and writes. Each answers
// the calls whose arguments need no conversion and no error (a known
// encoding name or none; an integer offset in range; a number value in
// range) and hands any other call to buffer.js's method, which it
// replaces, for Node's conversions and validation errors.

// ownBytes returns the bytes of this when it is a Uint8Array (a Buffer):
// sobek exports a typed array as the slice of its backing store.
func ownBytes(this sobek.Value) ([]byte, bool) {
	o, ok := this.(*sobek.Object)
	if !ok {
		return nil, false
	}
	b, ok := o.Export().([]byte)
	return b, ok
}

// offsetArg is an offset argument that needs no conversion: undefined (0)
// or an integer number with off+size <= n.
func offsetArg(args []sobek.Value, i, size, n int) (int, bool) {
	if len(args) <= i || sobek.IsUndefined(args[i]) {
		return 0, size <= n
	}
	v := args[i]
	if !sobek.IsNumber(v) {
		return 0, false
	}
	f := v.ToFloat()
	if f != math.Trunc(f) || f < 0 || f > float64(n-size) {
		return 0, false
	}
	return int(f), true
}

type numeric struct {
	name     string
	size     int
	read     func(b []byte) float64
	write    func(b []byte, v float64)
	min, max float64 // of a write's value; both 0 for floats (no check)
}

func numerics() []numeric {
	le, be := binary.LittleEndian, binary.BigEndian
	u8 := func(b []byte) float64 { return float64(b[0]) }
	i8 := func(b []byte) float64 { return float64(int8(b[0])) }
	w8 := func(b []byte, v float64) { b[0] = byte(int64(v)) }
	ints := []numeric{
		{"UInt8", 1, u8, w8, 0, 255},
		{"Int8", 1, i8, w8, -128, 127},
		{"UInt16LE", 2, func(b []byte) float64 { return float64(le.Uint16(b)) }, func(b []byte, v float64) { le.PutUint16(b, uint16(int64(v))) }, 0, 65535},
		{"UInt16BE", 2, func(b []byte) float64 { return float64(be.Uint16(b)) }, func(b []byte, v float64) { be.PutUint16(b, uint16(int64(v))) }, 0, 65535},
		{"Int16LE", 2, func(b []byte) float64 { return float64(int16(le.Uint16(b))) }, func(b []byte, v float64) { le.PutUint16(b, uint16(int64(v))) }, -32768, 32767},
		{"Int16BE", 2, func(b []byte) float64 { return float64(int16(be.Uint16(b))) }, func(b []byte, v float64) { be.PutUint16(b, uint16(int64(v))) }, -32768, 32767},
		{"UInt32LE", 4, func(b []byte) float64 { return float64(le.Uint32(b)) }, func(b []byte, v float64) { le.PutUint32(b, uint32(int64(v))) }, 0, 4294967295},
		{"UInt32BE", 4, func(b []byte) float64 { return float64(be.Uint32(b)) }, func(b []byte, v float64) { be.PutUint32(b, uint32(int64(v))) }, 0, 4294967295},
		{"Int32LE", 4, func(b []byte) float64 { return float64(int32(le.Uint32(b))) }, func(b []byte, v float64) { le.PutUint32(b, uint32(int64(v))) }, -2147483648, 2147483647},
		{"Int32BE", 4, func(b []byte) float64 { return float64(int32(be.Uint32(b))) }, func(b []byte, v float64) { be.PutUint32(b, uint32(int64(v))) }, -2147483648, 2147483647},
		{"FloatLE", 4, func(b []byte) float64 { return float64(math.Float32frombits(le.Uint32(b))) }, func(b []byte, v float64) { le.PutUint32(b, f32bits(v)) }, 0, 0},
		{"FloatBE", 4, func(b []byte) float64 { return float64(math.Float32frombits(be.Uint32(b))) }, func(b []byte, v float64) { be.PutUint32(b, f32bits(v)) }, 0, 0},
		{"DoubleLE", 8, func(b []byte) float64 { return math.Float64frombits(le.Uint64(b)) }, func(b []byte, v float64) { le.PutUint64(b, f64bits(v)) }, 0, 0},
		{"DoubleBE", 8, func(b []byte) float64 { return math.Float64frombits(be.Uint64(b)) }, func(b []byte, v float64) { be.PutUint64(b, f64bits(v)) }, 0, 0},
	}
	return ints
}

// f64bits and f32bits are the bits V8 writes: NaN as the canonical quiet
// NaN (Go's math.NaN() sets the lowest mantissa bit).
func f64bits(v float64) uint64 {
	if v != v {
		return 0x7ff8000000000000
	}
	return math.Float64bits(v)
}

func f32bits(v float64) uint32 {
	if v != v {
		return 0x7fc00000
	}
	return math.Float32bits(float32(v))
}

func installFast(rt *sobek.Runtime, proto *sobek.Object) {
	wrap := func(names []string, fast func(c sobek.FunctionCall) (sobek.Value, bool)) {
		orig, _ := proto.Get(names[0]).(*sobek.Object)
		slow, ok := engine.Direct(orig)
		if !ok {
			return
		}
		f := rt.ToValue(func(c sobek.FunctionCall) sobek.Value {
			if v, ok := fast(c); ok {
				return v
			}
			return slow(c)
		}).(*sobek.Object)
		_ = f.DefineDataProperty("name", rt.ToValue(names[0]), sobek.FLAG_FALSE, sobek.FLAG_FALSE, sobek.FLAG_TRUE)
		_ = f.DefineDataProperty("length", orig.Get("length"), sobek.FLAG_FALSE, sobek.FLAG_FALSE, sobek.FLAG_TRUE)
		for _, n := range names {
			if proto.Get(n) == sobek.Value(orig) {
				_ = proto.Set(n, f)
			}
		}
	}
	// toString(encoding) of the whole buffer; toLocaleString is the same
	// function
	wrap([]string{"toString", "toLocaleString"}, func(c sobek.FunctionCall) (sobek.Value, bool) {
		b, ok := ownBytes(c.This)
		if !ok || len(c.Arguments) > 1 && !sobek.IsUndefined(c.Arguments[1]) || len(c.Arguments) > 2 && !sobek.IsUndefined(c.Arguments[2]) {
			return nil, false
		}
		enc := "utf8"
		if len(c.Arguments) > 0 && !sobek.IsUndefined(c.Arguments[0]) {
			if !sobek.IsString(c.Arguments[0]) {
				return nil, false
			}
			if enc = encoding.NormalizeEncoding(c.Arguments[0].String()); enc == "" {
				return nil, false
			}
		}
		return encoding.DecodeValue(rt, b, enc), true
	})
	for _, n := range numerics() {
		n := n
		names := func(prefix string) []string {
			l := []string{prefix + n.name}
			if alias := prefix + "Uint" + n.name[min(len(n.name), 4):]; n.name[:min(len(n.name), 4)] == "UInt" {
				l = append(l, alias)
			}
			return l
		}
		wrap(names("read"), func(c sobek.FunctionCall) (sobek.Value, bool) {
			b, ok := ownBytes(c.This)
			if !ok {
				return nil, false
			}
			off, ok := offsetArg(c.Arguments, 0, n.size, len(b))
			if !ok {
				return nil, false
			}
			return rt.ToValue(n.read(b[off : off+n.size])), true
		})
		wrap(names("write"), func(c sobek.FunctionCall) (sobek.Value, bool) {
			b, ok := ownBytes(c.This)
			if !ok || len(c.Arguments) == 0 || !sobek.IsNumber(c.Arguments[0]) {
				return nil, false
			}
			v := c.Arguments[0].ToFloat()
			if n.min != n.max && !(v >= n.min && v <= n.max) {
				return nil, false
			}
			off, ok := offsetArg(c.Arguments, 1, n.size, len(b))
			if !ok {
				return nil, false
			}
			n.write(b[off:off+n.size], v)
			return rt.ToValue(off + n.size), true
		})
	}
}

// installFastAlloc replaces Buffer.alloc (without a fill), allocUnsafe and
// allocUnsafeSlow for an integer size in range by one construction of
// the host's Uint8Array with Buffer as new.target (whose prototype is
// FastBuffer's), what `new FastBuffer(size)` does without the class's
// own constructor frames; the memory caps of the host's Uint8Array apply
// as before. Any other call goes to buffer.js's function.
func installFastAlloc(rt *sobek.Runtime, buffer *sobek.Object, u8 sobek.Value) {
	ctor, ok := sobek.AssertConstructor(u8)
	if !ok {
		return
	}
	const kMaxLength = 4294967296
	for _, name := range []string{"alloc", "allocUnsafe", "allocUnsafeSlow"} {
		orig, _ := buffer.Get(name).(*sobek.Object)
		slow, ok := engine.Direct(orig)
		if !ok {
			continue
		}
		fill := name == "alloc"
		f := rt.ToValue(func(c sobek.FunctionCall) sobek.Value {
			if len(c.Arguments) == 0 || !sobek.IsNumber(c.Arguments[0]) || fill && len(c.Arguments) > 1 && !sobek.IsUndefined(c.Arguments[1]) {
				return slow(c)
			}
			n := c.Arguments[0].ToFloat()
			if n != math.Trunc(n) || n < 0 || n > kMaxLength {
				return slow(c)
			}
			o, err := ctor(buffer, c.Arguments[0])
			if err != nil {
				panic(err)
			}
			return o
		}).(*sobek.Object)
		_ = f.DefineDataProperty("name", orig.Get("name"), sobek.FLAG_FALSE, sobek.FLAG_FALSE, sobek.FLAG_TRUE)
		_ = f.DefineDataProperty("length", orig.Get("length"), sobek.FLAG_FALSE, sobek.FLAG_FALSE, sobek.FLAG_TRUE)
		_ = buffer.Set(name, f)
	}
}
