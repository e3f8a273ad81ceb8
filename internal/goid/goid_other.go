//go:build !amd64 && !arm64

package goid

const fastAvailable = false

func getFast() uint64 { return slow() }
