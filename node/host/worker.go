package host

import (
	"os"
	"sort"
	"strings"
	"sync"
)

// Env is a process environment of a host's own: Node gives each Worker a
// copy of its parent's process.env (or the env option), so a worker's
// changes stay in it. Safe for concurrent use (SHARE_ENV shares one Env
// between threads). A nil *Env is the OS environment.
type Env struct {
	mu   sync.Mutex
	vars map[string]string
}

// NewEnv returns an environment holding a copy of vars.
func NewEnv(vars map[string]string) *Env {
	e := &Env{vars: make(map[string]string, len(vars))}
	for k, v := range vars {
		e.vars[k] = v
	}
	return e
}

// Lookup returns the value of name and whether it is set.
func (e *Env) Lookup(name string) (string, bool) {
	if e == nil {
		return os.LookupEnv(name)
	}
	e.mu.Lock()
	defer e.mu.Unlock()
	v, ok := e.vars[name]
	return v, ok
}

// Set sets name.
func (e *Env) Set(name, value string) {
	if e == nil {
		_ = os.Setenv(name, value)
		return
	}
	e.mu.Lock()
	defer e.mu.Unlock()
	e.vars[name] = value
}

// Unset removes name.
func (e *Env) Unset(name string) {
	if e == nil {
		_ = os.Unsetenv(name)
		return
	}
	e.mu.Lock()
	defer e.mu.Unlock()
	delete(e.vars, name)
}

// Keys lists the names set (the OS environment in its order, an own one
// sorted).
func (e *Env) Keys() []string {
	if e == nil {
		var keys []string
		for _, kv := range os.Environ() {
			if i := strings.IndexByte(kv, '='); i > 0 {
				keys = append(keys, kv[:i])
			}
		}
		return keys
	}
	e.mu.Lock()
	defer e.mu.Unlock()
	keys := make([]string, 0, len(e.vars))
	for k := range e.vars {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	return keys
}

// Snapshot returns a copy of all the variables.
func (e *Env) Snapshot() map[string]string {
	out := map[string]string{}
	for _, k := range e.Keys() {
		if v, ok := e.Lookup(k); ok {
			out[k] = v
		}
	}
	return out
}

// Terminate stops the host from any goroutine, as worker.terminate() does:
// the JavaScript running now is interrupted (in whichever context of the
// isolate it runs), nothing more runs (no 'exit' event), and the run
// (RunMain, RunSource, ...) returns exit code 1. Code in a native Go
// function is stopped when it returns to JavaScript.
func (h *Host) Terminate() {
	if h.terminated.Swap(true) {
		return
	}
	h.Isolate.Terminate(exitSignal{})
	select {
	case h.wake <- struct{}{}:
	default:
	}
}

// checkTerminated stops the host (on its goroutine) once Terminate was
// called.
func (h *Host) checkTerminated() bool {
	if !h.terminated.Load() {
		return false
	}
	if !h.stopped {
		h.stopped, h.exiting, h.exitCode = true, true, 1
	}
	return true
}

// OnStop registers fn to run on the host's goroutine once the host has
// stopped (after 'exit'): the worker_threads builtin ends the workers of
// a thread that ends.
func (h *Host) OnStop(fn func()) { h.onStop = append(h.onStop, fn) }

func (h *Host) runStopHooks() {
	hooks := h.onStop
	h.onStop = nil
	for _, fn := range hooks {
		fn()
	}
}
