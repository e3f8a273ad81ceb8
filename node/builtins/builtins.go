// Package builtins assembles the registry of builtin modules the jsvm
// command offers (require('vm'), require('util'), ...), so that Go programs
// embedding node/host can reuse it.
package builtins

import (
	"github.com/jsvm-dev/jsvm/node/host"
)

// DefaultRegistry returns a registry with every builtin module jsvm has.
func DefaultRegistry() *host.Registry {
	r := host.NewRegistry()
	// TODO(lead): wire builtins as their packages land:
	// r.Register("util", util.Load)
	// r.Register("console", console.Load)
	// r.Register("events", events.Load)
	// r.Register("vm", vm.Load)
	return r
}
