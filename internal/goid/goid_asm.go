//go:build amd64 || arm64

package goid

import "unsafe"

const fastAvailable = true

// goidOffset is the offset of goid in runtime.g (Go 1.26: stack, two
// stack guards, _panic, _defer, m, a six-word gobuf, four syscall/stack
// words, param, two uint32s).
const goidOffset = 152

func getg() unsafe.Pointer

func getFast() uint64 {
	return *(*uint64)(unsafe.Add(getg(), goidOffset))
}
