package vm

import (
	"fmt"
	"os"
	"runtime"
	"strings"
	"testing"

	"github.com/grafana/sobek"
	"github.com/grafana/sobek/parser"
	"github.com/jsvm-dev/jsvm/internal/codecache"
	"github.com/jsvm-dev/jsvm/internal/core"
)

// benchSource is ~500 KB of library-like JavaScript, or the file named by
// $JSVM_BENCH_JS (e.g. a real library, not committed).
func benchSource(b *testing.B) string {
	if f := os.Getenv("JSVM_BENCH_JS"); f != "" {
		src, err := os.ReadFile(f)
		if err != nil {
			b.Fatal(err)
		}
		return string(src)
	}
	var sb strings.Builder
	sb.WriteString("(function (root) {\n  'use strict';\n  var lib = {};\n")
	for i := 0; sb.Len() < 500<<10; i++ {
		fmt.Fprintf(&sb, `
  /** Helper %[1]d: walks a collection. */
  function helper%[1]d(collection, iteratee, accumulator) {
    var index = -1, length = collection == null ? 0 : collection.length;
    if (typeof iteratee !== 'function') { throw new TypeError('Expected a function: ' + %[1]d); }
    while (++index < length) {
      var value = collection[index];
      accumulator = iteratee(accumulator, value, index, collection) || { key: 'k%[1]d', value: [value, index * %[1]d] };
    }
    for (const [k, v] of Object.entries(accumulator)) { if (k === 'skip') continue; lib['x' + k] = v; }
    return accumulator;
  }
  class Box%[1]d extends Array {
    constructor(...items) { super(...items); this.tag = `+"`box-${%[1]d}`"+`; }
    get size() { return this.length; }
    map2(fn) { return this.map((x, i) => fn(x, i) ?? null); }
  }
  lib.helper%[1]d = helper%[1]d;
  lib.Box%[1]d = Box%[1]d;
`, i)
	}
	sb.WriteString("  root.lib = lib;\n})(this);\n")
	return sb.String()
}

// BenchmarkCompile compares compiling a big script cold with compiling it
// with a code cache: made by this process (the compiled program is reused)
// or by another one (validated, then compiled: sobek cannot load compiled
// code). parse and compileAST split the cold cost.
func BenchmarkCompile(b *testing.B) {
	src := benchSource(b)
	opts := core.ScriptOptions{Filename: "big.js"}
	key := codecache.Key{Kind: codecache.KindScript, Source: src}
	data := codecache.Encode(engineTag(), key, nil)
	pkey := codecache.ProgramKey{Sum: key.Sum(), Options: scriptOptionsKey(core.ScriptOptions{Filename: "big.js"})}
	b.Run("parse", func(b *testing.B) {
		b.ReportAllocs()
		b.SetBytes(int64(len(src)))
		for i := 0; i < b.N; i++ {
			if _, err := parser.ParseFile(nil, "big.js", src, 0, parser.WithDisableSourceMaps); err != nil {
				b.Fatal(err)
			}
		}
	})
	b.Run("compileAST", func(b *testing.B) {
		b.ReportAllocs()
		for i := 0; i < b.N; i++ {
			b.StopTimer()
			ast, err := parser.ParseFile(nil, "big.js", src, 0, parser.WithDisableSourceMaps)
			if err != nil {
				b.Fatal(err)
			}
			b.StartTimer()
			if _, err := sobek.CompileAST(ast, false); err != nil {
				b.Fatal(err)
			}
		}
	})
	b.Run("cold", func(b *testing.B) {
		b.SetBytes(int64(len(src)))
		for i := 0; i < b.N; i++ {
			if _, err := core.Compile(src, opts); err != nil {
				b.Fatal(err)
			}
		}
	})
	b.Run("cache-other-process", func(b *testing.B) {
		b.SetBytes(int64(len(src)))
		for i := 0; i < b.N; i++ {
			if _, err := codecache.Check(data, engineTag(), key); err != nil {
				b.Fatal(err)
			}
			if _, err := core.Compile(src, opts); err != nil {
				b.Fatal(err)
			}
		}
	})
	b.Run("cache-same-process", func(b *testing.B) {
		s, err := core.Compile(src, opts)
		if err != nil {
			b.Fatal(err)
		}
		var ps codecache.Programs
		ps.Put(pkey, s.Program)
		b.SetBytes(int64(len(src)))
		b.ResetTimer()
		for i := 0; i < b.N; i++ {
			if _, err := codecache.Check(data, engineTag(), key); err != nil {
				b.Fatal(err)
			}
			if ps.Get(pkey) == nil {
				b.Fatal("program lost")
			}
		}
		b.StopTimer()
		runtime.KeepAlive(s.Program)
	})
}
