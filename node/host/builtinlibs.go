package host

import "github.com/grafana/sobek"

// builtinLibsJS is Node's addBuiltinLibsToObject (lib/internal/modules/
// helpers.js): `node -e`, `node -p` and the REPL see every builtin module
// as a global (`vm`, `fs`, ...), a non-enumerable accessor that requires
// it on first read and becomes the plain value once assigned. Names with
// an underscore or a slash, and names the global already has, are left
// out, as in Node.
const builtinLibsJS = `(function (object, require, names) {
  for (const name of names) {
    if (name.startsWith('_') || name.includes('/') || Object.prototype.hasOwnProperty.call(object, name)) continue;
    const setReal = (val) => { delete object[name]; object[name] = val; };
    Object.defineProperty(object, name, {
      __proto__: null,
      get: () => {
        const lib = require(name);
        delete object[name];
        Object.defineProperty(object, name, { __proto__: null, get: () => lib, set: setReal, configurable: true, enumerable: false });
        return lib;
      },
      set: setReal,
      configurable: true,
      enumerable: false,
    });
  }
})`

// addBuiltinLibs gives the global the builtin modules as lazy globals,
// required through require.
func (h *Host) addBuiltinLibs(require sobek.Value) {
	rt := h.Runtime
	f, err := rt.RunString(builtinLibsJS)
	if err != nil {
		return
	}
	fn, ok := sobek.AssertFunction(f)
	if !ok {
		return
	}
	names := make([]any, 0, 64)
	for _, n := range h.builtinNames() {
		names = append(names, n)
	}
	_, _ = fn(sobek.Undefined(), rt.GlobalObject(), require, rt.ToValue(names))
}
