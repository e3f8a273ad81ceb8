package core

import (
	"testing"

	"github.com/grafana/sobek"
)

// TestDescTable: the placeholder table answers the same as a map, before
// and after it grows past its short list.
func TestDescTable(t *testing.T) {
	var tab descTable
	want := map[any]sobek.PropertyDescriptor{}
	sym := sobek.NewSymbol("s")
	keys := []any{sym}
	for i := 0; i < 3*descTableFew; i++ {
		keys = append(keys, "k"+itoa(i))
	}
	for i, k := range keys {
		d := sobek.PropertyDescriptor{Value: sobek.New().ToValue(i), Configurable: sobek.FLAG_FALSE}
		tab.set(k, d)
		want[k] = d
		if i%3 == 0 { // overwrite an earlier key
			d2 := sobek.PropertyDescriptor{Writable: sobek.FLAG_TRUE}
			tab.set(keys[i/2], d2)
			want[keys[i/2]] = d2
		}
		for k2, w := range want {
			if got, ok := tab.get(k2); !ok || got.Writable != w.Writable || got.Value != w.Value {
				t.Fatalf("after %d sets: %v -> %+v, %v; want %+v", i+1, k2, got, ok, w)
			}
		}
		if _, ok := tab.get("absent"); ok {
			t.Fatal("absent key found")
		}
	}
	if tab.many == nil {
		t.Error("never grew into a map")
	}
}
