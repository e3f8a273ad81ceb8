package sandbox

import (
	"context"
	"errors"
	"strings"
	"testing"
	"time"
)

func mustRun(t *testing.T, s *Sandbox, src string) any {
	t.Helper()
	v, err := run(s, src)
	if err != nil {
		t.Fatalf("%s: %v", src, err)
	}
	return v
}

func run(s *Sandbox, src string) (any, error) {
	sc, err := Compile("test.js", src)
	if err != nil {
		return nil, err
	}
	return s.Run(context.Background(), sc)
}

func newSB(t *testing.T, o Options) *Sandbox {
	t.Helper()
	s, err := New(o)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(s.Close)
	return s
}

func TestBasics(t *testing.T) {
	s := newSB(t, Options{})
	if v := mustRun(t, s, "1+2"); v != 3.0 {
		t.Fatalf("got %v", v)
	}
	v := mustRun(t, s, "const o = {b: 1, a: [1, 'x', null, undefined], m: new Map([[1, 2]]), s: new Set([3]), d: new Date(0), r: /x/g, u: new Uint8Array([1,2])}; o.self = o; o")
	o := v.(*Object)
	if strings.Join(o.Keys, ",") != "b,a,m,s,d,r,u,self" {
		t.Fatalf("keys %v", o.Keys)
	}
	if self, _ := o.Get("self"); self != o {
		t.Fatal("cycle lost")
	}
	if err := s.Set("data", &Object{Keys: []string{"x"}, Values: []any{41.0}}); err != nil {
		t.Fatal(err)
	}
	if v := mustRun(t, s, "data.x + 1"); v != 42.0 {
		t.Fatalf("got %v", v)
	}
	_, err := run(s, "throw new TypeError('bad')")
	var te *ThrownError
	if !errors.As(err, &te) || te.Value.(*Error).Name != "TypeError" || te.Value.(*Error).Message != "bad" {
		t.Fatalf("got %#v", err)
	}
	for _, src := range []string{"(function(){})", "Symbol()", "new Proxy({}, {})", "Promise.resolve()"} {
		_, err := run(s, src)
		var ce *DataCloneError
		if !errors.As(err, &ce) {
			t.Errorf("%s: got %v", src, err)
		}
	}
	// frozen intrinsics
	if v := mustRun(t, s, "try { Array.prototype.push = 1 } catch {}; Object.isFrozen(Array.prototype) && typeof Array.prototype.push"); v != "function" {
		t.Fatalf("got %v", v)
	}
	if v := mustRun(t, s, "const q = {}; q.toString = () => 'mine'; String(q)"); v != "mine" {
		t.Fatalf("override mistake: %v", v)
	}
	if v := mustRun(t, s, "Object.isFrozen(Object.getPrototypeOf(async function(){})) && Object.isFrozen(Object.getPrototypeOf(function*(){}).constructor)"); v != true {
		t.Fatalf("hidden intrinsics: %v", v)
	}
	if v := mustRun(t, s, "[new ArrayBuffer(4) instanceof ArrayBuffer, new Uint8Array(2) instanceof Uint8Array, [] instanceof Array, new Uint8Array(2).buffer.constructor === ArrayBuffer].join()"); v != "true,true,true,true" {
		t.Fatalf("got %v", v)
	}
}

func TestLimits(t *testing.T) {
	s := newSB(t, Options{Timeout: 3 * time.Second, MemoryLimit: 32 << 20})
	for _, c := range []struct{ src, code string }{
		{"for(;;){}", CodeTimeout},
		{"(function f(){ f() })()", CodeStack},
		{"new ArrayBuffer(2**40)", ""},
		{"'x'.repeat(2**31)", ""},
	} {
		t0 := time.Now()
		_, err := run(s, c.src)
		t.Logf("%s: %v", c.src, time.Since(t0))
		var le *LimitError
		var te *ThrownError
		switch {
		case c.code == "" && errors.As(err, &te):
			t.Logf("%s: thrown %v", c.src, te)
		case c.code != "" && errors.As(err, &le) && le.Code == c.code:
			t.Logf("%s: %v", c.src, le)
		default:
			t.Errorf("%s: got %T %v", c.src, err, err)
		}
	}
}

func TestMemoryLimit(t *testing.T) {
	// a long timeout: the budget, not the clock, must end the run
	s := newSB(t, Options{Timeout: 2 * time.Minute, MemoryLimit: 16 << 20})
	_, err := run(s, "let a = []; for(;;) a.push({x: [1,2,3]})")
	var le *LimitError
	if !errors.As(err, &le) || le.Code != CodeMemory || !le.Disposed {
		t.Fatalf("got %v", err)
	}
	if _, err := run(s, "1"); !errors.As(err, &le) || le.Code != CodeDisposed {
		t.Fatalf("after: %v", err)
	}
}
