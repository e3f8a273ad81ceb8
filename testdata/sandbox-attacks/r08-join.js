// resource attack: memory: join of a huge sparse array
const a = []; a.length = 2 ** 32 - 1; a.join('xxxxxxxx')
