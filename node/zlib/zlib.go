// Package zlib is Node's `zlib` builtin over Go's compress/flate,
// compress/gzip and compress/zlib, and github.com/andybalholm/brotli for
// brotli: the sync, callback and stream forms (zlib.js). Compressed bytes
// are valid zlib/gzip/brotli but not byte-identical to Node's (a different
// encoder); every stream Node makes decompresses here and the reverse.
package zlib

import (
	"compress/gzip"
	"compress/zlib"
	_ "embed"
	"errors"
	"fmt"
	"hash/crc32"
	"io"

	"github.com/grafana/sobek"
	"github.com/jsvm-dev/jsvm/node/events"
	"github.com/jsvm-dev/jsvm/node/host"
)

//go:embed zlib.js
var source string

var embedded = &host.Embedded{Name: "node:zlib", Params: "module, exports, internals, binding, require", Source: source}

// Load is the loader of the `zlib` builtin.
func Load(h *host.Host, module *sobek.Object) error {
	rt := h.Runtime
	fn, err := embedded.Func(h)
	if err != nil {
		return err
	}
	b := rt.NewObject()
	bytesOf := func(v sobek.Value) []byte {
		var out []byte
		if err := rt.ExportTo(v, &out); err != nil {
			panic(rt.NewTypeError("not a buffer"))
		}
		return out
	}
	throw := func(zerr *zError) {
		e := events.Internals(h).Get("newError").Export().(func(string, string, string) *sobek.Object)(zerr.class(), zerr.code, zerr.msg)
		if zerr.class() == "Error" {
			_ = e.Set("errno", zerr.errno)
		}
		panic(e)
	}
	// process(mode, data, level, maxOutputLength) -> ArrayBuffer, or
	// throws {code, errno, message}. The output is bounded by
	// maxOutputLength and by the isolate's memory limit (a zip bomb stops
	// there with ERR_BUFFER_TOO_LARGE, never Go's fatal out-of-memory).
	_ = b.Set("process", func(mode string, data sobek.Value, level int, maxOut float64) sobek.Value {
		limit := int64(maxOut)
		if h.Isolate != nil {
			if m := h.Isolate.MemoryLimit(); m > 0 && (limit <= 0 || uint64(limit) > m) {
				limit = int64(m)
			}
		}
		out, zerr := process(mode, bytesOf(data), level, limit)
		if zerr != nil {
			throw(zerr)
		}
		return rt.ToValue(rt.NewArrayBuffer(out))
	})
	ab := func(out []byte, zerr *zError) sobek.Value {
		if zerr != nil {
			throw(zerr)
		}
		if out == nil {
			out = []byte{}
		}
		return rt.ToValue(rt.NewArrayBuffer(out))
	}
	// stream(mode, level, dictionary) -> {write, flush, finish, close}
	_ = b.Set("stream", func(mode string, level int, dict sobek.Value) *sobek.Object {
		var d []byte
		if !sobek.IsUndefined(dict) && !sobek.IsNull(dict) {
			d = append([]byte(nil), bytesOf(dict)...)
		}
		z := newZStream(mode, level, d)
		o := rt.NewObject()
		_ = o.Set("write", func(v sobek.Value) sobek.Value { return ab(z.write(bytesOf(v))) })
		_ = o.Set("flush", func(kind int) sobek.Value { return ab(z.flush(kind)) })
		_ = o.Set("finish", func() sobek.Value { return ab(z.finish()) })
		_ = o.Set("close", func() { z.close() })
		return o
	})
	_ = b.Set("crc32", func(data sobek.Value, init int64) int64 {
		return int64(crc32.Update(uint32(init), crc32.IEEETable, bytesOf(data)))
	})
	consts := rt.NewObject()
	for _, c := range constants {
		_ = consts.Set(c.name, c.value)
	}
	_ = b.Set("constants", consts)
	_, err = fn(sobek.Undefined(), module, module.Get("exports"), events.Internals(h), b, h.BuiltinRequire())
	return err
}

type zError struct {
	code  string
	errno int
	msg   string
}

// class is the error's JS class: Node's output-limit error is a
// RangeError without errno, the codec's are Errors with one.
func (e *zError) class() string {
	if e.code == "ERR_BUFFER_TOO_LARGE" {
		return "RangeError"
	}
	return "Error"
}

// tooLarge is Node's error for output past maxOutputLength.
func tooLarge(limit int64) *zError {
	return &zError{code: "ERR_BUFFER_TOO_LARGE", msg: fmt.Sprintf("Cannot create a Buffer larger than %d bytes", limit)}
}

func dataError(msg string) *zError { return &zError{"Z_DATA_ERROR", -3, msg} }

// process is the one-shot form (zlib.gzipSync, ...): the stream machinery
// with all the input at once, its output bounded by limit (> 0).
func process(mode string, in []byte, level int, limit int64) ([]byte, *zError) {
	z := newZStream(mode, level, nil)
	z.limit = limit
	out, zerr := z.write(in)
	if zerr != nil {
		z.close()
		return nil, zerr
	}
	rest, zerr := z.finish()
	if zerr != nil {
		return nil, zerr
	}
	return append(out, rest...), nil
}

func headerError(err error) *zError {
	if errors.Is(err, io.ErrUnexpectedEOF) || errors.Is(err, io.EOF) {
		return &zError{"Z_BUF_ERROR", -5, "unexpected end of file"}
	}
	return dataError("incorrect header check")
}

func readError(err error) *zError {
	switch {
	case errors.Is(err, io.ErrUnexpectedEOF):
		return &zError{"Z_BUF_ERROR", -5, "unexpected end of file"}
	case errors.Is(err, zlib.ErrChecksum), errors.Is(err, gzip.ErrChecksum):
		return dataError("incorrect data check")
	}
	return dataError("invalid stored block lengths")
}
