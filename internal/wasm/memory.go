package wasm

import (
	"context"

	"github.com/tetratelabs/wazero/experimental"
)

// Linear memories are Go byte slices: the heap watchdog sees them as it
// sees any allocation. Each allocation and growth first asks the realm's
// Policy.Allow, so a memory.grow past what the isolate's memory limit
// leaves is a failed grow (-1 in wasm, V8's RangeError from JS) instead
// of Go's fatal out-of-memory, and an instance whose initial memory does
// not fit is V8's RangeError.

type linearMemory struct {
	buf   []byte
	max   uint64
	allow func(extra uint64) bool
}

func (m *linearMemory) Reallocate(size uint64) []byte {
	if size <= uint64(cap(m.buf)) {
		m.buf = m.buf[:size]
		return m.buf
	}
	if size > m.max || (m.allow != nil && !m.allow(size-uint64(len(m.buf)))) {
		return nil
	}
	// headroom of a quarter, as append's, without passing the maximum
	c := min(size+size/4, m.max)
	b := make([]byte, size, c)
	copy(b, m.buf)
	m.buf = b
	return b
}

func (m *linearMemory) Free() { m.buf = nil }

// withAllocator is ctx with the realm's memory allocator, for an
// instantiation.
func (r *Realm) withAllocator(ctx context.Context) context.Context {
	allow := r.policy.Allow
	return experimental.WithMemoryAllocator(ctx, experimental.MemoryAllocatorFunc(func(capacity, maximum uint64) experimental.LinearMemory {
		return &linearMemory{max: maximum, allow: allow}
	}))
}
