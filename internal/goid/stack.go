package goid

import (
	"runtime"
	"sync"
	"unsafe"
)

// StackUsed returns how many bytes of its goroutine stack the caller uses
// (from the stack's top down to the caller's frame), or 0 when that cannot
// be read on this platform or Go version. It costs a few instructions: the
// engine reads it where sobek recurses in Go with no JavaScript frame to
// count (Proxy forwarding), to throw V8's RangeError long before Go's
// fatal stack limit.
//
// The runtime's g starts with its stack bounds (lo, hi); a local's
// address is the stack pointer near enough. At first use the reading is
// checked against a recursion of known size (stackCheck); a runtime whose
// layout differs reads 0.
func StackUsed() uintptr {
	stackOnce.Do(func() { stackOK = fastAvailable && stackCheck() })
	if !stackOK {
		return 0
	}
	return stackUsed()
}

var (
	stackOnce sync.Once
	stackOK   bool
)

//go:nosplit
func stackUsed() uintptr {
	var here byte
	sp := uintptr(unsafe.Pointer(&here))
	g := getg()
	lo, hi := *(*uintptr)(g), *(*uintptr)(unsafe.Add(g, unsafe.Sizeof(uintptr(0))))
	if sp < lo || sp > hi {
		return 0
	}
	return hi - sp
}

// stackCheck runs in a fresh goroutine: a shallow reading must be small,
// and one under a 1 MiB recursion at least 1 MiB and below Go's limit.
func stackCheck() bool {
	ok := make(chan bool)
	go func() {
		shallow := stackUsed()
		deep := recurseUsed(1024)
		ok <- shallow > 0 && shallow < 64<<10 && deep >= 1<<20 && deep < 64<<20
	}()
	r := <-ok
	runtime.Gosched()
	return r
}

//go:noinline
func recurseUsed(n int) uintptr {
	var pad [128]uintptr
	for i := range pad {
		pad[i] = uintptr(n + i)
	}
	if n == 0 {
		return stackUsed() + pad[0]
	}
	return recurseUsed(n-1) + pad[n%len(pad)] - uintptr(n+n%len(pad))
}
