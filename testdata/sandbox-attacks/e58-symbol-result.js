// structured clone: symbols and symbol-keyed host lookups
({ s: Symbol('x'), [Symbol.iterator]: 1 })
