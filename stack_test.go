package jsvm_test

import (
	"context"
	"strconv"
	"strings"
	"testing"

	"github.com/jsvm-dev/jsvm"
)

// TestDeepEvalSources: a source nested a million deep handed to eval or a
// Function constructor inside a context (Go API) throws V8's RangeError,
// catchable by the context's own code; it used to kill the process with
// Go's fatal stack overflow (issue #9).
func TestDeepEvalSources(t *testing.T) {
	iso := jsvm.NewIsolate(jsvm.IsolateOptions{})
	deep := strings.Repeat("[", 1e6)
	for _, c := range []*jsvm.Context{iso.MainContext(), must(iso.NewContext(nil, jsvm.ContextOptions{}))} {
		if err := c.Set(context.Background(), "deep", deep); err != nil {
			t.Fatal(err)
		}
		for _, code := range []string{"eval(deep)", "(0, eval)(deep)", "new Function(deep)", "Function('a', deep)", "(function* () {}).constructor(deep)"} {
			_, err := c.Run(context.Background(), code, jsvm.RunOptions{})
			if err == nil || !strings.Contains(err.Error(), "RangeError: Maximum call stack size exceeded") {
				t.Errorf("%s: %v", code, err)
			}
			v, err := c.Run(context.Background(), "try { "+code+" } catch (e) { e instanceof RangeError }", jsvm.RunOptions{})
			if err != nil || v.String() != "true" {
				t.Errorf("%s caught inside: %v %v", code, v, err)
			}
		}
	}
	mustWork(t, iso)
}

// TestDeepBracketlessSources: nesting without brackets through the Go API
// (Compile, Run, CompileFunction, and eval inside the run), where each used
// to be Go's fatal stack overflow or a parse of minutes: V8's RangeError,
// and the SyntaxError of a repeated label.
func TestDeepBracketlessSources(t *testing.T) {
	iso := jsvm.NewIsolate(jsvm.IsolateOptions{})
	ctx := context.Background()
	c := must(iso.NewContext(nil, jsvm.ContextOptions{}))
	for _, src := range []string{
		strings.Repeat("x=>", 1e5) + "1", strings.Repeat("void ", 1e5) + "1", strings.Repeat("a?b:", 1e5) + "c",
		strings.Repeat("if(1)", 1e5) + ";", strings.Repeat("new ", 1e5) + "Object", strings.Repeat("!", 1e6) + "1",
		"var a;" + strings.Repeat("a=", 1e5) + "1", strings.Repeat("(a=", 30) + "1" + strings.Repeat(")=>1", 30),
	} {
		if _, err := jsvm.Compile(src, jsvm.ScriptOptions{}); err == nil || !strings.Contains(err.Error(), "Maximum call stack size exceeded") {
			t.Errorf("Compile %.12s: %v", src, err)
		}
		if _, err := c.CompileFunction(ctx, src, nil, jsvm.FunctionOptions{}); err == nil || !strings.Contains(err.Error(), "Maximum call stack size exceeded") {
			t.Errorf("CompileFunction %.12s: %v", src, err)
		}
		if err := c.Set(ctx, "src", src); err != nil {
			t.Fatal(err)
		}
		v, err := c.Run(ctx, "try { eval(src); 'parsed' } catch (e) { e.name }", jsvm.RunOptions{})
		if err != nil || v.String() != "RangeError" {
			t.Errorf("eval %.12s: %v %v", src, v, err)
		}
	}
	label := strings.Repeat("a:", 1e5) + "1"
	if _, err := jsvm.Compile(label, jsvm.ScriptOptions{}); err == nil || !strings.Contains(err.Error(), "SyntaxError: Label 'a'") {
		t.Errorf("Compile labels: %v", err)
	}
	if err := c.Set(ctx, "src", label); err != nil {
		t.Fatal(err)
	}
	if v, err := c.Run(ctx, "try { eval(src) } catch (e) { e.name + ': ' + e.message }", jsvm.RunOptions{}); err != nil || v.String() != "SyntaxError: Label 'a' has already been declared" {
		t.Errorf("eval labels: %v %v", v, err)
	}
	mustWork(t, iso)
}

func must[T any](v T, err error) T {
	if err != nil {
		panic(err)
	}
	return v
}

// TestManyExtensions: more context extensions than sobek's 256 nested
// scopes compile (one scope object stands for them), later ones shadowing
// earlier ones, as with few.
func TestManyExtensions(t *testing.T) {
	iso := jsvm.NewIsolate(jsvm.IsolateOptions{})
	c := must(iso.NewContext(nil, jsvm.ContextOptions{}))
	for _, n := range []int{3, 1000} {
		exts := make([]any, n)
		for i := range exts {
			exts[i] = map[string]any{"x": i}
		}
		exts = append(exts, map[string]any{"y": 1})
		f, err := c.CompileFunction(context.Background(), "return x + y + typeof nope", nil, jsvm.FunctionOptions{Extensions: exts})
		if err != nil {
			t.Fatalf("%d: %v", n, err)
		}
		v, err := f.Call(context.Background(), nil)
		if want := strconv.Itoa(n) + "undefined"; err != nil || v.String() != want {
			t.Errorf("%d extensions: %v %v, want %s", n, v, err, want)
		}
	}
}

// TestThrownRevokedProxy: a thrown revoked Proxy or cyclic-trap Proxy
// leaves a Go run as a JS exception whose Error() answers (sobek's
// Exception.Unwrap and ClassName panic on a revoked Proxy).
func TestThrownRevokedProxy(t *testing.T) {
	iso := jsvm.NewIsolate(jsvm.IsolateOptions{})
	for _, c := range []*jsvm.Context{iso.MainContext(), must(iso.NewContext(nil, jsvm.ContextOptions{}))} {
		for _, code := range []string{
			"const r = Proxy.revocable({}, {}); r.revoke(); throw r.proxy",
			"throw new Proxy({}, { getPrototypeOf() { throw new Error('trap') } })",
			"{ const r = Proxy.revocable(function () {}, {}); r.revoke(); throw r.proxy }",
		} {
			_, err := c.Run(context.Background(), code, jsvm.RunOptions{})
			if err == nil || err.Error() == "" {
				t.Errorf("%s: %v", code, err)
			}
		}
	}
	mustWork(t, iso)
}
