// Package sandbox is the mechanics behind jsvm.Sandbox and the jsvm:sandbox
// builtin: a fresh sobek runtime per sandbox whose intrinsics are frozen
// after set-up, a structured-clone codec that is the only way values cross
// (copies, never references), explicit exports, and the limits (timeout,
// cancellation, CPU time, memory, recursion depth, sizes) that end a run.
//
// Nothing of the embedding program is ever reachable inside: the runtime
// is the sandbox's own, and what crosses is plain Go data.
package sandbox

import (
	"fmt"
	"time"
)

// The copy graph: what a structured clone produces on one side and
// consumes on the other. Pointers keep identity, so cycles and shared
// sub-objects survive a copy. Plain objects and arrays have ordered types
// here (key order is part of a JS object); the Go API converts them to
// map[string]any and []any.

// UndefinedType is JavaScript's undefined (nil is null).
type UndefinedType struct{}

// Undefined is the undefined value.
var Undefined = UndefinedType{}

func (UndefinedType) String() string { return "undefined" }

// Object is a plain object: own enumerable string-keyed properties, in order.
type Object struct {
	Keys   []string
	Values []any
}

// Get returns the value of key and whether it is present.
func (o *Object) Get(key string) (any, bool) {
	for i, k := range o.Keys {
		if k == key {
			return o.Values[i], true
		}
	}
	return nil, false
}

// Array is a JavaScript array (holes read as Undefined, except in a
// postMessage or structuredClone copy, which keeps them as Hole).
type Array struct{ Elems []any }

// HoleType is an array hole in a postMessage or structuredClone copy.
type HoleType struct{}

// Hole is the array hole.
var Hole = HoleType{}

// Map is a JavaScript Map, entries in insertion order.
type Map struct{ Keys, Values []any }

// Set is a JavaScript Set, in insertion order.
type Set struct{ Values []any }

// Date is a JavaScript Date; Valid is false for an invalid date.
type Date struct {
	Time  time.Time
	Valid bool
}

// RegExp is a regular expression's source and flags.
type RegExp struct{ Source, Flags string }

// ArrayBuffer is a copy of an ArrayBuffer's bytes.
type ArrayBuffer struct {
	Data []byte
	// Shared: a SharedArrayBuffer's memory (internal/intl), which the
	// copy shares instead of copying, as a structured clone does
	Shared bool
	// Resizable: a resizable ArrayBuffer of maxByteLength MaxByteLength
	Resizable     bool
	MaxByteLength int
}

// TypedArray is a copy of a typed array view: Kind is its constructor's
// name ("Uint8Array", ...), Data the viewed bytes in the platform's
// (little-endian) order.
type TypedArray struct {
	Kind string
	Data []byte
	// Buffer, when set (a postMessage or structuredClone copy), is the
	// view's whole buffer, shared with the other views of it and with the
	// buffer itself in the same copy (as the HTML structured clone keeps
	// them); Data is then nil and the view is Length bytes at Offset.
	Buffer         *ArrayBuffer
	Offset, Length int
	// Tracking: the view follows its resizable buffer's length
	Tracking bool
}

// Bytes returns the viewed bytes.
func (t *TypedArray) Bytes() []byte {
	if t.Buffer != nil {
		if t.Offset+t.Length > len(t.Buffer.Data) {
			return nil
		}
		return t.Buffer.Data[t.Offset : t.Offset+t.Length]
	}
	return t.Data
}

// DataView is a DataView in a postMessage or structuredClone copy: Length
// bytes at Offset of Buffer.
type DataView struct {
	Buffer         *ArrayBuffer
	Offset, Length int
	Tracking       bool // follows its resizable buffer's length
}

// Boxed is a primitive wrapper object (new Number(1)) in a postMessage or
// structuredClone copy; Value is the primitive.
type Boxed struct{ Value any }

// Transferred stands in a copy graph for a host object that moves with a
// message (a MessagePort): Token is what the sending side put there, and
// the receiving side makes its own object for it.
type Transferred struct{ Token any }

// Error is an error copied across: re-created on the receiving side as a
// fresh error of that side (never the original object).
type Error struct {
	Name, Message string
	// Stack is the thrower's stack, as text; it is not given to the
	// receiving side's error object.
	Stack string
}

func (e *Error) Error() string {
	if e.Name == "" {
		return e.Message
	}
	if e.Message == "" {
		return e.Name
	}
	return e.Name + ": " + e.Message
}

// DataCloneError is a value that cannot be copied: a function, a symbol,
// a Proxy, a host object, a WeakMap, a promise, a graph too deep or too big.
type DataCloneError struct{ Message string }

func (e *DataCloneError) Error() string { return "DataCloneError: " + e.Message }

// Code is the error code, as Node's structured clone reports it.
func (e *DataCloneError) Code() string { return "ERR_SANDBOX_DATA_CLONE" }

func cloneErr(format string, args ...any) *DataCloneError {
	return &DataCloneError{Message: fmt.Sprintf(format, args...)}
}
