// Package encoding holds the text codecs of jsvm's builtins (Buffer's
// encodings, WHATWG UTF-8) and the TextEncoder/TextDecoder classes, which
// are written in JavaScript (encoding.js) over them.
package encoding

import (
	_ "embed"
	"unicode/utf16"
	"unicode/utf8"

	"github.com/grafana/sobek"
	"github.com/jsvm-dev/jsvm/internal/nodeerr"
	"github.com/jsvm-dev/jsvm/node/host"
)

//go:embed encoding.js
var source string

var embedded = &host.Embedded{Name: "node:internal/encoding", Params: "module, exports, internals", Source: source}

// Load fills module.exports with { TextEncoder, TextDecoder }. It is not a
// Node builtin module of its own: node/util re-exports the two classes
// (util.TextEncoder), and the host's globals come from there. This package
// must not import node/util.
func Load(h *host.Host, module *sobek.Object) error {
	rt := h.Runtime
	fn, err := embedded.Func(h)
	if err != nil {
		return err
	}
	in := rt.NewObject()
	// util.inspect passes itself to the custom inspect methods; this short
	// rendering is only a fallback (node/util imports this package, so it
	// cannot be used here).
	_ = in.Set("inspect", func(v sobek.Value) string { return nodeerr.InspectShort(v, 0) })
	_ = in.Set("invalidArgType", func(name, expected string, v sobek.Value) *sobek.Object {
		return nodeerr.InvalidArgType(rt, name, expected, v)
	})
	_ = in.Set("newError", func(kind, code, msg string) *sobek.Object { return nodeerr.New(rt, kind, code, msg) })
	_ = in.Set("encode", func(s sobek.Value) sobek.Value {
		return rt.ToValue(rt.NewArrayBuffer(EncodeUTF8(Units(s))))
	})
	_ = in.Set("encodeInto", func(s sobek.Value, dst sobek.Value) sobek.Value {
		b, _ := dst.Export().([]byte)
		read, written := encodeInto(Units(s), b)
		return rt.NewArray(read, written)
	})
	_ = in.Set("decode", func(u8 sobek.Value, enc string, fatal, stream bool) sobek.Value {
		b, _ := u8.Export().([]byte)
		u, consumed, ok := decodeChunk(b, enc, fatal, stream)
		if !ok {
			panic(nodeerr.New(rt, "TypeError", "ERR_ENCODING_INVALID_ENCODED_DATA",
				"The encoded data was not valid for encoding "+enc))
		}
		return rt.NewArray(sobek.StringFromUTF16(u), consumed)
	})
	_, err = fn(sobek.Undefined(), module, module.Get("exports"), in)
	return err
}

// encodeInto writes as many whole characters of u as fit in dst.
func encodeInto(u []uint16, dst []byte) (read, written int) {
	var buf [4]byte
	for read < len(u) {
		c := rune(u[read])
		n := 1
		switch {
		case c >= 0xD800 && c <= 0xDBFF && read+1 < len(u) && u[read+1] >= 0xDC00 && u[read+1] <= 0xDFFF:
			c = utf16.DecodeRune(c, rune(u[read+1]))
			n = 2
		case c >= 0xD800 && c <= 0xDFFF:
			c = utf8.RuneError
		}
		k := utf8.EncodeRune(buf[:], c)
		if written+k > len(dst) {
			break
		}
		copy(dst[written:], buf[:k])
		written += k
		read += n
	}
	return read, written
}

// utf8Tail is the length of an incomplete but so far valid UTF-8 sequence
// at the end of b.
func utf8Tail(b []byte) int {
	for k := 1; k <= 3 && k <= len(b); k++ {
		c := b[len(b)-k]
		if c < 0x80 {
			return 0
		}
		if c >= 0xC0 {
			need := 0
			switch {
			case c >= 0xC2 && c <= 0xDF:
				need = 2
			case c >= 0xE0 && c <= 0xEF:
				need = 3
			case c >= 0xF0 && c <= 0xF4:
				need = 4
			default:
				return 0
			}
			if k >= need {
				return 0
			}
			if k >= 2 {
				s := b[len(b)-k+1]
				lo, hi := byte(0x80), byte(0xBF)
				switch c {
				case 0xE0:
					lo = 0xA0
				case 0xED:
					hi = 0x9F
				case 0xF0:
					lo = 0x90
				case 0xF4:
					hi = 0x8F
				}
				if s < lo || s > hi {
					return 0
				}
			}
			return k
		}
	}
	return 0
}

func decodeChunk(b []byte, enc string, fatal, stream bool) (u []uint16, consumed int, ok bool) {
	switch enc {
	case "windows-1252":
		u = make([]uint16, len(b))
		for i, c := range b {
			u[i] = uint16(c)
		}
		return u, len(b), true
	case "utf-16le":
		n := len(b)
		if stream {
			n -= n % 2
			if n >= 2 {
				last := uint16(b[n-2]) | uint16(b[n-1])<<8
				if last >= 0xD800 && last <= 0xDBFF {
					n -= 2
				}
			}
		}
		units := make([]uint16, 0, n/2+1)
		for i := 0; i+1 < n; i += 2 {
			units = append(units, uint16(b[i])|uint16(b[i+1])<<8)
		}
		valid := true
		out := make([]uint16, 0, len(units)+1)
		for i := 0; i < len(units); i++ {
			c := units[i]
			switch {
			case c >= 0xD800 && c <= 0xDBFF && i+1 < len(units) && units[i+1] >= 0xDC00 && units[i+1] <= 0xDFFF:
				out = append(out, c, units[i+1])
				i++
			case c >= 0xD800 && c <= 0xDFFF:
				out = append(out, 0xFFFD)
				valid = false
			default:
				out = append(out, c)
			}
		}
		if !stream && n%2 == 1 {
			out = append(out, 0xFFFD)
			valid = false
		}
		if fatal && !valid {
			return nil, 0, false
		}
		return out, n, true
	}
	n := len(b)
	if stream {
		n -= utf8Tail(b)
	}
	u, valid := DecodeUTF8(b[:n])
	if fatal && !valid {
		return nil, 0, false
	}
	return u, n, true
}
