package util

import (
	"testing"

	"github.com/grafana/sobek"
)

func BenchmarkInspectSmall(b *testing.B) {
	rt := sobek.New()
	cache := NewCache(rt)
	v, _ := rt.RunString(`({ a: 1, b: 'two', c: [1, 2, 3], d: { e: null, f: new Map([[1, 2]]) } })`)
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		Inspect(rt, v, InspectOptions{Cache: cache})
	}
}

func BenchmarkInspectArray1000(b *testing.B) {
	rt := sobek.New()
	v, _ := rt.RunString(`Array.from({length: 1000}, (_, i) => ({ id: i, name: 'n' + i }))`)
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		Inspect(rt, v, InspectOptions{MaxArrayLength: Unlimited})
	}
}
