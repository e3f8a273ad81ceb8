// SES: with + Symbol.unscopables over the global
try { Array.prototype[Symbol.unscopables].__escaped = true } catch (e) {} with ({ __proto__: globalThis }) { pwn(this) } 1
