// near-membrane: `this` of an exported function
log.call(globalThis, 1); log.apply({ __proto__: null }, [1]); const b = log.bind(Object.prototype); b(1); Reflect.apply(log, Math, [1]); 1
