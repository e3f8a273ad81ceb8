package jsvm_test

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/jsvm-dev/jsvm"
)

func newSandbox(t testing.TB, o jsvm.SandboxOptions) *jsvm.Sandbox {
	t.Helper()
	sb, err := jsvm.NewSandbox(o)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { sb.Close() })
	return sb
}

// TestSandboxGoAPI runs the same checks on a sandbox in this process and
// on one in a worker process: the copy semantics are the same.
func TestSandboxGoAPI(t *testing.T) {
	t.Run("in-process", func(t *testing.T) { testSandboxGoAPI(t, false) })
	t.Run("process", func(t *testing.T) { testSandboxGoAPI(t, true) })
}

func testSandboxGoAPI(t *testing.T, process bool) {
	var out bytes.Buffer
	sb := newSandbox(t, jsvm.SandboxOptions{Timeout: 2 * time.Second, MemoryLimit: 64 << 20, Console: &out, Process: process})
	ctx := context.Background()
	if err := sb.Set("data", map[string]any{"a": []any{1, 2}}); err != nil {
		t.Fatal(err)
	}
	var logged []any
	if err := sb.Export("log", func(args []any) (any, error) { logged = append(logged, args...); return len(args), nil }); err != nil {
		t.Fatal(err)
	}
	if err := sb.Export("fail", func(args []any) (any, error) { return nil, errors.New("nope") }); err != nil {
		t.Fatal(err)
	}
	if err := sb.Export("boom", func(args []any) (any, error) { panic("host bug") }); err != nil {
		t.Fatal(err)
	}
	v, err := sb.Run(ctx, `console.log('hi', {x: 1}); log(data.a[1], {k: 'v'}) + data.a.length`)
	if err != nil || v != 4.0 {
		t.Fatalf("got %v %v", v, err)
	}
	if fmt.Sprint(logged) != "[2 map[k:v]]" || out.String() != "hi { x: 1 }\n" {
		t.Fatalf("logged %v, console %q", logged, out.String())
	}
	v, err = sb.Run(ctx, `let r = []; try { fail() } catch (e) { r.push(e instanceof Error, e.message, e.constructor === Error) }
		try { boom() } catch (e) { r.push(e.message) }
		r.push(log.constructor === Function, log.constructor('return 1')())
		r`)
	if err != nil || fmt.Sprint(v) != "[true nope true the exported function boom failed true 1]" {
		t.Fatalf("got %v %v", v, err)
	}
	_, err = sb.Run(ctx, `throw new RangeError('r')`)
	var te *jsvm.ThrownError
	if !errors.As(err, &te) || te.Value.(*jsvm.CopiedError).Name != "RangeError" {
		t.Fatalf("got %#v", err)
	}
	_, err = sb.Run(ctx, `for(;;);`)
	var ie *jsvm.InterruptedError
	if !errors.As(err, &ie) || ie.Code != "ERR_SCRIPT_EXECUTION_TIMEOUT" || !errors.Is(err, context.DeadlineExceeded) {
		t.Fatalf("got %#v", err)
	}
	if err := sb.ExportAsync("fetchIt", func(ctx context.Context, args []any) (any, error) {
		time.Sleep(time.Millisecond)
		return map[string]any{"got": args[0]}, nil
	}); err != nil {
		t.Fatal(err)
	}
	v, err = sb.RunAsync(ctx, `(async () => { const r = await fetchIt('x'); return r.got + (await Promise.resolve('!')) })()`)
	if err != nil || v != "x!" {
		t.Fatalf("got %v %v", v, err)
	}
	_, err = sb.RunAsync(ctx, `Promise.reject(new TypeError('no'))`)
	if !errors.As(err, &te) || te.Value.(*jsvm.CopiedError).Message != "no" {
		t.Fatalf("got %#v", err)
	}
	_, err = sb.RunAsync(ctx, `new Promise(() => {})`)
	var le *jsvm.SandboxLimitError
	if !errors.As(err, &le) || le.Code != "ERR_SANDBOX_PROMISE_PENDING" {
		t.Fatalf("got %#v", err)
	}
	c, cancel := context.WithCancel(ctx)
	time.AfterFunc(20*time.Millisecond, cancel)
	_, err = sb.Run(c, `for(;;);`)
	if !errors.Is(err, context.Canceled) {
		t.Fatalf("got %#v", err)
	}
	if n, err := sb.MemoryUsage(); err != nil || n <= 0 {
		t.Fatalf("memory %d %v", n, err)
	}
	// one compiled script in many sandboxes
	sc, err := jsvm.CompileSandboxScript("s.js", `typeof counter === 'undefined' ? (globalThis.counter = 1) : ++counter`)
	if err != nil {
		t.Fatal(err)
	}
	other := newSandbox(t, jsvm.SandboxOptions{Process: process})
	for i, want := range []float64{1, 2} {
		for _, s := range []*jsvm.Sandbox{sb, other} {
			if v, err := s.RunScript(ctx, sc); err != nil || v != want {
				t.Fatalf("run %d: %v %v", i, v, err)
			}
		}
	}
	sb.Close()
	if _, err := sb.Run(ctx, "1"); !errors.As(err, &le) || le.Code != "ERR_SANDBOX_DISPOSED" {
		t.Fatalf("got %v", err)
	}
}

func TestSandboxCopies(t *testing.T) {
	t.Run("in-process", func(t *testing.T) { testSandboxCopies(t, false) })
	t.Run("process", func(t *testing.T) { testSandboxCopies(t, true) })
}

func testSandboxCopies(t *testing.T, process bool) {
	sb := newSandbox(t, jsvm.SandboxOptions{Process: process})
	m := map[string]any{"n": 1}
	m["self"] = m
	if err := sb.Set("m", m); err != nil {
		t.Fatal(err)
	}
	v, err := sb.Run(context.Background(), "m.self === m && m.n")
	if err != nil || v != 1.0 {
		t.Fatalf("%v %v", v, err)
	}
	type S struct{ A int }
	for _, bad := range []any{S{1}, &S{1}, func() {}, make(chan int), map[int]int{1: 1}} {
		var ce *jsvm.DataCloneError
		if err := sb.Set("x", bad); !errors.As(err, &ce) {
			t.Errorf("%T: %v", bad, err)
		}
	}
	v, err = sb.Run(context.Background(), "const o = {a: 1}; o.o = o; [o, new Date(86400000), new Map([['k', 1n]])]")
	if err != nil {
		t.Fatal(err)
	}
	arr := v.([]any)
	o := arr[0].(map[string]any)
	if o["o"].(map[string]any)["a"] != 1.0 || !arr[1].(time.Time).Equal(time.UnixMilli(86400000)) || fmt.Sprint(arr[2].(*jsvm.JSMap).Values) != "[1]" {
		t.Fatalf("%v", v)
	}
}

// TestSandboxManyGoroutines drives many sandboxes, in this process and in
// worker processes, from many goroutines (run with -race).
func TestSandboxManyGoroutines(t *testing.T) {
	shared := newSandbox(t, jsvm.SandboxOptions{Timeout: 5 * time.Second})
	sharedProc := newSandbox(t, jsvm.SandboxOptions{Timeout: 5 * time.Second, Process: true})
	var wg sync.WaitGroup
	errs := make(chan error, 64)
	for g := 0; g < 8; g++ {
		wg.Add(1)
		go func(g int) {
			defer wg.Done()
			sb, err := jsvm.NewSandbox(jsvm.SandboxOptions{Timeout: 5 * time.Second, MemoryLimit: 64 << 20, Process: g%2 == 0})
			if err != nil {
				errs <- err
				return
			}
			defer sb.Close()
			_ = sb.Export("id", func(args []any) (any, error) { return g, nil })
			_ = sb.ExportAsync("later", func(ctx context.Context, args []any) (any, error) { return args[0], nil })
			for i := 0; i < 20; i++ {
				v, err := sb.Run(context.Background(), fmt.Sprintf("let x%d = [1,2,3].map(v => v * id()); x%d.join()", i, i))
				if err != nil || v != strings.Join([]string{fmt.Sprint(g), fmt.Sprint(2 * g), fmt.Sprint(3 * g)}, ",") {
					errs <- fmt.Errorf("g%d: %v %v", g, v, err)
					return
				}
				if i%5 == 0 {
					if v, err := sb.RunAsync(context.Background(), "later(id())"); err != nil || v != float64(g) {
						errs <- fmt.Errorf("g%d async: %v %v", g, v, err)
						return
					}
				}
				for _, s := range []*jsvm.Sandbox{shared, sharedProc} {
					if _, err := s.Run(context.Background(), "globalThis.n = (globalThis.n || 0) + 1"); err != nil {
						errs <- err
						return
					}
				}
			}
		}(g)
	}
	wg.Wait()
	close(errs)
	for err := range errs {
		t.Error(err)
	}
	for _, s := range []*jsvm.Sandbox{shared, sharedProc} {
		if v, _ := s.Run(context.Background(), "n"); v != 160.0 {
			t.Fatalf("shared count %v", v)
		}
	}
}
