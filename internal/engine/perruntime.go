package engine

import (
	"runtime"
	"sync"
	"weak"

	"github.com/grafana/sobek"
)

// PerRuntime keeps one T per sobek runtime (a builtin's per-realm state),
// holding both weakly: a T lives as long as something of the runtime that
// captured it does, and its entry goes when it is collected. The zero
// value is ready to use.
type PerRuntime[T any] struct {
	mu sync.Mutex
	m  map[weak.Pointer[sobek.Runtime]]weak.Pointer[T]
}

// Lookup returns rt's T, or nil if none was made (or it was collected).
func (p *PerRuntime[T]) Lookup(rt *sobek.Runtime) *T {
	p.mu.Lock()
	defer p.mu.Unlock()
	if w, ok := p.m[weak.Make(rt)]; ok {
		return w.Value()
	}
	return nil
}

// Get returns rt's T, making it with newT the first time.
func (p *PerRuntime[T]) Get(rt *sobek.Runtime, newT func() *T) *T {
	k := weak.Make(rt)
	p.mu.Lock()
	defer p.mu.Unlock()
	if w, ok := p.m[k]; ok {
		if v := w.Value(); v != nil {
			return v
		}
	}
	if p.m == nil {
		p.m = map[weak.Pointer[sobek.Runtime]]weak.Pointer[T]{}
	}
	v := newT()
	p.m[k] = weak.Make(v)
	runtime.AddCleanup(v, func(k weak.Pointer[sobek.Runtime]) {
		p.mu.Lock()
		if w, ok := p.m[k]; ok && w.Value() == nil {
			delete(p.m, k)
		}
		p.mu.Unlock()
	}, k)
	return v
}
