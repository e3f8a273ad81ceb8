package core

import (
	"sync"
	"weak"
)

// contextRegistry lists an isolate's contexts weakly, so vm.measureMemory
// can enumerate the live ones without keeping any alive. Adding is an
// append of a weak pointer; dead entries are swept when the list doubles.
type contextRegistry struct {
	mu    sync.Mutex
	list  []weak.Pointer[Context]
	sweep int // sweep when len(list) reaches this
}

func (r *contextRegistry) add(c *Context) {
	r.mu.Lock()
	defer r.mu.Unlock()
	if len(r.list) >= r.sweep {
		live := r.list[:0]
		for _, w := range r.list {
			if w.Value() != nil {
				live = append(live, w)
			}
		}
		clear(r.list[len(live):])
		r.list = live
		r.sweep = max(16, 2*len(live))
	}
	r.list = append(r.list, weak.Make(c))
}

// Contexts returns the isolate's live contexts, the main context first,
// in creation order.
func (iso *Isolate) Contexts() []*Context {
	r := &iso.registry
	r.mu.Lock()
	defer r.mu.Unlock()
	out := make([]*Context, 0, len(r.list))
	for _, w := range r.list {
		if c := w.Value(); c != nil {
			out = append(out, c)
		}
	}
	return out
}
