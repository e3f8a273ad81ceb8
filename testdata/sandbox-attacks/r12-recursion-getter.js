// resource attack: stack: recursion through getters
const o = { get x() { return this.x } }; o.x
