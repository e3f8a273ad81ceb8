package host

import (
	"io"

	"github.com/grafana/sobek"
	"github.com/jsvm-dev/jsvm/internal/core"
)

// Options configures a Host. The zero value runs with no builtins but the
// ones in Registry, writing nowhere.
type Options struct {
	Registry *Registry
	Stdout   io.Writer
	Stderr   io.Writer
	// Argv is process.argv: the executable, the main file, then arguments.
	Argv []string
	// ExperimentalVMModules exposes vm.Module and friends, as Node's flag.
	ExperimentalVMModules bool
	// VMAPI selects the vm module API level: "" (v14, default) or "v10".
	VMAPI string
}

// Host is one Node-like process: an isolate whose main context runs the
// user's code, builtin modules, and an event loop.
type Host struct {
	Isolate *core.Isolate
	Runtime *sobek.Runtime // the main context's runtime
	Options Options

	builtins map[string]*sobek.Object // loaded builtin modules (module objects)
}
