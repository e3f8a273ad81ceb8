package engine

import (
	"go/ast"
	"go/parser"
	"go/token"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"unsafe"

	"github.com/grafana/sobek"
)

// TestNativeNilResultCrashes reproduces the engine bug: a native handler
// returning Go nil crashes promise resolution. If this stops panicking,
// sobek fixed it and the rule checked by TestNoNativeReturnsNil can go.
func TestNativeNilResultCrashes(t *testing.T) {
	rt := sobek.New()
	_ = rt.Set("nilResult", func(sobek.FunctionCall) sobek.Value { return nil })
	crashed := func() (crashed bool) {
		defer func() { crashed = recover() != nil }()
		_, _ = rt.RunString(`Promise.resolve(1).then(nilResult)`)
		return false
	}()
	if !crashed {
		t.Fatal("sobek no longer crashes on a native promise handler returning nil: drop the rule in package engine")
	}
	// a call from JavaScript turns nil into undefined (the rule is only
	// needed because promise jobs do not)
	rt = sobek.New()
	_ = rt.Set("nilResult", func(sobek.FunctionCall) sobek.Value { return nil })
	v, err := rt.RunString(`typeof nilResult()`)
	if err != nil || v.String() != "undefined" {
		t.Fatalf("a JS call of a nil-returning native: %v %v", v, err)
	}
}

// TestNoNativeReturnsNil fails on any `return nil` in a function with the
// native signature func(sobek.FunctionCall) sobek.Value in jsvm's own
// (non-test) code: see the package comment.
func TestNoNativeReturnsNil(t *testing.T) {
	root, err := filepath.Abs("../..")
	if err != nil {
		t.Fatal(err)
	}
	fset := token.NewFileSet()
	files := 0
	err = filepath.Walk(root, func(p string, fi os.FileInfo, err error) error {
		if err != nil {
			return err
		}
		if fi.IsDir() && p != root && (fi.Name() == "testdata" || strings.HasPrefix(fi.Name(), ".") || fi.Name() == "node_modules") {
			return filepath.SkipDir
		}
		if !strings.HasSuffix(p, ".go") || strings.HasSuffix(p, "_test.go") {
			return nil
		}
		f, err := parser.ParseFile(fset, p, nil, 0)
		if err != nil {
			return err
		}
		files++
		ast.Inspect(f, func(n ast.Node) bool {
			var body *ast.BlockStmt
			switch x := n.(type) {
			case *ast.FuncLit:
				if isNative(x.Type) {
					body = x.Body
				}
			case *ast.FuncDecl:
				if isNative(x.Type) {
					body = x.Body
				}
			}
			if body != nil {
				for _, pos := range nilReturns(body) {
					rel, _ := filepath.Rel(root, fset.Position(pos).Filename)
					t.Errorf("%s:%d: a native function returns nil (crashes as a promise handler); return sobek.Undefined()", rel, fset.Position(pos).Line)
				}
			}
			return true
		})
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	if files < 50 {
		t.Fatalf("scanned only %d files", files)
	}
}

func isNative(ft *ast.FuncType) bool {
	if ft.Params == nil || len(ft.Params.List) != 1 || len(ft.Params.List[0].Names) > 1 || ft.Results == nil || len(ft.Results.List) != 1 {
		return false
	}
	return selector(ft.Params.List[0].Type) == "sobek.FunctionCall" && selector(ft.Results.List[0].Type) == "sobek.Value"
}

func selector(e ast.Expr) string {
	if se, ok := e.(*ast.SelectorExpr); ok {
		if id, ok := se.X.(*ast.Ident); ok {
			return id.Name + "." + se.Sel.Name
		}
	}
	return ""
}

// nilReturns lists the `return nil` statements of body itself (not of
// nested function literals, which are checked on their own).
func nilReturns(body *ast.BlockStmt) []token.Pos {
	var out []token.Pos
	ast.Inspect(body, func(n ast.Node) bool {
		switch x := n.(type) {
		case *ast.FuncLit:
			return false
		case *ast.ReturnStmt:
			if len(x.Results) == 1 {
				if id, ok := x.Results[0].(*ast.Ident); ok && id.Name == "nil" {
					out = append(out, x.Pos())
				}
			}
		}
		return true
	})
	return out
}

// TestSaveVM fails loudly if sobek's VM layout changes under SaveVM.
func TestSaveVM(t *testing.T) {
	rt := sobek.New()
	if !layout() {
		t.Fatal("sobek's vm struct changed: SaveVM cannot snapshot it")
	}
	restore := SaveVM(rt)
	if _, err := rt.RunString("1 + 1"); err != nil {
		t.Fatal(err)
	}
	restore()
	if v, err := rt.RunString("2 + 2"); err != nil || v.ToInteger() != 4 {
		t.Fatal(v, err)
	}
}

// TestSnapshotRestores checks that a snapshot taken inside a JS frame puts
// every register back after a nested run moved them, and that taking and
// restoring one allocates nothing (it is taken on every run).
func TestSnapshotRestores(t *testing.T) {
	rt := sobek.New()
	var inner, after VMState
	_ = rt.Set("probe", func(sobek.FunctionCall) sobek.Value {
		s := Snapshot(rt)
		if !s.Valid() {
			panic(rt.NewTypeError("no snapshot"))
		}
		// a nested run leaves the registers as they were when it returns
		// normally; scribble over them to see Restore put each back
		if _, err := rt.RunString("[1, 2, 3].map(x => { try { return x } finally {} })"); err != nil {
			panic(err)
		}
		inner = Snapshot(rt)
		o := &vmLayout.off
		*(*int)(unsafe.Add(s.vm, o[fPC])) = -1
		*(*int)(unsafe.Add(s.vm, o[fSP])) = -1
		*(*sliceHeader)(unsafe.Add(s.vm, o[fCallStack])) = sliceHeader{}
		*(*sobek.Value)(unsafe.Add(s.vm, o[fResult])) = nil
		s.Restore()
		after = Snapshot(rt)
		allocs := testing.AllocsPerRun(100, func() {
			x := Snapshot(rt)
			x.Restore()
		})
		if allocs != 0 {
			panic(rt.NewTypeError("snapshot allocates %v", allocs))
		}
		return sobek.Undefined()
	})
	v, err := rt.RunString("function f(a) { probe(); return a + 1 } f(1) + [1].map(x => x * 2)[0]")
	if err != nil || v.ToInteger() != 4 {
		t.Fatal(v, err)
	}
	// a nested run may grow a stack into a new array (same entries below
	// the snapshot's depth); the snapshot keeps the old one, as a reflect
	// copy of the slice did
	for _, s := range []*VMState{&inner, &after} {
		for _, h := range []*sliceHeader{&s.callStack, &s.iterStack, &s.refStack, &s.tryStack} {
			h.data, h.cap = nil, 0
		}
	}
	if inner != after {
		t.Fatalf("restored %+v, want %+v", after, inner)
	}
}

// nestedInterrupt runs an endless async function as a nested run of rt
// (inside a JS frame), interrupts it, and then runs more JS in the outer
// frame. With repair it restores a SaveVM snapshot after the interrupt.
func nestedInterrupt(repair bool) (out string, crashed bool) {
	rt := sobek.New()
	// the interrupt lands inside the async body (stop sets it; the loop
	// sees it)
	p := sobek.MustCompile("x.js", `(async () => { stop(); for (;;) {} })()`, false)
	_ = rt.Set("stop", func(sobek.FunctionCall) sobek.Value { rt.Interrupt("stop"); return sobek.Undefined() })
	_ = rt.Set("run", func(sobek.FunctionCall) sobek.Value {
		restore := SaveVM(rt)
		_, err := rt.RunProgram(p)
		if _, ok := err.(*sobek.InterruptedError); !ok {
			panic(rt.NewTypeError("not interrupted: %v", err))
		}
		if repair {
			restore()
		}
		rt.ClearInterrupt()
		panic(rt.NewTypeError("timed out"))
	})
	defer func() {
		if recover() != nil {
			crashed = true
		}
	}()
	v, err := rt.RunString(`let r; try { run(); r = 'no throw' } catch (e) { r = 'caught ' + e.message } r + ' ' + [1, 2].map(x => x + 1).join()`)
	if err != nil {
		return err.Error(), false
	}
	return v.String(), false
}

// TestNestedInterruptCorruptsVM reproduces the engine bug SaveVM repairs.
// If the unrepaired run starts to work, sobek fixed it: drop SaveVM.
func TestNestedInterruptCorruptsVM(t *testing.T) {
	const want = "caught timed out 2,3"
	if out, crashed := nestedInterrupt(false); !crashed && out == want {
		t.Fatal("sobek now unwinds an interrupted async body in a nested run: SaveVM is no longer needed")
	}
	if out, crashed := nestedInterrupt(true); crashed || out != want {
		t.Fatalf("repaired: %q crashed=%v, want %q", out, crashed, want)
	}
}

// topLevelInterrupt interrupts an endless async function run at top level,
// then checks whether a later run's promise job runs when it returns.
func topLevelInterrupt(repair bool) string {
	rt := sobek.New()
	_ = rt.Set("stop", func(sobek.FunctionCall) sobek.Value { rt.Interrupt("stop"); return sobek.Undefined() })
	restore := SaveVM(rt)
	_, err := rt.RunString(`(async () => { stop(); for (;;) {} })()`)
	if _, ok := err.(*sobek.InterruptedError); !ok {
		return "not interrupted"
	}
	if repair {
		restore()
	}
	rt.ClearInterrupt()
	if _, err := rt.RunString(`var ran = false; Promise.resolve().then(() => { ran = true })`); err != nil {
		return err.Error()
	}
	v, _ := rt.RunString(`String(ran) + ' ' + [1, 2].map(x => x + 1).join()`)
	return v.String()
}

// TestTopLevelInterruptKeepsFrames: after an interrupt in an async body at
// top level, sobek keeps the body's frames and stops draining jobs. If the
// unrepaired runtime drains again, sobek fixed it: drop SaveVM.
func TestTopLevelInterruptKeepsFrames(t *testing.T) {
	const want = "true 2,3"
	if got := topLevelInterrupt(false); got == want {
		t.Fatal("sobek now unwinds an interrupted async body at top level: SaveVM is no longer needed")
	}
	if got := topLevelInterrupt(true); got != want {
		t.Fatalf("repaired: %q, want %q", got, want)
	}
}

// awaitThrowing runs code that awaits a Proxy whose get trap throws inside
// an async function with a try/catch, and reports what it logged, or that
// the run crashed.
func awaitThrowing(code string) (out string) {
	defer func() {
		if r := recover(); r != nil {
			out = "crashed"
		}
	}()
	rt := sobek.New()
	_ = rt.Set("awaitable", func(c sobek.FunctionCall) sobek.Value { return Awaitable(rt, c.Argument(0)) })
	// a Go handler: a realm's Proxy constructor, once Prepare ran in the
	// test binary, hands sobek a stand-in handler that skips the await's
	// constructor read (awaitproxy.go)
	_ = rt.Set("p", rt.NewProxy(rt.NewObject(), &sobek.ProxyTrapConfig{
		Get: func(*sobek.Object, string, sobek.Value) sobek.Value { panic(rt.ToValue(1)) },
	}))
	if _, err := rt.RunString(`var log = 'nothing';` + code); err != nil {
		return "escaped: " + err.Error()
	}
	v, err := rt.RunString(`[1, 2].map(x => x + 1).join() === '2,3' ? log : 'broken'`) // the jobs have run
	if err != nil {
		return "broken: " + err.Error()
	}
	return v.String()
}

// TestAwaitThrowingConstructor reproduces the engine bug Awaitable avoids.
// If the plain await starts to work, sobek fixed it: drop Awaitable.
func TestAwaitThrowingConstructor(t *testing.T) {
	const want = "caught 1"
	plain := []string{
		`(async () => { try { await p } catch (e) { log = 'caught ' + e } })()`,
		`(async () => { try { await Promise.all([(async () => { await p })()]) } catch (e) { log = 'caught ' + e } })()`,
		// sobek's own Promise.resolve: the global one is guarded
		// (promiseresolve.go), the constructor of an async function's
		// promise, read before the global, is not
		`(async () => {})().constructor.resolve(p).catch(e => { log = 'caught ' + e })`,
	}
	for _, code := range plain {
		if got := awaitThrowing(code); got == want {
			t.Errorf("sobek now handles %s: drop engine.Awaitable", code)
		}
	}
	safe := []string{
		`(async () => { try { await awaitable(p) } catch (e) { log = 'caught ' + e } })()`,
		`(async () => { try { await Promise.all([(async () => { await awaitable(p) })()]) } catch (e) { log = 'caught ' + e } })()`,
	}
	for _, code := range safe {
		if got := awaitThrowing(code); got != want {
			t.Errorf("%s: %s, want %s", code, got, want)
		}
	}
}

// TestHeldFrameLayout pins the sobek internals heldframe.go reads, on a
// bare runtime: the call stack depth seen from inside a call, the job
// queue length, and that an outermost-call marker defers draining until
// it is removed and the runtime is called again.
func TestHeldFrameLayout(t *testing.T) {
	if !HeldFrames() {
		t.Fatal("sobek's Runtime.vm.callStack / Runtime.jobQueue layout changed: held runs cannot defer jobs")
	}
	rt := sobek.New()
	if d := CallDepth(rt); d != 0 {
		t.Fatalf("idle depth %d", d)
	}
	var inside, queued int
	_ = rt.Set("probe", func(sobek.FunctionCall) sobek.Value {
		inside, queued = CallDepth(rt), PendingJobs(rt)
		return sobek.Undefined()
	})
	var ran []string
	_ = rt.Set("log", func(c sobek.FunctionCall) sobek.Value {
		ran = append(ran, c.Argument(0).String())
		return sobek.Undefined()
	})
	if _, err := rt.RunString("Promise.resolve().then(() => log('job')); probe()"); err != nil {
		t.Fatal(err)
	}
	if inside == 0 || queued != 1 {
		t.Fatalf("inside a run: depth %d, jobs %d; want > 0 and 1", inside, queued)
	}
	if len(ran) != 1 || PendingJobs(rt) != 0 {
		t.Fatalf("jobs not drained at the end of an outermost run: %v", ran)
	}
	PushOuterFrame(rt)
	if _, err := rt.RunString("Promise.resolve().then(() => log('held'))"); err != nil {
		t.Fatal(err)
	}
	if len(ran) != 1 || PendingJobs(rt) != 1 {
		t.Fatalf("a run above the marker drained: ran %v, pending %d", ran, PendingJobs(rt))
	}
	// jobs taken out run under the marker, one round: what they queue waits
	if _, err := rt.RunString("Promise.resolve().then(() => { log('second'); Promise.resolve().then(() => log('third')) })"); err != nil {
		t.Fatal(err)
	}
	jobs := TakeJobs(rt)
	if len(jobs) != 2 || PendingJobs(rt) != 0 {
		t.Fatalf("TakeJobs: %d jobs, %d left; want 2, 0", len(jobs), PendingJobs(rt))
	}
	for _, job := range jobs {
		job()
	}
	if strings.Join(ran, ",") != "job,held,second" || PendingJobs(rt) != 1 {
		t.Fatalf("a round ran %v with %d pending; want job,held,second and 1", ran, PendingJobs(rt))
	}
	ran = ran[:1]
	if !PopOuterFrame(rt) || CallDepth(rt) != 0 {
		t.Fatal("marker not removed")
	}
	fn, _ := sobek.AssertFunction(rt.ToValue(func(sobek.FunctionCall) sobek.Value { return nil }))
	if _, err := fn(sobek.Undefined()); err != nil {
		t.Fatal(err)
	}
	if len(ran) != 2 || ran[1] != "third" {
		t.Fatalf("held job did not run on the next call: %v", ran)
	}
}
