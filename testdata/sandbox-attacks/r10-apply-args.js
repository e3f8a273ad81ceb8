// resource attack: memory: argument list from a huge array-like
Math.max.apply(null, { length: 2 ** 32 - 1 })
