package engine

import (
	"testing"

	"github.com/grafana/sobek"
)

func TestSpreadFastLayout(t *testing.T) {
	if !SpreadFastWorks() {
		t.Fatal("sobek's layout for the spread fast path changed (spreadfast.go)")
	}
}

// TestSpreadFast: drains take the fast path, JS callers of next get
// fresh result objects (node v20 answers).
func TestSpreadFast(t *testing.T) {
	Prepare()
	old := MemoryLeft
	MemoryLeft = func() float64 { return 1 << 40 }
	defer func() { MemoryLeft = old }()
	rt := sobek.New()
	if !GuardArrayIteration(rt) {
		t.Fatal("not guarded")
	}
	drains := 0
	probe := rt.ToValue(func(sobek.FunctionCall) sobek.Value {
		if inDrain(rt) {
			drains++
		}
		done := rt.NewObject()
		_ = done.Set("done", true)
		return done
	})
	_ = rt.Set("probe", probe)
	for src, want := range map[string]string{
		`[...[1, 2, 3]].join()`: "1,2,3",
		`(() => { const it = [1, 2][Symbol.iterator](); const a = it.next(), b = it.next(), c = it.next(); return [a !== b, b !== c, a.value, b.value, c.done].join() })()`:                                                "true,true,1,2,true",
		`(() => { const rs = []; const r = [...{[Symbol.iterator]() { const it = [1, 2].values(); return {next() { const x = it.next(); rs.push(x); return x }} }}]; return [r, rs[0] !== rs[1], rs[0].value].join() })()`: "1,2,true,1",
		`(() => { Array.prototype[1] = 'p'; const r = [...[1, , 3]]; delete Array.prototype[1]; return r.join() })()`:                                                                                                      "1,p,3",
		`(() => { const a = [1, 2]; Object.defineProperty(a, 1, {get() { return 'g' }}); return [...a].join() })()`:                                                                                                        "1,g",
		`(() => { const it = [1, 2, 3].values(); it.next(); return [...it].join() + it.next().done })()`:                                                                                                                   "2,3true",
		`[...[7, 8, 9].keys()].join() + Math.max(...[1, 5, 3])`:                                                                                                                                                            "0,1,25",
		`JSON.stringify([...[7, 8].entries()])`:                "[[0,7],[1,8]]",
		`(function () { return [...arguments].join() })(1, 2)`: "1,2",
	} {
		v, err := rt.RunString(src)
		if err != nil || v.String() != want {
			t.Errorf("%s: %v %v, want %s", src, v, err, want)
		}
	}
	// the instruction seen from a native called by a spread's drain, and
	// from one called by JS code
	if _, err := rt.RunString(`[...{[Symbol.iterator]() { return {next: probe} }}]; probe()`); err != nil {
		t.Fatal(err)
	}
	if drains != 1 {
		t.Errorf("%d drains seen, want 1", drains)
	}
}
