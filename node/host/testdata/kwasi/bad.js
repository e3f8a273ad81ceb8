const o = {}
const a = o.default
const b = = 2
