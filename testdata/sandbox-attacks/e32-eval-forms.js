// Node vm: direct and indirect eval
pwn(eval('this')); pwn((0, eval)('this')); pwn(new Function('return this')()); pwn(Function('return globalThis')()); pwn((function () { return this })()); 1
