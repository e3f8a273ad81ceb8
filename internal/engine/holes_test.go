package engine

import (
	"testing"

	"github.com/grafana/sobek"
)

// TestHoleLayout fails loudly when sobek's array storage changes (the
// holey-array loops then stay sobek's own, and hang on huge arrays).
func TestHoleLayout(t *testing.T) {
	if !HoleLayoutWorks() {
		t.Fatal("sobek's array layout changed: holes.go's element-to-element loops are off")
	}
	Prepare()
	rt := sobek.New()
	v, err := rt.RunString(`const a = []; a[2**32-2] = 1; a[7] = 2; const b = new Array(2**20); b[5] = 3; [a, b]`)
	if err != nil {
		t.Fatal(err)
	}
	pair := v.(*sobek.Object)
	for i, want := range [][4]int64{{7, 7, 4294967294, 7}, {5, 5, 1 << 20, 5}} {
		o := pair.Get(string(rune('0' + i))).(*sobek.Object)
		h, ok := holeyOf(o)
		if !ok {
			t.Fatalf("%d: not an array layout", i)
		}
		l := o.Get("length").ToInteger()
		got := [4]int64{h.nextPresent(0, l), h.nextPresent(7-int64(2*i), l), h.nextPresent(want[1]+1, l), h.prevPresent(l-2, 0)}
		if i == 1 {
			got[3] = h.prevPresent(l-1, 0)
		}
		if got != want {
			t.Errorf("%d: %v, want %v", i, got, want)
		}
	}
	// an element on a prototype is seen; a Proxy prototype stops the skipping
	if _, err := rt.RunString(`Array.prototype[100] = 'p'`); err != nil {
		t.Fatal(err)
	}
	b := pair.Get("1").(*sobek.Object)
	h, _ := holeyOf(b)
	if got := h.nextPresent(6, 1<<20); got != 100 {
		t.Errorf("proto element: %d", got)
	}
	if _, err := rt.RunString(`delete Array.prototype[100]; Object.setPrototypeOf(b, new Proxy([], {}))`); err != nil {
		t.Fatal(err)
	}
	if got := h.nextPresent(6, 1<<20); got != 6 {
		t.Errorf("proxy proto: %d", got)
	}
}
