'use strict'
// a keyword-named member at a line's end (sobek's ASI gap): CommonJS
const o = { default: 1, new: 2, class: 3, if: 4 }
exports.a = o.default
exports.b = o?.new // comment
const c = o.class
/* multi
 line */ const d = o.if
exports.f = function f() { return o.default
}
exports.g = o.default
  .toString()
exports.sum = exports.a + exports.b + c + d
