// Package host is the Node-like host behind the jsvm command: module
// registry, require, the event loop and process. Each builtin module lives
// in its own package under node/ and is added to a Registry explicitly; there
// are no init()-time globals.
package host

import (
	"sort"

	"github.com/grafana/sobek"
)

// Loader fills module.exports of a builtin module. It runs once per host,
// on the first require of the module, on the host's goroutine. exports is
// module.exports as created by the host (a plain object); a loader may also
// replace module.exports.
type Loader func(h *Host, module *sobek.Object) error

// Registry maps builtin module names ("vm", "util", "node:test" is found as
// "test") to their loaders.
type Registry struct {
	loaders map[string]Loader
}

// NewRegistry returns an empty registry.
func NewRegistry() *Registry { return &Registry{loaders: make(map[string]Loader)} }

// Register adds or replaces a builtin module.
func (r *Registry) Register(name string, load Loader) { r.loaders[name] = load }

// Lookup returns the loader of a builtin.
func (r *Registry) Lookup(name string) (Loader, bool) {
	l, ok := r.loaders[name]
	return l, ok
}

// Names lists the registered builtins, sorted.
func (r *Registry) Names() []string {
	names := make([]string, 0, len(r.loaders))
	for n := range r.loaders {
		names = append(names, n)
	}
	sort.Strings(names)
	return names
}

// BuiltinRequire returns a JS function that loads builtins of h (the
// `require` that the builtins' embedded JavaScript receives); an unknown
// or failing builtin throws.
func (h *Host) BuiltinRequire() sobek.Value {
	return h.Runtime.ToValue(func(name string) sobek.Value {
		v, err := h.Require(name)
		if err != nil {
			throwErr(err)
		}
		return v
	})
}
