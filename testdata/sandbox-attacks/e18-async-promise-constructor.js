// vm2 class: promise of a host async function (runAsync)
const p = fetchIt(1); pwn(p.constructor.constructor('return this')()); p.then(v => pwn(v && v.constructor && v.constructor.constructor('return this')())); fetchIt(0).then(() => 1, () => 1)
