// Package codecache is jsvm's code cache: the bytes behind vm.Script's
// cachedData / createCachedData and vm.compileFunction's cachedData.
//
// # What a cache buys
//
// sobek compiles in two steps, parse (source -> ast.Program) and compile
// (AST -> *sobek.Program). A *sobek.Program is opaque: nothing in sobek's
// public API serialises it, so no cache can carry compiled code to another
// process. The AST is public, so a cache could carry a serialised AST and
// let a later process skip the parse only. Measured on lodash 4.17.21
// (544 KB) on the project's 2-core machine:
//
//	parse                         7.3–8.5 ms
//	compile (CompileAST)         11.5–15.0 ms
//	reflection deep-copy of AST  22.7 ms (31,294 pointers)
//
// BenchmarkCompile in node/vm (JSVM_BENCH_JS=lodash.js) gives the same
// split: parse 5.2–6.1 ms (40k allocations), CompileAST 9.7–11.3 ms, cold
// 15–18 ms; with cache data from another process 17.7–17.9 ms (no gain:
// validation, then a full compile); with cache data from this process,
// program still alive, 0.6 ms (SHA-256 of the source; ~28x faster).
//
// The compile step, which no cache can skip, is ~60% of the work, and merely
// rebuilding the AST's 31k nodes through reflection (an in-memory lower
// bound for a generic decoder, before reading a single byte) costs three
// times the parse it would replace. So this format carries no AST: a later
// process always parses and compiles, and gains nothing but validation.
//
// What the cache does give:
//   - validation, as V8's: data made for other source (or another kind of
//     code, other function parameters), by another jsvm or sobek version,
//     truncated, corrupted or random bytes is rejected, never trusted;
//   - within one process, accepted data lets the consumer reuse the
//     *sobek.Program compiled for the same source and compile options while
//     it is still alive (Programs: held weakly), skipping parse and compile
//     entirely.
//
// # Format (version 1)
//
//	"JSVMCC\x00"  magic, 7 bytes
//	u8            format version (1)
//	u8 + bytes    engine tag: jsvm version "/" sobek version
//	u8            kind (Script, Function)
//	32 bytes      SHA-256 of the key (kind, parameters, source)
//	uvarint+bytes payload (empty in version 1; reserved)
//	4 bytes       CRC-32 (IEEE, big endian) of everything before it
package codecache

import (
	"bytes"
	"crypto/sha256"
	"encoding/binary"
	"errors"
	"hash/crc32"
	"runtime/debug"
	"sync"
	"weak"

	"github.com/grafana/sobek"
)

// Kind tells what the cached code is.
type Kind byte

const (
	KindScript   Kind = 1
	KindFunction Kind = 2
)

// FormatVersion is the version of the byte format.
const FormatVersion = 1

const magic = "JSVMCC\x00"

// maxPayload bounds what Decode accepts, so hostile lengths cannot make it
// allocate.
const maxPayload = 1 << 30

// Key identifies code: what was compiled, independent of where it runs.
type Key struct {
	Kind   Kind
	Params []string // function parameters (KindFunction)
	Source string
}

// Sum is the SHA-256 of the key.
func (k Key) Sum() [32]byte {
	h := sha256.New()
	var n [binary.MaxVarintLen64]byte
	h.Write([]byte{byte(k.Kind)})
	h.Write(n[:binary.PutUvarint(n[:], uint64(len(k.Params)))])
	for _, p := range k.Params {
		h.Write(n[:binary.PutUvarint(n[:], uint64(len(p)))])
		h.Write([]byte(p))
	}
	h.Write(n[:binary.PutUvarint(n[:], uint64(len(k.Source)))])
	h.Write([]byte(k.Source))
	var s [32]byte
	h.Sum(s[:0])
	return s
}

// Data is decoded cache data.
type Data struct {
	Version int
	Engine  string
	Kind    Kind
	Sum     [32]byte
	Payload []byte
}

// Errors Decode and Check report. Any of them means "rejected".
var (
	ErrTruncated = errors.New("codecache: truncated data")
	ErrMagic     = errors.New("codecache: not jsvm cache data")
	ErrVersion   = errors.New("codecache: unsupported format version")
	ErrChecksum  = errors.New("codecache: checksum mismatch")
	ErrEngine    = errors.New("codecache: made by another jsvm or sobek version")
	ErrMismatch  = errors.New("codecache: made for other code")
)

var sobekVersion = sync.OnceValue(func() string {
	if bi, ok := debug.ReadBuildInfo(); ok {
		for _, d := range bi.Deps {
			if d.Path == "github.com/grafana/sobek" {
				if d.Replace != nil {
					return d.Replace.Path + "@" + d.Replace.Version
				}
				return d.Version
			}
		}
	}
	return "unknown"
})

// EngineTag is the engine identity a cache is bound to: the jsvm version
// given and the sobek version this binary is built with.
func EngineTag(jsvmVersion string) string {
	t := jsvmVersion + "/" + sobekVersion()
	if len(t) > 255 {
		t = t[:255]
	}
	return t
}

// Encode makes cache data for key, bound to engine (see EngineTag).
func Encode(engine string, key Key, payload []byte) []byte {
	if len(engine) > 255 {
		engine = engine[:255]
	}
	sum := key.Sum()
	b := make([]byte, 0, len(magic)+2+len(engine)+1+32+binary.MaxVarintLen64+len(payload)+4)
	b = append(b, magic...)
	b = append(b, FormatVersion, byte(len(engine)))
	b = append(b, engine...)
	b = append(b, byte(key.Kind))
	b = append(b, sum[:]...)
	b = binary.AppendUvarint(b, uint64(len(payload)))
	b = append(b, payload...)
	return binary.BigEndian.AppendUint32(b, crc32.ChecksumIEEE(b))
}

// Decode parses cache data. It never panics; any malformed input is an
// error.
func Decode(b []byte) (*Data, error) {
	if len(b) < len(magic)+1 {
		if bytes.HasPrefix([]byte(magic), b) {
			return nil, ErrTruncated
		}
		return nil, ErrMagic
	}
	if string(b[:len(magic)]) != magic {
		return nil, ErrMagic
	}
	if b[len(magic)] != FormatVersion {
		return nil, ErrVersion
	}
	// magic, version, tag length, kind, sum, payload length, checksum
	if len(b) < len(magic)+1+1+1+32+1+4 {
		return nil, ErrTruncated
	}
	body, tail := b[:len(b)-4], b[len(b)-4:]
	r := body[len(magic)+1:]
	if len(r) < 1 {
		return nil, ErrTruncated
	}
	n := int(r[0])
	r = r[1:]
	if len(r) < n+1+32 {
		return nil, ErrTruncated
	}
	d := &Data{Version: FormatVersion, Engine: string(r[:n]), Kind: Kind(r[n])}
	r = r[n+1:]
	copy(d.Sum[:], r[:32])
	r = r[32:]
	pl, k := binary.Uvarint(r)
	if k <= 0 || pl > maxPayload || pl > uint64(len(r)-k) {
		return nil, ErrTruncated
	}
	r = r[k:]
	if uint64(len(r)) != pl {
		return nil, ErrTruncated
	}
	if crc32.ChecksumIEEE(body) != binary.BigEndian.Uint32(tail) {
		return nil, ErrChecksum
	}
	d.Payload = append([]byte(nil), r...)
	return d, nil
}

// Check decodes b and verifies it was made by engine for key.
func Check(b []byte, engine string, key Key) (*Data, error) {
	d, err := Decode(b)
	if err != nil {
		return nil, err
	}
	if len(engine) > 255 {
		engine = engine[:255]
	}
	if d.Engine != engine {
		return nil, ErrEngine
	}
	if d.Kind != key.Kind || d.Sum != key.Sum() {
		return nil, ErrMismatch
	}
	return d, nil
}

// ProgramKey identifies a compiled program within the process: the code's
// sum plus everything else that shaped the compiled program (file name,
// offsets, the number of context extensions...), as an opaque string.
type ProgramKey struct {
	Sum     [32]byte
	Options string
}

// Programs holds compiled programs weakly, so accepted cache data can skip
// compilation in the process that still has them. Safe for concurrent use.
type Programs struct {
	mu sync.Mutex
	m  map[ProgramKey]weak.Pointer[sobek.Program]
}

// Put records p under k.
func (ps *Programs) Put(k ProgramKey, p *sobek.Program) {
	ps.mu.Lock()
	defer ps.mu.Unlock()
	if ps.m == nil {
		ps.m = make(map[ProgramKey]weak.Pointer[sobek.Program])
	}
	// Sweep dead entries now and then so the table stays small.
	if len(ps.m) >= 64 && len(ps.m)&(len(ps.m)-1) == 0 {
		for key, w := range ps.m {
			if w.Value() == nil {
				delete(ps.m, key)
			}
		}
	}
	ps.m[k] = weak.Make(p)
}

// Get returns the live program recorded under k, or nil.
func (ps *Programs) Get(k ProgramKey) *sobek.Program {
	ps.mu.Lock()
	defer ps.mu.Unlock()
	w, ok := ps.m[k]
	if !ok {
		return nil
	}
	p := w.Value()
	if p == nil {
		delete(ps.m, k)
	}
	return p
}
