// near-membrane: host function source text
const s = Function.prototype.toString.call(log); if (!/native code/.test(s)) pwn(globalThis); 1
