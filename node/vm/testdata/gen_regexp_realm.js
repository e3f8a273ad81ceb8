// RegExp builtins across realms: exec, test, the flag getters, source,
// flags, toString and the Symbol methods of one realm applied to a
// regexp of another (issue #13).
//   UPDATE_SNAPSHOTS=1 go test ./node/vm -run TestRegExpRealmCases
const vm = require('vm');
const t = (f) => { try { console.log(JSON.stringify(f())); } catch (e) { console.log('throw', e.name, e.message); } };
const ctx = vm.createContext({});
const re = vm.runInContext('/(b)(c)?/g', ctx);
t(() => RegExp.prototype.exec.call(re, 'abc'));
t(() => RegExp.prototype.test.call(re, 'abc'));
t(() => Object.getOwnPropertyDescriptor(RegExp.prototype, 'global').get.call(re));
t(() => Object.getOwnPropertyDescriptor(RegExp.prototype, 'flags').get.call(re));
t(() => Object.getOwnPropertyDescriptor(RegExp.prototype, 'source').get.call(re));
t(() => 'abcabc'.replace(re, '-'));
t(() => 'abcabc'.match(re));
t(() => 'a-b'.split(vm.runInContext('/-/', ctx)));
t(() => [...'abab'.matchAll(re)].length);
t(() => re instanceof RegExp);
t(() => String(re));
t(() => RegExp.prototype.toString.call(re));
t(() => RegExp.prototype[Symbol.replace].call(re, 'abc', 'X'));
t(() => new RegExp(re).source);
t(() => new RegExp(re, 'i').flags);
t(() => vm.runInContext('(r) => RegExp.prototype.exec.call(r, "xbx")', ctx)(/(b)/));
t(() => vm.runInContext('(r) => "xbx".replace(r, "Q")', ctx)(/(b)/g));
t(() => vm.runInContext('(r) => r.test("b") && RegExp.$1', ctx)(/(b)/));
