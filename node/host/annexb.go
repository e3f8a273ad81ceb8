package host

import "github.com/grafana/sobek"

// sobek has no Object.prototype.__defineGetter__ family (ECMA-262 Annex B,
// in every V8), and packages still use it (koa's `delegates`, older CJS
// code). The host's main realm gets them as V8 has them: non-enumerable
// methods of Object.prototype with V8's checks and messages.
const annexBSource = `(function () {
  'use strict';
  const def = Object.defineProperty;
  const gopd = Object.getOwnPropertyDescriptor;
  const gpo = Object.getPrototypeOf;
  const toObject = (v) => {
    if (v === null || v === undefined) throw new TypeError('Cannot convert undefined or null to object');
    return Object(v);
  };
  const methods = {
    __defineGetter__(key, getter) {
      const o = toObject(this);
      if (typeof getter !== 'function') throw new TypeError('Object.prototype.__defineGetter__: Expecting function');
      def(o, key, { get: getter, enumerable: true, configurable: true });
    },
    __defineSetter__(key, setter) {
      const o = toObject(this);
      if (typeof setter !== 'function') throw new TypeError('Object.prototype.__defineSetter__: Expecting function');
      def(o, key, { set: setter, enumerable: true, configurable: true });
    },
    __lookupGetter__(key) {
      for (let o = toObject(this); o !== null; o = gpo(o)) {
        const d = gopd(o, key);
        if (d) return d.get;
      }
      return undefined;
    },
    __lookupSetter__(key) {
      for (let o = toObject(this); o !== null; o = gpo(o)) {
        const d = gopd(o, key);
        if (d) return d.set;
      }
      return undefined;
    },
  };
  for (const name of Object.keys(methods)) {
    if (typeof Object.prototype[name] !== 'function') {
      def(Object.prototype, name, { value: methods[name], writable: true, enumerable: false, configurable: true });
    }
  }
})`

func installAnnexB(rt *sobek.Runtime) error {
	v, err := rt.RunScript("node:internal/annexb", annexBSource)
	if err != nil {
		return err
	}
	fn, _ := sobek.AssertFunction(v)
	_, err = fn(sobek.Undefined())
	return err
}
