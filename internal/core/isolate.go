// Package core holds the mechanics behind package jsvm: isolates, realms
// (one sobek runtime per context), the membrane that carries objects between
// realms, the contextified global and compiled scripts. It speaks sobek; the
// root package translates to Go-idiomatic types.
package core

import (
	"sync"
	"sync/atomic"
	"weak"

	"github.com/grafana/sobek"
	"github.com/jsvm-dev/jsvm/internal/engine"
	"github.com/jsvm-dev/jsvm/internal/intl"
)

// Isolate groups contexts that may share objects. It is used from one
// goroutine at a time: Lock/Unlock serialise use.
type Isolate struct {
	mu   sync.Mutex // held while a goroutine is inside the isolate
	main *Context

	symbols symbolRegistry // Symbol.for's registry, one per isolate (symbols.go)
	// the prototype walks of its realms' Proxies (engine/proxyguard.go):
	// one per isolate, so a walk through another realm's Proxies counts them
	proxyWalks *engine.ProxyWalks
	fin        finalization // FinalizationRegistry's queue, WeakRef's kept targets (weakref.go)

	// membrane identity tables; guarded by tabMu because weak-pointer
	// cleanups run on the runtime's cleanup goroutine.
	tabMu    sync.Mutex
	wrappers map[wrapKey]*wrapEntry
	links    map[wkey]weak.Pointer[wrapper]

	// active is the chain of realms on the call stack, innermost last, each
	// with what its entry changed (one slice: a crossing is one append).
	// An interrupt must reach the runtime that is actually executing. Only
	// the goroutine running JS touches the slice; a watchdog (another
	// goroutine) reads top, which is published only while watching > 0
	// (an atomic store on every crossing costs more than the crossing's
	// bookkeeping).
	active []activeRealm
	// snapshots holds the VM snapshots of the entries of active that took
	// one (activeRealm.saved), in the same order.
	snapshots []engine.VMState
	top       atomic.Pointer[Context]
	watching  atomic.Int32 // live watchdogs

	// used is the recursion budget the realms below the top have used
	// (stackbudget.go).
	used int

	nextContextID int

	// maxStack is the isolate's recursion budget in frames
	// (MaxCallStackSize; tests lower it).
	maxStack int

	held []*Context // contexts with held runs, in the order first held

	// QueueRelease, when set (by a host with one microtask queue for the
	// isolate, as Node has), receives a context whose promise jobs a call
	// from another realm queued (`p.then(f)` on a context's promise): the
	// context stays held and QueueRelease arranges its Release at the
	// jobs' place in the shared queue. Unset, such jobs run when the call
	// returns, as sobek runs them.
	QueueRelease func(*Context)

	// the heap watchdog (memlimit.go): the limit (0: none), the depth of
	// EnterRun, and whether it interrupted the current run (guarded by
	// memWatch.mu)
	memLimit uint64
	runDepth int
	memFired bool

	registry contextRegistry // live contexts, held weakly (registry.go)

	compiled compileCache // compilecache.go

	// terminated holds Terminate's value once it was called (terminate.go)
	terminated atomic.Pointer[terminateValue]

	// lastContext is ContextOf's one-entry cache (reruns in one context
	// skip the WeakMap call); weak, so it keeps no context alive.
	lastContext weak.Pointer[Context]

	// Go is how Go values convert to JS and back (govalue.go).
	Go *GoMapping
	// panics links the Errors made for recent Go panics to them; guarded
	// by tabMu.
	panics map[*sobek.Object]*GoPanic
}

// IsolateOptions configures an isolate. The zero value is Node's default.
type IsolateOptions struct {
	// MemoryLimit is the process heap, in bytes, past which the heap
	// watchdog stops the isolate's running JavaScript with a
	// *MemoryLimitError (memlimit.go): 0 is DefaultMemoryLimit(),
	// negative is none.
	MemoryLimit int64
}

// NewIsolate creates an isolate with its main context.
func NewIsolate(opts IsolateOptions) *Isolate {
	intl.Prepare() // engine.Prepare and the locale methods
	prepareWasm()
	prepareIntl()
	iso := &Isolate{
		proxyWalks: engine.NewProxyWalks(),
		memLimit:   memoryLimit(opts.MemoryLimit),
		maxStack:   MaxCallStackSize,
		wrappers:   make(map[wrapKey]*wrapEntry),
		links:      make(map[wkey]weak.Pointer[wrapper]),
	}
	iso.main = iso.newRealm(ContextOptions{Name: "main"})
	iso.main.isMain = true
	iso.main.hideGoError()
	iso.main.captureIntrinsics() // before any code of the main realm runs
	iso.main.capsFirstRun()      // its global is no proxy: it cannot install lazily
	iso.main.hookIntrinsics()
	iso.main.capJSONDepth()
	iso.main.guardRegExps(true)
	iso.main.guardIteration()
	iso.main.shareSymbolRegistry()
	iso.main.installWeakRefs()
	registerIsolate(iso)
	return iso
}

// Main returns the isolate's main context (Node's "this context").
func (iso *Isolate) Main() *Context { return iso.main }

// Lock binds the isolate to the calling goroutine until Unlock.
func (iso *Isolate) Lock() { iso.mu.Lock() }

// Unlock releases the isolate.
func (iso *Isolate) Unlock() { iso.mu.Unlock() }

// TryLock binds the isolate to the calling goroutine if no other holds it.
func (iso *Isolate) TryLock() bool { return iso.mu.TryLock() }

// activeRealm is one entry of the chain of executing realms.
type activeRealm struct {
	c *Context
	// saved is 1 + the index in iso.snapshots of the snapshot that
	// repairs c's VM if an interrupt unwinds the entry (engine.Snapshot);
	// 0 when no watchdog was live at entry of a crossing, as nothing can
	// interrupt then. Snapshots live apart so that a crossing without one
	// copies a small entry.
	saved int
	frame stackFrame // what the entry changed in the recursion budget
}

// push records c as the innermost executing realm. While a watchdog is
// live it also snapshots c's VM: an interrupt that stops an async body
// leaves sobek's VM broken (package engine), and popAfter restores the
// snapshot.
func (iso *Isolate) push(c *Context) { iso.pushUsing(c, iso.usedBelow(), false) }

// pushRun is push for a run of a program: it snapshots the VM even with
// no watchdog, because a stack overflow that unwinds an async body breaks
// sobek's VM as an interrupt does (TestOverflowInAsyncBody). Runs are far
// rarer than membrane crossings, which snapshot only under a watchdog.
func (iso *Isolate) pushRun(c *Context) { iso.pushUsing(c, iso.usedBelow(), true) }

// pushUsing is push with usedBelow() already known (used); snapshot asks
// for a VM snapshot even with no watchdog.
func (iso *Isolate) pushUsing(c *Context, used int, snapshot bool) {
	frame := iso.budgetPush(c, used)
	watched := iso.watching.Load() > 0
	if len(iso.active) == 0 {
		iso.EnterRun()
	}
	e := activeRealm{c: c, frame: frame}
	if snapshot || watched {
		iso.snapshots = append(iso.snapshots, engine.Snapshot(c.rt))
		e.saved = len(iso.snapshots)
	}
	iso.active = append(iso.active, e)
	if watched {
		iso.top.Store(c)
	}
}

// pop ends the innermost entry, which returned normally.
func (iso *Isolate) pop() {
	n := len(iso.active) - 1
	e := &iso.active[n]
	iso.budgetPop(e.c, e.frame)
	if e.saved > 0 {
		iso.snapshots[e.saved-1] = engine.VMState{}
		iso.snapshots = iso.snapshots[:e.saved-1]
	}
	*e = activeRealm{}
	iso.active = iso.active[:n]
	if iso.watching.Load() > 0 {
		iso.top.Store(iso.innermost())
	}
	if n == 0 {
		iso.ExitRun()
	}
}

func (iso *Isolate) innermost() *Context {
	if n := len(iso.active); n > 0 {
		return iso.active[n-1].c
	}
	return nil
}

// popAfter ends the innermost entry; if err shows that an interrupt (or
// another uncatchable error) unwound it, the realm's VM is repaired first.
func (iso *Isolate) popAfter(err any) {
	if e := &iso.active[len(iso.active)-1]; e.saved > 0 && uncatchable(err) {
		iso.snapshots[e.saved-1].Restore()
	}
	iso.pop()
}

// uncatchable reports whether err (a returned error or a recovered panic)
// is one JavaScript cannot catch: it unwinds frames without running their
// handlers.
func uncatchable(err any) bool {
	switch err.(type) {
	case *sobek.InterruptedError, *sobek.StackOverflowError:
		return true
	}
	return false
}

// Executing returns the innermost realm on the call stack, or nil. Call
// it on the goroutine running the isolate (a watchdog reads the published
// top instead).
func (iso *Isolate) Executing() *Context {
	return iso.innermost()
}
