package core

import "testing"

// TestHostViewsIgnoreContextTampering: code in a context that replaces its
// builtins (Array.prototype[Symbol.iterator], Reflect's methods, WeakMap's)
// does not change how its objects look to the host, nor break the
// membrane or the context registry: they use intrinsics captured before
// the context could touch them.
func TestHostViewsIgnoreContextTampering(t *testing.T) {
	tampers := []string{
		`Array.prototype[Symbol.iterator] = function* () {}`,
		`Reflect.ownKeys = () => ['fake']`,
		`Reflect.get = () => 'fake'`,
		`Reflect.has = () => true`,
		`Reflect.set = () => false`,
		`Reflect.getOwnPropertyDescriptor = () => ({ value: 'fake', configurable: true, enumerable: true, writable: true })`,
		`Reflect.defineProperty = () => false`,
		`Reflect.deleteProperty = () => false`,
		`Reflect.construct = () => ({})`,
		`Reflect.getPrototypeOf = () => null`,
		`Reflect.isExtensible = () => false`,
		`WeakMap.prototype.get = () => undefined; WeakMap.prototype.set = () => {}`,
		`delete globalThis.WeakMap; delete globalThis.Reflect`,
		`Object.defineProperty(globalThis, 'Reflect', { value: {} })`,
		`Function.prototype.call = Function.prototype.apply = () => 'fake'`,
		`Object.keys = () => ['fake']`,
	}
	const probe = `var o = runInContext('({ a: 1, b: [1, 2] })', sb);
		var C = runInContext('(class C { constructor() { this.c = 1 } })', sb);
		[Object.keys(o).join(), JSON.stringify(o), 'a' in o, o.a, (o.z = 5, o.z), delete o.z, Object.getOwnPropertyDescriptor(o, 'a').value,
		 new C().c, isContext(sb), Object.getOwnPropertyNames(o).join()].join(' ')`
	const want = `a,b {"a":1,"b":[1,2]} true 1 5 true 1 1 true a,b`
	for _, tamper := range tampers {
		_, rt := newTestIsolate(t)
		if _, err := rt.RunString(`var sb = createContext({}); runInContext(` + "`" + tamper + "`" + `, sb)`); err != nil {
			t.Fatalf("%s: %v", tamper, err)
		}
		v, err := rt.RunString(probe)
		if err != nil {
			t.Errorf("%s: %v", tamper, err)
			continue
		}
		if v.String() != want {
			t.Errorf("after %s:\n got %s\nwant %s", tamper, v, want)
		}
	}
}
