package intl

import (
	"strings"
	"testing"

	"github.com/grafana/sobek"
)

// TestNoGlobalReads: intl.js runs in realms whose global is a user's
// sandbox, so building and using Intl must read no global. The realm's
// global here throws on every access.
func TestNoGlobalReads(t *testing.T) {
	Prepare()
	rt := sobek.New()
	g := rt.GlobalObject()
	intl := For(rt).Intl()
	sab := Global(rt, "SharedArrayBuffer")
	atomics := Global(rt, "Atomics")
	_ = g.Set("I", intl)
	_ = g.Set("S", sab)
	_ = g.Set("A", atomics)
	v, err := rt.RunString(`
		const I_ = I, S_ = S, A_ = A, D_ = Date, I32 = Int32Array, check = [];
		const trap = new Proxy({}, {
			get(t, k) { if (typeof k === 'string') check.push(k); return undefined; },
			has(t, k) { if (typeof k === 'string') check.push(k); return false; },
		});
		const G = globalThis, names = Object.getOwnPropertyNames(G);
		Object.setPrototypeOf(G, trap);
		for (const k of names) if (k !== 'check') try { delete G[k]; } catch (e) {}
		const out = [
			new I_.NumberFormat('en', { style: 'currency', currency: 'EUR' }).format(-1234.5),
			new I_.DateTimeFormat('en', { timeZone: 'UTC', dateStyle: 'full', timeStyle: 'long' }).format(0),
			new I_.Collator('en', { numeric: true }).compare('a10', 'a9'),
			new I_.PluralRules('en', { type: 'ordinal' }).select(3),
			new I_.RelativeTimeFormat('en', { numeric: 'auto' }).format(-1, 'day'),
			new I_.ListFormat('en').format(['a', 'b', 'c']),
			[...new I_.Segmenter('en', { granularity: 'word' }).segment('hi there')].length,
			new I_.DisplayNames('en', { type: 'region' }).of('US'),
			new I_.Locale('en-US').maximize().toString(),
			I_.getCanonicalLocales('EN-us')[0],
			(1234.5).toLocaleString(), new D_(0).toLocaleDateString('en-US', { timeZone: 'UTC' }), 'a'.localeCompare('B'),
			A_.add(new I32(new S_(8)), 0, 1),
		];
		try { new I_.NumberFormat('en', { style: 'x' }); } catch (e) { out.push(e.message); }
		out.join(' | ') + ' || ' + check.join(',');
	`)
	if err != nil {
		t.Fatal(err)
	}
	got := v.String()
	want := "-€1,234.50 | Thursday, January 1, 1970 at 12:00:00 AM UTC | 1 | few | yesterday | a, b, and c | 3 | United States | en-Latn-US | en-US | 1,234.5 | 1/1/1970 | -1 | 0 | Value x out of range for Intl.NumberFormat options property style || "
	if !strings.HasPrefix(got, want) || got != want {
		t.Fatalf("got  %s\nwant %s", got, want)
	}
}

// TestLazy: a runtime that never touches Intl builds none.
func TestLazy(t *testing.T) {
	Prepare()
	rt := sobek.New()
	if _, err := rt.RunString(`1 + 1; String(5); [1, 2].join(); 'a'.toUpperCase()`); err != nil {
		t.Fatal(err)
	}
	r := For(rt)
	if r.intl != nil || r.sab != nil {
		t.Fatal("Intl built without being used")
	}
	if _, err := rt.RunString(`(5).toLocaleString()`); err != nil {
		t.Fatal(err)
	}
	if r.intl == nil {
		t.Fatal("toLocaleString did not reach the realm's Intl")
	}
}
