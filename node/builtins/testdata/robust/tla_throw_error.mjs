await null; throw new Error('x')
