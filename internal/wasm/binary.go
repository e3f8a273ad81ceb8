package wasm

import (
	"errors"
	"fmt"
	"math"
	"strconv"
)

// The module descriptions the JS API reports (Module.imports, exports,
// customSections) come from the binary itself, read here: wazero reports
// only function and memory imports. The import section is also rewritten
// (forWazero) so that every import names a module the instantiation
// provides: wazero resolves an import by module name to one module
// instance, which can hold functions only (a host module) or be one
// wasm-defined memory, table or global — while one JS import object
// namespace ("env") may give all of them.

type importEntry struct {
	module, name string
	kind         byte // 0 func, 1 table, 2 memory, 3 global, 4 tag
	typeIndex    uint32
	global       globalType
}

type exportEntry struct {
	name  string
	kind  byte
	index uint32
}

type globalType struct {
	val     byte // 0x7f i32, 0x7e i64, 0x7d f32, 0x7c f64, 0x6f externref, 0x70 funcref
	mutable bool
}

type customSection struct {
	name string
	data []byte
}

type binaryInfo struct {
	sections [][3]int // each section's [header start, payload start, end)
	imports  []importEntry
	exports  []exportEntry
	customs  []customSection
}

var errTruncated = errors.New("truncated")

type reader struct {
	b   []byte
	pos int
}

func (r *reader) byte() (byte, error) {
	if r.pos >= len(r.b) {
		return 0, errTruncated
	}
	c := r.b[r.pos]
	r.pos++
	return c, nil
}

func (r *reader) u32() (uint32, error) {
	var v uint64
	for shift := 0; shift < 35; shift += 7 {
		c, err := r.byte()
		if err != nil {
			return 0, err
		}
		v |= uint64(c&0x7f) << shift
		if c&0x80 == 0 {
			if v > math.MaxUint32 {
				return 0, errors.New("invalid LEB")
			}
			return uint32(v), nil
		}
	}
	return 0, errors.New("invalid LEB")
}

func (r *reader) bytes(n uint32) ([]byte, error) {
	if uint64(r.pos)+uint64(n) > uint64(len(r.b)) {
		return nil, errTruncated
	}
	s := r.b[r.pos : r.pos+int(n)]
	r.pos += int(n)
	return s, nil
}

func (r *reader) name() (string, error) {
	n, err := r.u32()
	if err != nil {
		return "", err
	}
	s, err := r.bytes(n)
	return string(s), err
}

func (r *reader) limits() error {
	flag, err := r.byte()
	if err != nil {
		return err
	}
	if _, err := r.u32(); err != nil {
		return err
	}
	if flag&1 != 0 {
		if _, err := r.u32(); err != nil {
			return err
		}
	}
	return nil
}

// header checks the preamble with V8's messages (the rest of a malformed
// module has wazero's).
func header(b []byte) error {
	if len(b) == 0 {
		return errors.New("BufferSource argument is empty")
	}
	if len(b) < 4 {
		return fmt.Errorf("expected 4 bytes, fell off end @+0")
	}
	if string(b[:4]) != "\x00asm" {
		return fmt.Errorf("expected magic word 00 61 73 6d, found %s @+0", hexWord(b[:4]))
	}
	if len(b) < 8 {
		return fmt.Errorf("expected 4 bytes, fell off end @+4")
	}
	if string(b[4:8]) != "\x01\x00\x00\x00" {
		return fmt.Errorf("expected version 01 00 00 00, found %s @+4", hexWord(b[4:8]))
	}
	return nil
}

func hexWord(b []byte) string {
	s := ""
	for i, c := range b {
		if i > 0 {
			s += " "
		}
		s += fmt.Sprintf("%02x", c)
	}
	return s
}

// parseBinary reads the sections the JS API describes. It assumes a
// valid header; errors are malformed sections (wazero, compiling, says
// which).
func parseBinary(b []byte) (*binaryInfo, error) {
	info := &binaryInfo{}
	r := &reader{b: b, pos: 8}
	for r.pos < len(b) {
		start := r.pos
		id, _ := r.byte()
		size, err := r.u32()
		if err != nil {
			return nil, err
		}
		payload, err := r.bytes(size)
		if err != nil {
			return nil, err
		}
		info.sections = append(info.sections, [3]int{start, r.pos - int(size), r.pos})
		s := &reader{b: payload}
		if id >= 1 && id <= 11 && id != 8 {
			// a vector's elements take a byte each at least: a larger
			// count is malformed, and wazero would allocate for it
			// (2**32 functions declared in 5 bytes is Go's fatal OOM)
			p := &reader{b: payload}
			n, err := p.u32()
			if err != nil {
				return nil, err
			}
			if uint64(n) > uint64(len(payload)) {
				return nil, fmt.Errorf("section %d: %d entries declared in %d bytes", id, n, len(payload))
			}
		}
		if id == 12 {
			p := &reader{b: payload}
			if n, err := p.u32(); err != nil || uint64(n) > uint64(len(b)) {
				return nil, fmt.Errorf("data count %d larger than the module", n)
			}
		}
		switch id {
		case 0:
			name, err := s.name()
			if err != nil {
				return nil, err
			}
			info.customs = append(info.customs, customSection{name, payload[s.pos:]})
		case 2:
			n, err := s.u32()
			if err != nil {
				return nil, err
			}
			for i := uint32(0); i < n; i++ {
				var e importEntry
				if e.module, err = s.name(); err != nil {
					return nil, err
				}
				if e.name, err = s.name(); err != nil {
					return nil, err
				}
				if e.kind, err = s.byte(); err != nil {
					return nil, err
				}
				switch e.kind {
				case 0:
					e.typeIndex, err = s.u32()
				case 1:
					if _, err = s.byte(); err == nil {
						err = s.limits()
					}
				case 2:
					err = s.limits()
				case 3:
					var m byte
					if e.global.val, err = s.byte(); err == nil {
						m, err = s.byte()
						e.global.mutable = m == 1
					}
				case 4:
					if _, err = s.byte(); err == nil {
						e.typeIndex, err = s.u32()
					}
				default:
					err = fmt.Errorf("invalid import kind %d", e.kind)
				}
				if err != nil {
					return nil, err
				}
				info.imports = append(info.imports, e)
			}
		case 7:
			n, err := s.u32()
			if err != nil {
				return nil, err
			}
			for i := uint32(0); i < n; i++ {
				var e exportEntry
				if e.name, err = s.name(); err != nil {
					return nil, err
				}
				if e.kind, err = s.byte(); err != nil {
					return nil, err
				}
				if e.index, err = s.u32(); err != nil {
					return nil, err
				}
				info.exports = append(info.exports, e)
			}
		}
	}
	return info, nil
}

// Import module names of the rewritten binary: function import i is
// (funcModule, "i"); a memory, table or global import i is
// (objectModule+"i", objectField). None can clash with a JS name: they
// start with a NUL byte.
const (
	funcModule   = "\x00jsvm.f"
	objectModule = "\x00jsvm.o"
	objectField  = "x"
)

func appendU32(b []byte, v uint32) []byte {
	for {
		c := byte(v & 0x7f)
		v >>= 7
		if v != 0 {
			b = append(b, c|0x80)
			continue
		}
		return append(b, c)
	}
}

func appendName(b []byte, s string) []byte {
	b = appendU32(b, uint32(len(s)))
	return append(b, s...)
}

// forWazero returns the binary wazero compiles: b without its custom
// sections (read here; wazero fails on some valid ones, e.g. an empty
// payload) and with the import section's names replaced as described at
// funcModule.
func forWazero(b []byte, info *binaryInfo) []byte {
	out := make([]byte, 0, len(b))
	out = append(out, b[:8]...)
	for _, sec := range info.sections {
		switch b[sec[0]] {
		case 0:
			continue
		case 2:
			payload := renameImports(b[sec[1]:sec[2]])
			out = append(out, 2)
			out = appendU32(out, uint32(len(payload)))
			out = append(out, payload...)
		default:
			out = append(out, b[sec[0]:sec[2]]...)
		}
	}
	return out
}

func renameImports(section []byte) []byte {
	s := &reader{b: section}
	n, _ := s.u32()
	var payload []byte
	payload = appendU32(payload, n)
	for i := uint32(0); i < n; i++ {
		_, _ = s.name()
		_, _ = s.name()
		descStart := s.pos
		kind, _ := s.byte()
		switch kind {
		case 0:
			_, _ = s.u32()
		case 1:
			_, _ = s.byte()
			_ = s.limits()
		case 2:
			_ = s.limits()
		case 3:
			_, _ = s.byte()
			_, _ = s.byte()
		case 4:
			_, _ = s.byte()
			_, _ = s.u32()
		}
		if kind == 0 {
			payload = appendName(payload, funcModule)
			payload = appendName(payload, strconv.Itoa(int(i)))
		} else {
			payload = appendName(payload, objectModule+strconv.Itoa(int(i)))
			payload = appendName(payload, objectField)
		}
		payload = append(payload, s.b[descStart:s.pos]...)
	}
	return payload
}

// Tiny modules that define one memory or global and export it as
// objectField: what WebAssembly.Memory and WebAssembly.Global make, so an
// instance can import them (wazero imports only from module instances).

func memoryModule(initial uint32, maximum int64) []byte {
	b := []byte("\x00asm\x01\x00\x00\x00")
	var lim []byte
	if maximum >= 0 {
		lim = append(lim, 1)
		lim = appendU32(lim, initial)
		lim = appendU32(lim, uint32(maximum))
	} else {
		lim = append(lim, 0)
		lim = appendU32(lim, initial)
	}
	sec := appendU32(nil, 1)
	sec = append(sec, lim...)
	b = append(b, 5)
	b = appendU32(b, uint32(len(sec)))
	b = append(b, sec...)
	return appendExport(b, 2)
}

func appendExport(b []byte, kind byte) []byte {
	sec := appendU32(nil, 1)
	sec = appendName(sec, objectField)
	sec = append(sec, kind, 0)
	b = append(b, 7)
	b = appendU32(b, uint32(len(sec)))
	return append(b, sec...)
}

// globalModule defines a global of type t initialised to bits (the
// value's wasm encoding: i32/i64 as integers, f32/f64 as IEEE bits).
func globalModule(t globalType, bits uint64) []byte {
	b := []byte("\x00asm\x01\x00\x00\x00")
	sec := appendU32(nil, 1)
	sec = append(sec, t.val)
	if t.mutable {
		sec = append(sec, 1)
	} else {
		sec = append(sec, 0)
	}
	switch t.val {
	case 0x7f:
		sec = append(sec, 0x41)
		sec = appendS64(sec, int64(int32(uint32(bits))))
	case 0x7e:
		sec = append(sec, 0x42)
		sec = appendS64(sec, int64(bits))
	case 0x7d:
		sec = append(sec, 0x43, byte(bits), byte(bits>>8), byte(bits>>16), byte(bits>>24))
	case 0x7c:
		sec = append(sec, 0x44)
		for i := 0; i < 8; i++ {
			sec = append(sec, byte(bits>>(8*i)))
		}
	}
	sec = append(sec, 0x0b)
	b = append(b, 6)
	b = appendU32(b, uint32(len(sec)))
	b = append(b, sec...)
	return appendExport(b, 3)
}

func appendS64(b []byte, v int64) []byte {
	for {
		c := byte(v & 0x7f)
		v >>= 7
		if (v == 0 && c&0x40 == 0) || (v == -1 && c&0x40 != 0) {
			return append(b, c)
		}
		b = append(b, c|0x80)
	}
}
