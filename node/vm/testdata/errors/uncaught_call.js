// Frames of calls point at the callee's name (sobek reports the paren);
// constructions are "new F"; the module's own frame is Object.<anonymous>.
function inner() {
  throw new TypeError('boom');
}
function Outer() {
  inner ();
}
function run(f) { f(); }
run(() => new Outer());
