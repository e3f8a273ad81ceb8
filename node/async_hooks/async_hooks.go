// Package async_hooks is Node's `async_hooks` builtin: AsyncLocalStorage and AsyncResource, in JavaScript; stores are carried across timers, ticks, microtasks, then() callbacks and await.
package async_hooks

import (
	_ "embed"

	"github.com/grafana/sobek"
	"github.com/jsvm-dev/jsvm/node/events"
	"github.com/jsvm-dev/jsvm/node/host"
)

//go:embed async_hooks.js
var source string

var embedded = &host.Embedded{Name: "node:async_hooks", Params: "module, exports, internals, require, trackPromises", Source: source}

// Load is the loader of the `async_hooks` builtin.
func Load(h *host.Host, module *sobek.Object) error {
	rt := h.Runtime
	track := rt.ToValue(func(get, set sobek.Callable) {
		rt.SetAsyncContextTracker(&frameTracker{get: get, set: set})
	})
	return embedded.Run(h, module, events.Internals(h), h.BuiltinRequire(), track)
}

// frameTracker carries AsyncLocalStorage's current frame through promise
// reactions, the engine's hook for the one place JS cannot wrap: an
// await's continuation is scheduled inside the engine. Grab runs when a
// reaction is registered (then, await); Resumed/Exited bracket its job
// (never nested, per sobek's contract), so Exited puts back the frame the
// job found.
type frameTracker struct {
	get, set sobek.Callable
	saved    sobek.Value
}

func (t *frameTracker) Grab() any {
	v, err := t.get(sobek.Undefined())
	if err != nil {
		return nil
	}
	return v
}

func (t *frameTracker) Resumed(frame any) {
	v, ok := frame.(sobek.Value)
	if !ok {
		t.saved = nil
		return
	}
	t.saved, _ = t.get(sobek.Undefined())
	_, _ = t.set(sobek.Undefined(), v)
}

func (t *frameTracker) Exited() {
	if t.saved != nil {
		_, _ = t.set(sobek.Undefined(), t.saved)
		t.saved = nil
	}
}
