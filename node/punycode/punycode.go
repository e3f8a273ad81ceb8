// Package punycode is Node's deprecated `punycode` builtin for jsvm (old
// URL libraries such as tr46, used by node-fetch 2, require it): RFC 3492
// Punycode and IDNA's toASCII/toUnicode, in JavaScript (punycode.js), with
// Node's version string.
package punycode

import (
	_ "embed"

	"github.com/grafana/sobek"
	"github.com/jsvm-dev/jsvm/node/host"
)

//go:embed punycode.js
var source string

var embedded = &host.Embedded{Name: "node:punycode", Params: "module, exports", Source: source}

// Load is the loader of the `punycode` builtin.
func Load(h *host.Host, module *sobek.Object) error { return embedded.Run(h, module) }
