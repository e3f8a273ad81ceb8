package jsvm

import (
	"runtime"
)

// MemoryUsage is what vm.measureMemory reports, for Go: estimates of the
// JavaScript memory of each live context of an isolate.
type MemoryUsage struct {
	// Total is the sum of the contexts' estimates; the true figure lies
	// between it and Heap.
	Total int64
	// Heap is the Go heap in use by the whole process.
	Heap int64
	// Contexts has one entry per live context, the main context first.
	Contexts []ContextMemory
}

// ContextMemory is one context's estimate.
type ContextMemory struct {
	Name     string
	Estimate int64
}

// MeasureMemory estimates the memory of the isolate's live contexts, from a
// bounded walk of what each context's global reaches (Go's runtime only
// knows the whole heap). It does not run JavaScript.
func (iso *Isolate) MeasureMemory() (MemoryUsage, error) {
	if err := iso.enter(); err != nil {
		return MemoryUsage{}, err
	}
	defer iso.exit()
	var ms runtime.MemStats
	runtime.ReadMemStats(&ms)
	u := MemoryUsage{Heap: int64(ms.HeapInuse)}
	for _, e := range iso.core.EstimateContexts() {
		u.Total += e.Estimate
		u.Contexts = append(u.Contexts, ContextMemory{Name: e.Context.Name(), Estimate: e.Estimate})
	}
	return u, nil
}

// MemoryEstimate estimates the JavaScript memory reachable from the
// context's global, in bytes.
func (c *Context) MemoryEstimate() (int64, error) {
	if err := c.iso.enter(); err != nil {
		return 0, err
	}
	defer c.iso.exit()
	return c.c.EstimateMemory(), nil
}
