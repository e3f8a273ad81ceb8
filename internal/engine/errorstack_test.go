package engine

import (
	"testing"

	"github.com/grafana/sobek"
)

// TestErrorStackLayout fails loudly when sobek's internals that
// errorstack.go reads change (error objects' frames, the VM's call stack
// and registers, function objects' programs, property maps): errors would
// silently keep sobek's stacks otherwise.
func TestErrorStackLayout(t *testing.T) {
	if !ErrorStacksWork() {
		t.Fatal("sobek's error/VM layout is not the one errorstack.go reads")
	}
	rt := sobek.New()
	ctor := rt.GlobalObject().Get("Error").(*sobek.Object)
	type seen struct {
		frames []Frame
		called bool
	}
	var got []seen
	if !HookErrorCalls(ctor, func(o *sobek.Object, called bool) {
		if !IsEngineError(o) {
			t.Error("an Error made by the constructor is no engine error")
		}
		fr, ok := TakeErrorFrames(o)
		if !ok {
			t.Error("TakeErrorFrames: not taken")
		}
		got = append(got, seen{FrameInfo(rt, fr, 0, func(*Frame) (bool, bool) { return true, false }, 10), called})
		SetErrorFrames(o, fr)
		RestoreErrorFrames(o, fr[:1])
		StackFirst(o)
	}) {
		t.Fatal("HookErrorCalls refused sobek's Error constructor")
	}
	v, err := rt.RunString(`
		class K { constructor() { this.e = new Error('k') } }
		const o = { m() { return new K().e } };
		function plain() { return Error('p') }
		[o.m(), plain()]`)
	if err != nil {
		t.Fatal(err)
	}
	if len(got) != 2 {
		t.Fatalf("hook saw %d errors, want 2", len(got))
	}
	k := got[0].frames
	if got[0].called || len(k) < 3 {
		t.Fatalf("new K: called=%v, %d frames", got[0].called, len(k))
	}
	if !k[0].Construct || !IsClass(k[0].Callee) {
		t.Errorf("frame of K's constructor: construct=%v class=%v", k[0].Construct, IsClass(k[0].Callee))
	}
	ov := rt.GlobalObject().Get("o")
	if ov != nil {
		t.Errorf("o is a lexical binding, not a global property")
	}
	if k[1].FuncName() != "m" || k[1].Callee == nil || k[1].This == nil {
		t.Errorf("frame of o.m: %q callee=%v this=%v", k[1].FuncName(), k[1].Callee, k[1].This)
	} else if m, _ := k[1].This.(*sobek.Object); m == nil || OwnData(m, "m") != k[1].Callee {
		t.Errorf("frame of o.m: receiver has no m that is the callee")
	}
	if !got[1].called || got[1].frames[0].SrcName() != "<native>" {
		t.Errorf("Error('p'): called=%v, first frame %q", got[1].called, got[1].frames[0].SrcName())
	}
	arr, _ := v.(*sobek.Object)
	if arr == nil {
		t.Fatalf("result %v", v)
	}
	e, _ := arr.Get("0").(*sobek.Object)
	if e == nil {
		t.Fatalf("result %v", v.Export())
	}
	if RuntimeOf(e) != rt {
		t.Error("RuntimeOf: not the error's runtime")
	}
	if HasOwn(e, "nosuch") || !HasOwn(e, "message") {
		t.Error("HasOwn: wrong answers")
	}
	if s := e.Get("stack").String(); s != "Error: k\n\tat <eval>:2:38(4)\n" {
		// sobek formats the frames RestoreErrorFrames left on first read
		t.Errorf("sobek's stack of the kept frames: %q", s)
	}
	if keys := e.Keys(); len(keys) != 0 {
		t.Errorf("own enumerable keys: %v", keys)
	}
}

// TestIsStrictFunction: sobek's strict flag of JS functions, as the
// CallSites' getThis/getFunction need it.
func TestIsStrictFunction(t *testing.T) {
	rt := sobek.New()
	v, err := rt.RunString(`[function sloppy() {}, function s() { 'use strict' }, class K {}, () => 1, { m() {} }.m, Math.max]`)
	if err != nil {
		t.Fatal(err)
	}
	o := v.(*sobek.Object)
	want := []struct{ strict, ok bool }{{false, true}, {true, true}, {true, true}, {false, true}, {false, true}, {false, false}}
	for i, w := range want {
		fn := o.Get(string(rune('0' + i))).(*sobek.Object)
		if s, ok := IsStrictFunction(fn); s != w.strict || ok != w.ok {
			t.Errorf("function %d: strict=%v ok=%v, want %v %v", i, s, ok, w.strict, w.ok)
		}
	}
}
