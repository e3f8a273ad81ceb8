// the same in an ES module
const o = { default: 'd', import: 'i' }
export const a = o.default
export const b = o.import
let c = 1
export { c }
