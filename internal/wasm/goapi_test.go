package wasm_test

import (
	"context"
	"errors"
	"os"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/jsvm-dev/jsvm"
)

// wasmgen is testdata/wasmgen.js made usable by a plain context.
func wasmgen() string {
	b, err := os.ReadFile("testdata/wasmgen.js")
	if err != nil {
		panic(err)
	}
	src := strings.Replace(string(b), "module.exports = { build, op, leb, sleb, section, vec, str };", "globalThis.W = { build, op };", 1)
	// Buffer is the host's: the encoder uses it for names and floats only
	return "const Buffer = { from: (s) => [...s].map((c) => c.charCodeAt(0)), alloc: (n) => { const a = new Uint8Array(n); a.writeDoubleLE = (x) => new DataView(a.buffer).setFloat64(0, x, true); return a; } };\n" + src
}

const spinModule = `var spin = new WebAssembly.Instance(new WebAssembly.Module(W.build({ types: [[[], []], [['i32', 'i32'], ['i32']]],
  funcs: [{ type: 0, body: [W.op.loop, W.op.br(0), W.op.end] }, { type: 1, body: [W.op.get(0), W.op.get(1), W.op.add] }],
  exports: [{ name: 'spin', index: 0 }, { name: 'add', index: 1 }] }))).exports;`

func newWasmContext(t *testing.T, opts jsvm.IsolateOptions) *jsvm.Context {
	t.Helper()
	c, err := wasmContext(opts)
	if err != nil {
		t.Fatal(err)
	}
	return c
}

func wasmContext(opts jsvm.IsolateOptions) (*jsvm.Context, error) {
	iso := jsvm.NewIsolate(opts)
	c, err := iso.NewContext(nil, jsvm.ContextOptions{})
	if err != nil {
		return nil, err
	}
	ctx := context.Background()
	if _, err := c.Run(ctx, wasmgen(), jsvm.RunOptions{}); err != nil {
		return nil, err
	}
	if _, err := c.Run(ctx, spinModule, jsvm.RunOptions{}); err != nil {
		return nil, err
	}
	return c, nil
}

// TestInterruptGoAPI: a context.Context deadline and a Timeout stop a
// wasm infinite loop; the context stays usable (a new instance: the
// interrupted one is closed, see the package's report).
func TestInterruptGoAPI(t *testing.T) {
	c := newWasmContext(t, jsvm.IsolateOptions{})
	ctx, cancel := context.WithTimeout(context.Background(), 50*time.Millisecond)
	defer cancel()
	_, err := c.Run(ctx, "spin.spin()", jsvm.RunOptions{})
	var ie *jsvm.InterruptedError
	if !errors.As(err, &ie) || !errors.Is(err, context.DeadlineExceeded) {
		t.Fatalf("deadline: got %v", err)
	}
	_, err = c.Run(context.Background(), "new WebAssembly.Instance(new WebAssembly.Module(W.build({types: [[[], []]], funcs: [{type: 0, body: [W.op.loop, W.op.br(0), W.op.end]}], exports: [{name: 's', index: 0}]}))).exports.s()", jsvm.RunOptions{Timeout: 50 * time.Millisecond})
	if !errors.As(err, &ie) {
		t.Fatalf("timeout: got %v", err)
	}
	v, err := c.Run(context.Background(), spinModule+"spin.add(40, 2)", jsvm.RunOptions{})
	if err != nil || v.String() != "42" {
		t.Fatalf("after: %v %v", v, err)
	}
}

// TestConcurrentIsolates runs wasm in several isolates at once (-race).
func TestConcurrentIsolates(t *testing.T) {
	var wg sync.WaitGroup
	errs := make(chan error, 4)
	for i := 0; i < 4; i++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			c, err := wasmContext(jsvm.IsolateOptions{})
			if err != nil {
				errs <- err
				return
			}
			v, err := c.Run(context.Background(), `let s = 0; for (let i = 0; i < 2000; i++) s = spin.add(s, i); s`, jsvm.RunOptions{})
			if err != nil {
				errs <- err
				return
			}
			if v.String() != "1999000" {
				errs <- errors.New("sum " + v.String())
			}
		}()
	}
	wg.Wait()
	close(errs)
	for err := range errs {
		t.Error(err)
	}
}

// TestMemoryGrowthLimit: growing a memory past what the isolate's memory
// limit leaves fails as V8 fails a grow (-1 in wasm, RangeError from JS),
// and the isolate keeps working.
func TestMemoryGrowthLimit(t *testing.T) {
	c := newWasmContext(t, jsvm.IsolateOptions{MemoryLimit: 64 << 20})
	v, err := c.Run(context.Background(), `
		const m = new WebAssembly.Memory({ initial: 1, maximum: 65536 });
		let err;
		try { for (let i = 0; i < 1000; i++) m.grow(16); } catch (e) { err = e; }
		[err && err.constructor.name, err && err.message, m.buffer.byteLength <= 64 << 20].join()`, jsvm.RunOptions{})
	// the grow that would pass the limit fails (V8's RangeError); under
	// load the heap watchdog may stop the run first (its own error)
	if err != nil {
		if !strings.Contains(err.Error(), "memory limit") {
			t.Fatal(err)
		}
	} else if got := v.String(); got != "RangeError,WebAssembly.Memory.grow(): Maximum memory size exceeded,true" {
		t.Fatalf("got %s", got)
	}
	v, err = c.Run(context.Background(), `new WebAssembly.Instance(new WebAssembly.Module(W.build({ memory: { min: 65536 } })))`, jsvm.RunOptions{})
	if err == nil || !strings.Contains(err.Error(), "RangeError") && !strings.Contains(err.Error(), "memory limit") {
		t.Fatalf("big initial memory: %v %v", v, err)
	}
	v, err = c.Run(context.Background(), "spin.add(1, 2)", jsvm.RunOptions{})
	if err != nil || v.String() != "3" {
		t.Fatalf("after: %v %v", v, err)
	}
}
