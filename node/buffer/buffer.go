// Package buffer is Node's `buffer` builtin: Buffer as a subclass of
// Uint8Array, written in JavaScript (buffer.js) over the Go codecs of
// node/encoding.
package buffer

import (
	_ "embed"
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
	_ = in.Set("normEnc", encoding.NormalizeEncoding)
	_ = in.Set("encode", func(s sobek.Value, enc string) sobek.Value {
		return rt.ToValue(rt.NewArrayBuffer(encoding.Encode(encoding.Units(s), enc)))
	})
	_ = in.Set("decode", func(u8 sobek.Value, enc string) sobek.Value {
		return encoding.Decode(bytesOf(u8), enc)
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
	_, err = fn(sobek.Undefined(), module, module.Get("exports"), in)
	return err
}

// utf8.Valid accepts no surrogates already; kept for clarity.
func hasSurrogates([]byte) bool { return false }
