// resource attack: stack: recursion through Proxy traps
const p = new Proxy({}, { get(t, k) { return p[k] } }); p.x
