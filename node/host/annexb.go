package host

import "github.com/grafana/sobek"

// Node's bootstrap gives the main realm's Symbol two well-known symbols of
// explicit resource management before V8 has them (Node 20.4+,
// lib/internal/util.js): Symbol.dispose and Symbol.asyncDispose,
// non-writable, non-enumerable, non-configurable, as V8's well-known
// symbols. Contexts made by vm do not get them (as in Node). (Annex B's
// Object.prototype.__defineGetter__ family, which this file used to add,
// is in every realm now: internal/engine/builtins.go.)
const nodeSymbolsSource = `(function () {
  'use strict';
  for (const [name, desc] of [['dispose', 'nodejs.dispose'], ['asyncDispose', 'nodejs.asyncDispose']]) {
    if (typeof Symbol[name] !== 'symbol') {
      Object.defineProperty(Symbol, name, { value: Symbol(desc), writable: false, enumerable: false, configurable: false });
    }
  }
})`

func installNodeSymbols(rt *sobek.Runtime) error {
	v, err := rt.RunScript("node:internal/util", nodeSymbolsSource)
	if err != nil {
		return err
	}
	fn, _ := sobek.AssertFunction(v)
	_, err = fn(sobek.Undefined())
	return err
}
