// vm2 class: host error reaches sandbox through an async rejection (runAsync)
(async () => { try { await fetchIt('fail') } catch (e) { pwn(e.constructor.constructor('return this')()); pwn(Object.getPrototypeOf(e)) } })(); fetchIt(0).then(() => 1, () => 1)
