// Package readline is Node's `readline` builtin: createInterface over a Readable (lines, question, async iteration) and readline/promises, in JavaScript.
package readline

import (
	_ "embed"

	"github.com/grafana/sobek"
	"github.com/jsvm-dev/jsvm/node/events"
	"github.com/jsvm-dev/jsvm/node/host"
)

//go:embed readline.js
var source string

var embedded = &host.Embedded{Name: "node:readline", Params: "module, exports, internals, require", Source: source}

// Load is the loader of the `readline` builtin.
func Load(h *host.Host, module *sobek.Object) error {
	return embedded.Run(h, module, events.Internals(h), h.BuiltinRequire())
}

// LoadPromises is the loader of `readline/promises`.
var LoadPromises = host.ExportsOf("readline", "promises")
