// Issue #13: Annex B HTML-like comments (<!-- anywhere, --> at a line's
// start) in scripts, eval, Function bodies, compileFunction and vm.Script,
// not in strings, templates, regexps or other comments; the __defineGetter__
// family and Object.prototype's key order in every realm.
//   UPDATE_SNAPSHOTS=1 go test ./node/vm -run TestAnnexBCases
const vm = require('vm');
var out = [];
function t(f) { try { out.push(JSON.stringify(f())); } catch (e) { out.push('throw ' + (e instanceof Error ? e.name + ': ' + e.message : String(e))); } }
t(() => vm.runInNewContext('1 <!-- x\n+ 2'));
t(() => vm.runInNewContext('var a = 5;\n--> comment\na'));
t(() => vm.runInNewContext('var a = 5;\n  /* c */ --> comment\na'));
t(() => vm.runInNewContext('var a = 5; /* c\n */ --> comment\na'));
t(() => vm.runInNewContext('var x = 3; x-->0; x'));
t(() => vm.runInNewContext('"<!--" + `\n-->` + /<!--/.source'));
t(() => eval('1 <!-- x\n+ 2'));
t(() => (0, eval)('2 <!-- x'));
t(() => new Function('return 1 <!-- x\n+ 4')());
t(() => new Function('a <!-- c', 'return a')(7));
t(() => vm.compileFunction('return 1 <!--\n+ 5')());
t(() => new vm.Script('1\n--> x\n+ 6').runInThisContext());
t(() => vm.runInNewContext('x = 1; x <!--y\n; x'));
t(() => vm.runInNewContext('var s = "a"; s <!-- \'unterminated\n+ "b"'));
t(() => vm.runInNewContext('`${1 <!-- x\n}`'));
t(() => vm.runInNewContext('a = 1\n-->x\n; a'));
t(() => { try { vm.runInNewContext('throw new Error("e")\n<!-- c'); } catch (e) { return e.stack.split('\n').slice(0, 2); } });
t(() => vm.runInNewContext('var x = 1; x --> 0'));
t(() => vm.runInNewContext('/* <!-- */ 8'));
t(() => vm.runInNewContext('9 // -->'));
t(() => vm.runInNewContext('(function(){ return 10 <!-- })\n})()'));
t(() => vm.runInNewContext('Object.getOwnPropertyNames(Object.prototype).join()'));
t(() => Object.getOwnPropertyNames(Object.prototype).join());
t(() => vm.runInNewContext('var o = {}; o.__defineGetter__("x", () => 3); o.__defineSetter__("y", function (v) { this.z = v; }); o.y = 4; [o.x, o.z, typeof o.__lookupGetter__("x"), typeof o.__lookupSetter__("y"), Object.prototype.__lookupGetter__("__proto__") === Object.getOwnPropertyDescriptor(Object.prototype, "__proto__").get]'));
t(() => { var ctx = vm.createContext({}); var f = vm.runInContext('Object.prototype.__defineGetter__', ctx); var o = {}; f.call(o, 'q', () => 11); return [o.q, f === Object.prototype.__defineGetter__]; });
console.log(out.join('\n'));
