// SES: overriding the array iterator a host copy may use
try { Array.prototype[Symbol.iterator] = function* () { pwn(this) } } catch (e) {} try { Object.getPrototypeOf([][Symbol.iterator]()).next = function () { pwn(this); return { done: true } } } catch (e) {} log([1, 2, 3]); [1, 2]
