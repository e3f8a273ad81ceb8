package engine

import (
	"fmt"
	"os"
	"os/exec"
	"strings"
	"testing"

	"github.com/grafana/sobek"
)

// TestSobekJoinNestsUnbounded: sobek's join (and Array.prototype.toString,
// toLocaleString) recurses in Go through nested arrays without a JS frame,
// so no call budget stops it, where V8's stack runs out at ~3,200 levels
// (RangeError); every level scans the arrays being joined, so 1e5 levels
// took minutes. flat recurses the same way (a million levels: 1.5 GB).
// Workarounds: joinNest (JoinNestLimit), boundedFlat (FlatNestLimit).
func TestSobekJoinNestsUnbounded(t *testing.T) {
	if os.Getenv("JSVM_JOIN_NEST_CHILD") != "" {
		// a process where Prepare never ran: sobek's own methods
		rt := sobek.New()
		rt.SetMaxCallStackSize(100)
		_ = rt.Set("n", 2*JoinNestLimit)
		v, err := rt.RunString(`
function mk(n) { let a = [1]; for (let i = 0; i < n; i++) a = [a]; return a }
String(mk(n)) + ' ' + mk(n).join() + ' ' + mk(n).toLocaleString() + ' ' + mk(n).flat(Infinity)`)
		os.Stdout.WriteString(fmt.Sprintf("result %v %v\n", v, err))
		os.Exit(0)
	}
	cmd := exec.Command(os.Args[0], "-test.run=^TestSobekJoinNestsUnbounded$")
	cmd.Env = append(os.Environ(), "JSVM_JOIN_NEST_CHILD=1")
	out, err := cmd.CombinedOutput()
	if err != nil || !strings.Contains(string(out), "result 1 1 1 1 <nil>") {
		t.Errorf("sobek now bounds nested joins or flat (err %v, output %.300q): joinNest / boundedFlat may go", err, out)
	}
}

// TestJoinNest: with the guard, joins nested past JoinNestLimit are V8's
// catchable RangeError, shallower ones work, and the count is restored
// after a throw (the overflow's, a toString's, a cycle's).
func TestJoinNest(t *testing.T) {
	Prepare()
	rt := sobek.New()
	_ = rt.Set("limit", JoinNestLimit)
	_ = rt.Set("flimit", FlatNestLimit)
	v, err := rt.RunString(`
const out = [];
function t(name, f) { try { out.push(name + ' ok ' + f()) } catch (e) { out.push(name + ' ' + (e instanceof RangeError) + ' ' + e.message) } }
function mk(n, leaf = [1]) { let a = leaf; for (let i = 0; i < n; i++) a = [a]; return a }
t('under', () => String(mk(limit - 10)));
t('over', () => String(mk(limit + 10)));
t('join over', () => mk(1e5).join('-'));
t('locale under', () => mk(limit - 10).toLocaleString());
t('locale over', () => mk(1e5).toLocaleString());
t('mixed', () => { let a = [1]; for (let i = 0; i < 1e5; i++) a = i % 2 ? [a] : [{ toString() { return String(a) } }][0] && [a]; return String(a) });
t('throwing leaf', () => String(mk(limit - 10, [{ toString() { throw new TypeError('leaf') } }])));
t('after throws', () => String(mk(limit - 10, [2])));
t('cycle', () => { const a = [1]; a.push(mk(limit - 10, a)); return String(a) });
t('holey', () => { let a = [3]; for (let i = 0; i < limit + 10; i++) { const b = []; b[70000] = 0; b[0] = a; a = b } return String(a).length });
t('flat under', () => mk(flimit - 10).flat(Infinity).join());
t('flat over', () => mk(1e5).flat(Infinity).length);
t('flat depth over, shallow', () => [1, [2, [3]]].flat(1e9).join());
t('flat depth object', () => { const r = []; const a = mk(1e5); try { a.flat({ valueOf() { r.push('v'); return Infinity } }) } catch (e) { r.push(e.constructor.name) } return r.join() });
t('flat limited depth', () => mk(1e5).flat(5).length);
t('flat holey over', () => { let a = [3]; for (let i = 0; i < flimit + 10; i++) { const b = []; b[70000] = 0; b[0] = a; a = b } return a.flat(Infinity).length });
t('flat species', () => { class A extends Array {} const a = A.from([1, mk(flimit + 10)]); try { a.flat(Infinity) } catch (e) { return e.constructor.name + ' ' + (a.flat(2) instanceof A) } });
t('after', () => String(mk(limit - 10, [4])) + mk(limit - 10, [5]).toLocaleString());
out.join('\n')`)
	if err != nil {
		t.Fatal(err)
	}
	want := `under ok 1
over true Maximum call stack size exceeded
join over true Maximum call stack size exceeded
locale under ok 1
locale over true Maximum call stack size exceeded
mixed true Maximum call stack size exceeded
throwing leaf false leaf
after throws ok 2
cycle ok 1,
holey true Maximum call stack size exceeded
flat under ok 1
flat over true Maximum call stack size exceeded
flat depth over, shallow ok 1,2,3
flat depth object ok v,RangeError
flat limited depth ok 1
flat holey over true Maximum call stack size exceeded
flat species ok RangeError true
after ok 45`
	if got := v.String(); got != want {
		t.Errorf("got\n%s\nwant\n%s", got, want)
	}
}
