// Package buffer is Node's `buffer` builtin: Buffer as a subclass of
// Uint8Array, written in JavaScript (buffer.js) over the Go codecs of
// node/encoding.
package buffer

import (
	"bytes"
	_ "embed"
	"reflect"
	"strings"
	"unicode/utf8"

	"github.com/grafana/sobek"
	"github.com/jsvm-dev/jsvm/internal/nodeerr"
	"github.com/jsvm-dev/jsvm/node/encoding"
	"github.com/jsvm-dev/jsvm/node/events"
	"github.com/jsvm-dev/jsvm/node/host"
)

//go:embed buffer.js
var source string

var embedded = &host.Embedded{Name: "node:buffer", Params: "module, exports, internals", Source: source}

var typeArrayBuffer = reflect.TypeOf(sobek.ArrayBuffer{})

func bytesOf(v sobek.Value) []byte {
	if v == nil {
		return nil
	}
	b, _ := v.Export().([]byte)
	return b
}

// Load is the loader of the `buffer` builtin. module.exports.Buffer is the
// Buffer class the host should also make global.
func Load(h *host.Host, module *sobek.Object) error {
	rt := h.Runtime
	fn, err := embedded.Func(h)
	if err != nil {
		return err
	}
	in := events.Internals(h)
	// FunctionCall natives, not reflect-wrapped Go functions: these are
	// on the hot paths of Buffer.from and toString
	_ = in.Set("normEnc", func(c sobek.FunctionCall) sobek.Value {
		return rt.ToValue(encoding.NormalizeEncoding(c.Argument(0).String()))
	})
	_ = in.Set("encode", func(c sobek.FunctionCall) sobek.Value {
		return rt.ToValue(rt.NewArrayBuffer(encoding.Encode(encoding.Units(c.Argument(0)), c.Argument(1).String())))
	})
	_ = in.Set("decode", func(c sobek.FunctionCall) sobek.Value {
		return encoding.DecodeValue(rt, bytesOf(c.Argument(0)), c.Argument(1).String())
	})
	// cmpBytes compares a[as:ae] with b[bs:be] as bytes.Compare; -2 when
	// a view's bytes cannot be had (the JS loop then compares).
	_ = in.Set("cmpBytes", func(a sobek.Value, as, ae int, b sobek.Value, bs, be int) int {
		x, y := bytesOf(a), bytesOf(b)
		if as < 0 || bs < 0 || as > ae || bs > be || ae > len(x) || be > len(y) {
			return -2
		}
		return bytes.Compare(x[as:ae], y[bs:be])
	})
	// isArrayBuffer: v's brand is ArrayBuffer (its realm's or another's),
	// asked without a throw: a failed byteLength getter builds its message
	// from String(v), which runs v's toString and prints a whole array.
	_ = in.Set("isArrayBuffer", func(v sobek.Value) bool {
		o, ok := v.(*sobek.Object)
		return ok && o.ExportType() == typeArrayBuffer
	})
	_ = in.Set("isUtf8", func(u8 sobek.Value) bool { return utf8.Valid(bytesOf(u8)) && !hasSurrogates(bytesOf(u8)) })
	_ = in.Set("received", func(v sobek.Value) string { return nodeerr.Received(v) })
	_ = in.Set("bigRecv", func(v sobek.Value) string {
		s := v.String()
		neg := strings.HasPrefix(s, "-")
		s = strings.TrimPrefix(s, "-")
		if len(s) > 3 {
			var b strings.Builder
			for i := range len(s) {
				if i > 0 && (len(s)-i)%3 == 0 {
					b.WriteByte('_')
				}
				b.WriteByte(s[i])
			}
			s = b.String()
		}
		if neg {
			s = "-" + s
		}
		return s + "n"
	})
	if _, err = fn(sobek.Undefined(), module, module.Get("exports"), in); err != nil {
		return err
	}
	if exports, ok := module.Get("exports").(*sobek.Object); ok {
		if b, ok := exports.Get("Buffer").(*sobek.Object); ok {
			if proto, ok := b.Get("prototype").(*sobek.Object); ok {
				installFast(rt, proto)
			}
			if u8, ok := h.IntrinsicGlobal("Uint8Array"); ok {
				installFastAlloc(rt, b, u8)
			}
		}
	}
	return nil
}

// utf8.Valid accepts no surrogates already; kept for clarity.
func hasSurrogates([]byte) bool { return false }
