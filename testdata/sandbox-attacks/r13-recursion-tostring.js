// resource attack: stack: recursion through toString
const o = { toString() { return String(this) } }; String(o)
