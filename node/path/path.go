// Package path is Node's `path` builtin (posix and win32 flavours),
// written in JavaScript (path.js); the Go side gives it the working
// directory and the platform.
package path

import (
	_ "embed"
	"os"
	"runtime"

	"github.com/grafana/sobek"
	"github.com/jsvm-dev/jsvm/node/events"
	"github.com/jsvm-dev/jsvm/node/host"
)

//go:embed path.js
var source string

var embedded = &host.Embedded{Name: "node:path", Params: "module, exports, internals", Source: source}

// Load is the loader of the `path` builtin; path/posix and path/win32 are
// LoadPosix and LoadWin32.
func Load(h *host.Host, module *sobek.Object) error {
	fn, err := embedded.Func(h)
	if err != nil {
		return err
	}
	in := events.Internals(h)
	_ = in.Set("cwd", func() string {
		wd, err := os.Getwd()
		if err != nil {
			return "/"
		}
		return wd
	})
	_ = in.Set("platform", runtime.GOOS)
	if _, err = fn(sobek.Undefined(), module, module.Get("exports"), in); err != nil {
		return err
	}
	if exports, ok := module.Get("exports").(*sobek.Object); ok {
		if posix, ok := exports.Get("posix").(*sobek.Object); ok {
			installFast(h.Runtime, posix)
		}
	}
	return nil
}

func flavour(name string) host.Loader {
	return func(h *host.Host, module *sobek.Object) error {
		p, err := h.Require("path")
		if err != nil {
			return err
		}
		return module.Set("exports", p.(*sobek.Object).Get(name))
	}
}

// LoadPosix is the loader of `path/posix`.
var LoadPosix = flavour("posix")

// LoadWin32 is the loader of `path/win32`.
var LoadWin32 = flavour("win32")
