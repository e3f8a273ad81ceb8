package engine

import (
	"strconv"
	"testing"

	"github.com/grafana/sobek"
)

// TestPlainDataLayout: OwnPlainData/SetOwnPlainData answer for exactly
// the own writable, enumerable, configurable data properties of ordinary
// objects (checked against Object.getOwnPropertyDescriptor), and never
// for anything that could run JavaScript or is exotic. It fails loudly
// when an engine upgrade changes sobek's object layout.
func TestPlainDataLayout(t *testing.T) {
	if !plainDataLayout() {
		t.Fatal("sobek's object layout changed: OwnPlainData always answers false (update plaindata.go)")
	}
	rt := sobek.New()
	v, err := rt.RunString(`
		const o = { a: 1, s: 'x', obj: {}, u: undefined };
		Object.defineProperty(o, 'ro', { value: 2, writable: false, enumerable: true, configurable: true });
		Object.defineProperty(o, 'hidden', { value: 3, writable: true, enumerable: false, configurable: true });
		Object.defineProperty(o, 'fixed', { value: 4, writable: true, enumerable: true, configurable: false });
		Object.defineProperty(o, 'acc', { get() { throw new Error('getter ran') }, set(v) { throw new Error('setter ran') }, enumerable: true, configurable: true });
		const inherited = Object.create({ p: 5 });
		const frozen = Object.freeze({ f: 6 });
		const sealed = Object.seal({ f: 7 });
		const closed = Object.preventExtensions({ f: 8 });
		const del = { a: 1, b: 2 }; delete del.a;
		const cls = new (class C { constructor() { this.f = 9 } })();
		const nul = Object.create(null); nul.f = 10;
		const err = new Error('m'); err.f = 11;
		const arr = [1]; arr.f = 12;
		const fn = function () {}; fn.f = 13;
		const prx = new Proxy({ f: 14 }, { get() { throw new Error('trap ran') } });
		const date = new Date(0); date.f = 15;
		[[o, ['a', 's', 'obj', 'u', 'ro', 'hidden', 'fixed', 'acc', 'missing']], [inherited, ['p']], [frozen, ['f']], [sealed, ['f']], [closed, ['f']],
		 [del, ['a', 'b']], [cls, ['f']], [nul, ['f']], [err, ['f', 'message']], [arr, ['f', '0', 'length']], [fn, ['f', 'name']], [prx, ['f']], [date, ['f']]]`)
	if err != nil {
		t.Fatal(err)
	}
	desc, _ := sobek.AssertFunction(rt.Get("Object").ToObject(rt).Get("getOwnPropertyDescriptor"))
	exotic := map[string]bool{"arr": true, "fn": true, "prx": true, "date": true, "err": true} // (not ordinary in sobek: never answered)
	names := []string{"o", "inherited", "frozen", "sealed", "closed", "del", "cls", "nul", "err", "arr", "fn", "prx", "date"}
	seen := 0
	list := v.ToObject(rt)
	for i := range names {
		pair := list.Get(itoa(i)).ToObject(rt)
		obj := pair.Get("0").ToObject(rt)
		keys := pair.Get("1").ToObject(rt)
		for j := 0; j < int(keys.Get("length").ToInteger()); j++ {
			name := keys.Get(itoa(j)).String()
			want := false
			if !exotic[names[i]] {
				if d, _ := desc(nil, obj, rt.ToValue(name)); !sobek.IsUndefined(d) {
					do := d.ToObject(rt)
					want = do.Get("get") == nil && do.Get("set") == nil && do.Get("writable").ToBoolean() && do.Get("enumerable").ToBoolean() && do.Get("configurable").ToBoolean()
				}
			}
			got, ok := OwnPlainData(obj, name)
			if ok != want {
				t.Errorf("%s.%s: OwnPlainData %v, want %v", names[i], name, ok, want)
				continue
			}
			if ok {
				seen++
				if !got.StrictEquals(obj.Get(name)) {
					t.Errorf("%s.%s: %v, Get says %v", names[i], name, got, obj.Get(name))
				}
				if !SetOwnPlainData(obj, name, rt.ToValue("new")) || obj.Get(name).String() != "new" {
					t.Errorf("%s.%s: SetOwnPlainData did not write", names[i], name)
				}
			} else if SetOwnPlainData(obj, name, rt.ToValue("new")) {
				t.Errorf("%s.%s: SetOwnPlainData wrote a property it must not", names[i], name)
			}
		}
	}
	if seen < 8 {
		t.Errorf("only %d plain properties found", seen)
	}
	// the writes are the object's own: key order and enumeration unchanged
	if got, err := rt.RunString(`[o.a, o.s, o.obj, o.u, o.ro, o.hidden, o.fixed].join() + ' ' + Object.keys(o).join()`); err != nil || got.String() != `new,new,new,new,2,3,4 a,s,obj,u,ro,fixed,acc` {
		t.Errorf("after the writes: %v %v", got, err)
	}
	if _, ok := OwnPlainData(nil, "a"); ok {
		t.Error("nil object")
	}
}

func itoa(i int) string { return strconv.Itoa(i) }

// TestOwnDataCachedFields: OwnData finds the own data of objects whose
// values map sits at different depths (a plain object, a function, an
// error, a tagged template's strings array, whose array is embedded by
// pointer), twice (the second time from valuesFields' cache).
func TestOwnDataCachedFields(t *testing.T) {
	rt := sobek.New()
	v, err := rt.RunString("const tag = (s) => s; [{ a: 1 }, function f() {}, new Error('m'), tag`x${1}y`]")
	if err != nil {
		t.Fatal(err)
	}
	list := v.ToObject(rt)
	first := map[int]sobek.Value{}
	for round := 0; round < 2; round++ {
		for i, name := range []string{"a", "name", "message", "raw"} {
			o := list.Get(itoa(i)).ToObject(rt)
			got := OwnData(o, name)
			if i < 3 && (got == nil || !got.StrictEquals(o.Get(name))) {
				t.Errorf("round %d, %s of #%d: OwnData %v, Get %v", round, name, i, got, o.Get(name))
			}
			if round == 0 {
				first[i] = got
			} else if (got == nil) != (first[i] == nil) {
				t.Errorf("%s of #%d: cached lookup answers %v, first %v", name, i, got, first[i])
			}
		}
	}
}
