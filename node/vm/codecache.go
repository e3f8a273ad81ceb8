package vm

import (
	"strconv"

	"github.com/grafana/sobek"
	"github.com/jsvm-dev/jsvm/internal/codecache"
	"github.com/jsvm-dev/jsvm/internal/core"
	"github.com/jsvm-dev/jsvm/node/host"
)

// Code caches (vm.Script's cachedData, produceCachedData and
// createCachedData; vm.compileFunction's likewise) are internal/codecache's
// format: bound to a hash of the code and to the jsvm and sobek versions.
// sobek cannot serialise compiled programs, so a cache made by another
// process buys validation only; within one process, accepted data reuses
// the compiled program while it is alive (see package codecache for the
// measurements behind this).

// programs are the compiled programs of this process that accepted cache
// data may reuse, held weakly.
var programs codecache.Programs

func engineTag() string { return codecache.EngineTag(host.JSVMVersion) }

// installCodeCache sets natives.checkCachedData(handle, bytes) -> bool,
// natives.createCachedData(handle) -> Buffer and
// natives.compileCached(code, filename, lineOffset, columnOffset, bytes, parsingContext) ->
// [handle, accepted].
func (m *module) installCodeCache(natives *sobek.Object) {
	_ = natives.Set("checkCachedData", func(c sobek.FunctionCall) sobek.Value {
		s, ok := c.Argument(0).Export().(*script)
		if !ok {
			return m.rt.ToValue(false)
		}
		_, err := codecache.Check(bytesOf(c.Argument(1)), engineTag(), scriptKey(s.s))
		return m.rt.ToValue(err == nil)
	})
	_ = natives.Set("createCachedData", func(c sobek.FunctionCall) sobek.Value {
		s, ok := c.Argument(0).Export().(*script)
		if !ok {
			panic(m.rt.NewTypeError("Illegal invocation"))
		}
		key := scriptKey(s.s)
		programs.Put(codecache.ProgramKey{Sum: key.Sum(), Options: scriptOptionsKey(s.s.Options)}, s.s.Program)
		return m.bufferValue(codecache.Encode(engineTag(), key, nil))
	})
	_ = natives.Set("compileCached", func(c sobek.FunctionCall) sobek.Value {
		code := c.Argument(0).String()
		opts := core.ScriptOptions{
			Filename:     c.Argument(1).String(),
			LineOffset:   int(c.Argument(2).ToInteger()),
			ColumnOffset: int(c.Argument(3).ToInteger()),
		}
		key := codecache.Key{Kind: codecache.KindScript, Source: code}
		_, err := codecache.Check(bytesOf(c.Argument(4)), engineTag(), key)
		accepted := err == nil
		if accepted {
			o := opts
			if o.Filename == "" {
				o.Filename = core.DefaultFilename
			}
			if p := programs.Get(codecache.ProgramKey{Sum: key.Sum(), Options: scriptOptionsKey(o)}); p != nil {
				h := m.rt.ToValue(&script{s: core.ScriptOf(p, code, o), cached: true})
				return m.rt.NewArray(h, m.rt.ToValue(true))
			}
		}
		h := m.compile(sobek.FunctionCall{This: c.This, Arguments: []sobek.Value{c.Argument(0), c.Argument(1), c.Argument(2), c.Argument(3), c.Argument(5)}})
		if s, ok := h.Export().(*script); ok && accepted {
			programs.Put(codecache.ProgramKey{Sum: key.Sum(), Options: scriptOptionsKey(s.s.Options)}, s.s.Program)
		}
		return m.rt.NewArray(h, m.rt.ToValue(accepted))
	})
}

func scriptKey(s *core.Script) codecache.Key {
	return codecache.Key{Kind: codecache.KindScript, Source: s.Source}
}

func scriptOptionsKey(o core.ScriptOptions) string {
	return "s\x00" + o.Filename + "\x00" + itoa(o.LineOffset) + ":" + itoa(o.ColumnOffset)
}

func itoa(i int) string { return strconv.Itoa(i) }

// bytesOf returns the bytes of a Uint8Array (or other view, as exported by
// sobek), or nil.
func bytesOf(v sobek.Value) []byte {
	if v == nil {
		return nil
	}
	b, _ := v.Export().([]byte)
	return b
}

// bytesValue returns b as a Uint8Array of the main realm (the intrinsic,
// whatever the global Uint8Array has become).
func (m *module) bytesValue(b []byte) sobek.Value {
	ctor := m.h.Primordials().Get("Uint8Array").(*sobek.Object)
	u8, err := m.rt.New(ctor, m.rt.ToValue(m.rt.NewArrayBuffer(b)))
	if err != nil {
		panic(err)
	}
	return u8
}

// bufferValue returns b as a Buffer when the host has one (else a
// Uint8Array).
func (m *module) bufferValue(b []byte) sobek.Value { return m.toBuffer(m.bytesValue(b)) }

// toBuffer returns a Buffer over the bytes of the Uint8Array u8, made by
// the host's buffer module (as Node's vm makes it: not through the global
// Buffer, which a script can replace), or u8 itself when the host has no
// buffer module.
func (m *module) toBuffer(u8 sobek.Value) sobek.Value {
	o, ok := u8.(*sobek.Object)
	if !ok {
		return u8
	}
	exp, err := m.h.Require("buffer")
	if err != nil {
		return u8
	}
	bo, ok := exp.(*sobek.Object)
	if !ok {
		return u8
	}
	bctor, ok := bo.Get("Buffer").(*sobek.Object)
	if !ok {
		return u8
	}
	from, ok := sobek.AssertFunction(bctor.Get("from"))
	if !ok {
		return u8
	}
	r, err := from(bctor, o.Get("buffer"), o.Get("byteOffset"), o.Get("byteLength"))
	if err != nil {
		panic(err)
	}
	return r
}
