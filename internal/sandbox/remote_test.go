package sandbox

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"math/big"
	"os"
	"strings"
	"sync"
	"syscall"
	"testing"
	"time"
)

// TestMain lets the test binary be a sandbox worker (NewRemote
// re-executes it).
func TestMain(m *testing.M) {
	RunWorkerIfRequested()
	os.Exit(m.Run())
}

func newRemote(t testing.TB, o Options) *Remote {
	t.Helper()
	r, err := NewRemote(o)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(r.Close)
	return r
}

func remoteRun(r *Remote, src string) (any, error) {
	return r.Run(context.Background(), Source("test.js", src))
}

func limitCode(err error) string {
	var le *LimitError
	if errors.As(err, &le) {
		return le.Code
	}
	return fmt.Sprintf("%T %v", err, err)
}

func TestRemoteBasics(t *testing.T) {
	var out bytes.Buffer
	r := newRemote(t, Options{Timeout: 5 * time.Second, MemoryLimit: 64 << 20, Console: &out})
	if err := r.Set("data", &Object{Keys: []string{"x", "big"}, Values: []any{41.0, big.NewInt(-7)}}); err != nil {
		t.Fatal(err)
	}
	var got []any
	if err := r.Export("log", func(args []any) (any, error) { got = append(got, args...); return len(args), nil }); err != nil {
		t.Fatal(err)
	}
	_ = r.Export("fail", func(args []any) (any, error) { return nil, &Error{Name: "RangeError", Message: "nope"} })
	_ = r.Export("boom", func(args []any) (any, error) { panic("host bug") })
	_ = r.ExportAsync("later", func(ctx context.Context, args []any) (any, error) {
		time.Sleep(time.Millisecond)
		return &Array{Elems: []any{args[0], "done"}}, nil
	})
	v, err := remoteRun(r, `console.log('hi', [1]); const o = {a: data.x + 1, b: data.big * 2n}; o.self = o;
		const r = [log(o, new Map([[1, 2]])), o];
		try { fail() } catch (e) { r.push(e.name, e.message, e instanceof RangeError) }
		try { boom() } catch (e) { r.push(e.message) }
		r.push(log.constructor === Function); r`)
	if err != nil {
		t.Fatal(err)
	}
	a := v.(*Array).Elems
	o := a[1].(*Object)
	if self, _ := o.Get("self"); self != o || a[0] != 2.0 || fmt.Sprint(a[2:]) != "[RangeError nope true the exported function boom failed true]" {
		t.Fatalf("got %v", Describe(v))
	}
	if b, _ := o.Get("b"); b.(*big.Int).Int64() != -14 || len(got) != 2 || got[1].(*Map).Values[0] != 2.0 {
		t.Fatalf("got %v / %v", Describe(v), got)
	}
	if out.String() != "hi [ 1 ]\n" {
		t.Fatalf("console %q", out.String())
	}
	v, err = r.RunAsync(context.Background(), Source("a.js", `(async () => (await later('x')).join() + (await Promise.resolve('!')))()`))
	if err != nil || v != "x,done!" {
		t.Fatalf("got %v %v", v, err)
	}
	testLater(t, r)
	testLater(t, newSB(t, Options{}))
	// compiled once (in the worker), run in this and another sandbox
	sc, err := r.Compile("c.js", `typeof n === 'undefined' ? (globalThis.n = 1) : ++n`)
	if err != nil {
		t.Fatal(err)
	}
	local := newSB(t, Options{})
	for _, want := range []float64{1, 2} {
		for _, s := range []Instance{r, local} {
			if v, err := s.Run(context.Background(), sc); err != nil || v != want {
				t.Fatalf("%T: %v %v", s, v, err)
			}
		}
	}
	if _, err := r.Compile("bad.js", "let let"); err == nil || !strings.Contains(err.Error(), "SyntaxError") {
		t.Fatalf("got %v", err)
	}
	if _, err := remoteRun(r, "("); err == nil {
		t.Fatal("no syntax error")
	}
	if n, err := r.MemoryUsage(); err != nil || n < sizeSandboxBase {
		t.Fatalf("memory %d %v", n, err)
	}
	// limits, enforced by the worker: the sandbox stays usable
	if _, err := remoteRun(r, "function f() { f() } f()"); limitCode(err) != CodeStack {
		t.Fatalf("got %v", err)
	}
	ctx, cancel := context.WithCancel(context.Background())
	time.AfterFunc(50*time.Millisecond, cancel)
	if _, err := r.Run(ctx, Source("t.js", "for (;;);")); !errors.Is(err, context.Canceled) || limitCode(err) != CodeInterrupted {
		t.Fatalf("got %#v", err)
	}
	ctx, cancel = context.WithTimeout(context.Background(), 50*time.Millisecond)
	defer cancel()
	if _, err := r.Run(ctx, Source("t.js", "for (;;);")); !errors.Is(err, context.DeadlineExceeded) || limitCode(err) != CodeTimeout {
		t.Fatalf("got %#v", err)
	}
	if v, err := remoteRun(r, "data.x"); err != nil || v != 41.0 {
		t.Fatalf("got %v %v", v, err)
	}
	// a host function running the sandbox that called it
	_ = r.Export("again", func(args []any) (any, error) { _, err := remoteRun(r, "1"); return nil, err })
	if _, err := remoteRun(r, "again()"); err == nil || !strings.Contains(err.Error(), "already running") {
		t.Fatalf("got %v", err)
	}
	r.Close()
	if _, err := remoteRun(r, "1"); limitCode(err) != CodeDisposed || !r.Disposed() {
		t.Fatalf("got %v", err)
	}
}

// testLater: an exported function that decides per call to answer later
// (the JS face's host functions that return a promise).
func testLater(t *testing.T, s Instance) {
	_ = s.Export("maybe", func(args []any) (any, error) {
		if args[0] == "later" {
			return Later(func(ctx context.Context) (any, error) { return &Array{Elems: []any{"L"}}, nil }), nil
		}
		if args[0] == "fail" {
			return Later(func(ctx context.Context) (any, error) { return nil, &Error{Name: "TypeError", Message: "late no"} }), nil
		}
		return "now", nil
	})
	v, err := s.RunAsync(context.Background(), Source("l.js", `(async () => {
		const p = maybe('later'); const r = [maybe('now'), p instanceof Promise, (await p)[0]];
		try { await maybe('fail') } catch (e) { r.push(e.name + ': ' + e.message) }
		return r.join() })()`))
	if err != nil || v != "now,true,L,TypeError: late no" {
		t.Fatalf("%T: %v %v", s, v, err)
	}
}

// TestRemoteWorkerDies: a killed worker, and one that runs out of memory
// in one native step past the size caps, end their run with an error;
// the host is alive and the sandbox disposed.
func TestRemoteWorkerDies(t *testing.T) {
	r := newRemote(t, Options{Timeout: 10 * time.Second})
	time.AfterFunc(100*time.Millisecond, func() { _ = syscall.Kill(r.Pid(), syscall.SIGKILL) })
	_, err := remoteRun(r, "for (;;);")
	if limitCode(err) != CodeWorkerExited || !strings.Contains(err.Error(), "killed") || !r.Disposed() {
		t.Fatalf("got %v", err)
	}
	if _, err := remoteRun(r, "1"); limitCode(err) != CodeDisposed {
		t.Fatalf("got %v", err)
	}
	if testing.Short() {
		return
	}
	// fatal in-process: a replace expanding past every cap in one step
	r = newRemote(t, Options{Timeout: 3 * time.Second, MemoryLimit: 32 << 20})
	_, err = remoteRun(r, `'x'.repeat(1 << 16).replace(/x/g, 'y'.repeat(1 << 16)).length`)
	if c := limitCode(err); c != CodeWorkerExited && c != CodeTimeout {
		t.Fatalf("got %v", err)
	}
	if !r.Disposed() {
		t.Fatal("not disposed")
	}
}

// TestRemoteUnresponsive: a worker that does not stop at the deadline (a
// long native step) is killed after the grace period.
func TestRemoteUnresponsive(t *testing.T) {
	if testing.Short() {
		t.Skip("waits for the grace period")
	}
	defer func(g time.Duration) { Grace = g }(Grace)
	Grace = 200 * time.Millisecond
	r := newRemote(t, Options{Timeout: 100 * time.Millisecond})
	// sobek's compiler is not interruptible: long binary chains (each
	// quadratic to compile, within the nesting scan's bound), many of them
	_, err := remoteRun(r, strings.Repeat(strings.Repeat("a+", 3999)+"a;\n", 100))
	if limitCode(err) != CodeTimeout || !strings.Contains(err.Error(), "killed") || !r.Disposed() {
		t.Fatalf("got %v", err)
	}
}

// TestRemoteCPURlimit: a step the CPU watch cannot interrupt (a parse)
// and no wall-clock limit: the worker's CPU rlimit ends it.
func TestRemoteCPURlimit(t *testing.T) {
	if testing.Short() {
		t.Skip("burns ~3 s of CPU")
	}
	r := newRemote(t, Options{CPULimit: 300 * time.Millisecond})
	_, err := remoteRun(r, "Function(('a+'.repeat(3999) + 'a;').repeat(200))()")
	if limitCode(err) != CodeWorkerExited || !strings.Contains(err.Error(), "CPU rlimit") {
		t.Fatalf("got %v", err)
	}
}

func TestRemoteManyGoroutines(t *testing.T) {
	shared := newRemote(t, Options{Timeout: 10 * time.Second})
	var wg sync.WaitGroup
	errs := make(chan error, 16)
	for g := 0; g < 4; g++ {
		wg.Add(1)
		go func(g int) {
			defer wg.Done()
			var s Instance
			var err error
			if g%2 == 0 {
				s, err = NewRemote(Options{Timeout: 10 * time.Second})
			} else {
				s, err = New(Options{Timeout: 10 * time.Second})
			}
			if err != nil {
				errs <- err
				return
			}
			defer s.Close()
			_ = s.Export("id", func(args []any) (any, error) { return float64(g), nil })
			for i := 0; i < 10; i++ {
				v, err := s.Run(context.Background(), Source("g.js", "[1, 2].map(x => x * id()).join()"))
				if want := fmt.Sprintf("%d,%d", g, 2*g); err != nil || v != want {
					errs <- fmt.Errorf("g%d: %v %v", g, v, err)
					return
				}
				if _, err := shared.Run(context.Background(), Source("n.js", "globalThis.n = (globalThis.n || 0) + 1")); err != nil {
					errs <- err
					return
				}
			}
		}(g)
	}
	wg.Wait()
	close(errs)
	for err := range errs {
		t.Error(err)
	}
	if v, err := remoteRun(shared, "n"); v != 40.0 {
		t.Fatalf("shared %v %v", v, err)
	}
}

func TestWireRoundTrip(t *testing.T) {
	o := &Object{Keys: []string{"a"}, Values: []any{nil}}
	arr := &Array{Elems: []any{o, o, Undefined, true, -0.5, "s", big.NewInt(-1 << 40), &Date{Time: time.UnixMilli(5), Valid: true}, &Date{},
		&RegExp{Source: "a+", Flags: "g"}, &ArrayBuffer{Data: []byte{1}}, &TypedArray{Kind: "Int16Array", Data: []byte{1, 2}},
		&Error{Name: "TypeError", Message: "m", Stack: "st"}, &Map{Keys: []any{1.0}, Values: []any{o}}, &Set{Values: []any{"x"}}}}
	o.Values[0] = arr
	m := new(msg).add(arr)
	if m.err != nil {
		t.Fatal(m.err)
	}
	p := newParse(m.bytes())
	got := p.any()
	if p.err != nil {
		t.Fatal(p.err)
	}
	if Describe(got) != Describe(arr) {
		t.Fatalf("%s\n%s", Describe(got), Describe(arr))
	}
	ga := got.(*Array)
	if ga.Elems[0] != ga.Elems[1] || ga.Elems[0].(*Object).Values[0] != ga {
		t.Fatal("identity lost")
	}
	if new(msg).add(struct{}{}).err == nil {
		t.Fatal("a struct went on the wire")
	}
}

// FuzzWire: whatever a (corrupt) worker writes, the host's reader returns
// a value or an error, never a panic.
func FuzzWire(f *testing.F) {
	f.Add(new(msg).add(&Array{Elems: []any{1.0, "x", &Object{Keys: []string{"k"}, Values: []any{Undefined}}}}).bytes())
	f.Add([]byte{wArray, 0xff, 0xff, 0xff, 0xff, 0x0f})
	f.Add([]byte{wRef, 3})
	f.Add(bytes.Repeat([]byte{wArray, 1}, 5000))
	f.Fuzz(func(t *testing.T, b []byte) {
		p := newParse(b)
		_ = p.any()
		_ = errOf(p)
	})
}

// BenchmarkWorkerStart: a worker process started until it says hello
// (the cost the warm pool keeps off NewRemote), and stopped.
func BenchmarkWorkerStart(b *testing.B) {
	for i := 0; i < b.N; i++ {
		p, err := spawn()
		if err != nil {
			b.Fatal(err)
		}
		p.stop()
		<-p.exited
	}
}

// TestRemoteWarm: a warm worker's sandbox, set up ahead for the last
// MemoryLimit and console, takes the options read at run time.
func TestRemoteWarm(t *testing.T) {
	var out bytes.Buffer
	opts := Options{MemoryLimit: 48 << 20, Console: &out}
	newRemote(t, opts) // the pool now warms for these
	for deadline := time.Now().Add(20 * time.Second); ; time.Sleep(20 * time.Millisecond) {
		pool.mu.Lock()
		n := len(pool.idle)
		pool.mu.Unlock()
		if n > 0 {
			break
		}
		if time.Now().After(deadline) {
			t.Fatal("no warm worker")
		}
	}
	opts.MaxCallDepth, opts.Timeout = 50, 200*time.Millisecond
	r := newRemote(t, opts)
	if _, err := remoteRun(r, "function f(n) { return n ? f(n - 1) : 0 } f(100)"); limitCode(err) != CodeStack {
		t.Fatalf("depth: %v", err)
	}
	if _, err := remoteRun(r, "for (;;);"); limitCode(err) != CodeTimeout {
		t.Fatalf("timeout: %v", err)
	}
	if _, err := remoteRun(r, "console.log('warm'); new ArrayBuffer(64 << 20)"); err == nil || out.String() != "warm\n" {
		t.Fatalf("cap: %v, console %q", err, out.String())
	}
}
