package engine

import (
	"testing"

	"github.com/grafana/sobek"
)

// TestArrayIterationGuard: spreading, Array.from and new Set drain an
// array iterator in one native step; past the memory left they throw the
// catchable RangeError (MemoryLeft stubbed: no real allocation).
func TestArrayIterationGuard(t *testing.T) {
	Prepare()
	old := MemoryLeft
	defer func() { MemoryLeft = old }()
	left := 1.0
	MemoryLeft = func() float64 { return left }
	rt := sobek.New()
	if !GuardArrayIteration(rt) {
		t.Fatal("GuardArrayIteration failed")
	}
	code := `(() => { const r = []; for (const f of [() => [...Array(1 << 17)], () => Array.from(Array(1 << 17).keys()), () => new Set(Array(1 << 17).values())]) {
		try { f(); r.push('done') } catch (e) { r.push(e.name + ' ' + e.code) } } return r.join() })()`
	v, err := rt.RunString(code)
	if err != nil || v.String() != "done,done,done" {
		t.Fatalf("with memory left: %v %v", v, err)
	}
	left = -1
	v, err = rt.RunString(code)
	const want = "RangeError ERR_JSVM_MEMORY_LIMIT"
	if err != nil || v.String() != want+","+want+","+want {
		t.Fatalf("past the limit: %v %v", v, err)
	}
	// small iterations do not reach a check
	if v, err := rt.RunString(`[...[1, 2, 3]].join() + [].values().next.name`); err != nil || v.String() != "1,2,3next" {
		t.Fatalf("%v %v", v, err)
	}
}
