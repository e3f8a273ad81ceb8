// The first example of the vm docs without its require: V8 reports the
// `new` of the expression whose callee is undeclared.
const script = new vm.Script(`
function add(a, b) {
  return a + b;
}
`);
