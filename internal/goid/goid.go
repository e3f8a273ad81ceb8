// Package goid returns the calling goroutine's id cheaply. An isolate uses
// it to tell a nested call (a Go function that JavaScript called, calling
// back in) from a second goroutine.
//
// The fast path reads the id from the runtime's g structure at an offset
// known for the Go versions this module builds with; at start-up it is
// checked against the id parsed from runtime.Stack, and if they disagree
// (a Go upgrade moved the field) the slow, portable path is used.
package goid

import (
	"bytes"
	"runtime"
	"strconv"
)

var fast = fastAvailable && check()

// Get returns the calling goroutine's id.
func Get() uint64 {
	if fast {
		return getFast()
	}
	return slow()
}

// Fast reports whether the fast path is in use.
func Fast() bool { return fast }

func check() bool {
	for range 3 {
		done := make(chan bool)
		go func() { done <- getFast() == slow() }()
		if !<-done {
			return false
		}
	}
	return getFast() == slow()
}

func slow() uint64 {
	var buf [64]byte
	n := runtime.Stack(buf[:], false)
	b := bytes.TrimPrefix(buf[:n], []byte("goroutine "))
	if i := bytes.IndexByte(b, ' '); i > 0 {
		b = b[:i]
	}
	id, _ := strconv.ParseUint(string(b), 10, 64)
	return id
}
