// Package zlib is Node's `zlib` builtin over Go's compress/flate,
// compress/gzip and compress/zlib, and github.com/andybalholm/brotli for
// brotli: the sync, callback and stream forms (zlib.js). Compressed bytes
// are valid zlib/gzip/brotli but not byte-identical to Node's (a different
// encoder); every stream Node makes decompresses here and the reverse.
package zlib

import (
	"bytes"
	"compress/flate"
	"compress/gzip"
	"compress/zlib"
	_ "embed"
	"errors"
	"hash/crc32"
	"io"

	"github.com/andybalholm/brotli"
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
	// process(mode, data, level) -> ArrayBuffer, or throws {code, errno, message}
	_ = b.Set("process", func(mode string, data sobek.Value, level int, wbits int) sobek.Value {
		out, zerr := process(mode, bytesOf(data), level)
		if zerr != nil {
			e := events.Internals(h).Get("newError").Export().(func(string, string, string) *sobek.Object)("Error", zerr.code, zerr.msg)
			_ = e.Set("errno", zerr.errno)
			panic(e)
		}
		return rt.ToValue(rt.NewArrayBuffer(out))
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

func dataError(msg string) *zError { return &zError{"Z_DATA_ERROR", -3, msg} }

func process(mode string, in []byte, level int) ([]byte, *zError) {
	var buf bytes.Buffer
	if level < -1 || level > 9 {
		level = -1
	}
	switch mode {
	case "deflate", "gzip", "deflateRaw":
		var w io.WriteCloser
		switch mode {
		case "deflate":
			w, _ = zlib.NewWriterLevel(&buf, level)
		case "gzip":
			gw, _ := gzip.NewWriterLevel(&buf, level)
			gw.OS = 3 // unix, as zlib writes
			w = gw
		default:
			w, _ = flate.NewWriter(&buf, level)
		}
		_, _ = w.Write(in)
		_ = w.Close()
		return buf.Bytes(), nil
	case "brotliCompress":
		q := brotli.DefaultCompression
		if level >= 0 && level <= 11 {
			q = level
		}
		w := brotli.NewWriterLevel(&buf, q)
		_, _ = w.Write(in)
		_ = w.Close()
		return buf.Bytes(), nil
	case "brotliDecompress":
		out, err := io.ReadAll(brotli.NewReader(bytes.NewReader(in)))
		if err != nil {
			return nil, &zError{"ERR__ERROR_FORMAT_PADDING_1", -6, "Decompression failed"}
		}
		return out, nil
	case "inflate", "gunzip", "inflateRaw", "unzip":
		if mode == "unzip" {
			mode = "inflate"
			if len(in) >= 2 && in[0] == 0x1f && in[1] == 0x8b {
				mode = "gunzip"
			}
		}
		if len(in) == 0 {
			return nil, &zError{"Z_BUF_ERROR", -5, "unexpected end of file"}
		}
		var r io.Reader
		switch mode {
		case "inflate":
			zr, err := zlib.NewReader(bytes.NewReader(in))
			if err != nil {
				return nil, headerError(err)
			}
			r = zr
		case "gunzip":
			if in[0] != 0x1f || (len(in) > 1 && in[1] != 0x8b) {
				return nil, dataError("incorrect header check")
			}
			var out []byte
			rd := bytes.NewReader(in)
			// concatenated gzip members, as zlib's gunzip reads them
			for rd.Len() > 0 {
				gr, err := gzip.NewReader(rd)
				if err != nil {
					if len(out) > 0 {
						break
					}
					return nil, headerError(err)
				}
				gr.Multistream(false)
				b, err := io.ReadAll(gr)
				if err != nil {
					return nil, readError(err)
				}
				out = append(out, b...)
			}
			return out, nil
		default:
			r = flate.NewReader(bytes.NewReader(in))
		}
		out, err := io.ReadAll(r)
		if err != nil {
			return nil, readError(err)
		}
		return out, nil
	}
	return nil, &zError{"ERR_INVALID_ARG_VALUE", -2, "unknown mode " + mode}
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
