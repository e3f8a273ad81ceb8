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
	fn, err := embedded.Func(h)
	if err != nil {
		return err
	}
	_, err = fn(sobek.Undefined(), module, module.Get("exports"), events.Internals(h), h.BuiltinRequire())
	return err
}

// LoadPromises is the loader of `readline/promises`.
func LoadPromises(h *host.Host, module *sobek.Object) error {
	r, err := h.Require("readline")
	if err != nil {
		return err
	}
	return module.Set("exports", r.(*sobek.Object).Get("promises"))
}
