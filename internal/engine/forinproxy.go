package engine

import (
	"sync"
	"unsafe"

	"github.com/grafana/sobek"
)

// for-in over an object whose prototype chain holds a Proxy. V8 (node
// v20) collects the keys of an ordinary receiver's chain up to the first
// Proxy: that Proxy's own keys, one [[GetPrototypeOf]] of it, and no
// further (FastKeyAccumulator's last non-empty prototype is where its
// proxy-less walk ended); each key is then filtered as it comes by
// HasEnumerableProperty(receiver, key), which asks a Proxy on the way its
// getOwnPropertyDescriptor trap and, when it answers absent, goes on to
// its prototype. sobek walks the whole chain (`o → Proxy(o)` never ends:
// the walk count's RangeError after 102,400 steps) and filters a key
// whose enumerability its holder did not say (every key a Proxy gives) by
// the receiver's own property, which it is not: the keys Proxies give
// were all dropped.
//
// The stand-in handler (proxyguard.go) sees a for-in's walk reach a Proxy
// (a trap read while the VM is at the for-in's step, forinKey): it then
// points the iteration's filter object (enumerableIter.o) at a Go object
// answering HasEnumerableProperty(receiver, key), and, for an ordinary
// receiver, answers the walk's getPrototypeOf of that first Proxy with
// null after running the user's trap (or the target's own
// [[GetPrototypeOf]]) once. A receiver that is itself a Proxy is walked to
// the end, as in V8 (counted). The layout read (enumerableIter's first
// field) is checked by a probe (forinFilterWorks); when it fails, for-in
// keeps sobek's behaviour. What differs still: sobek asks the filter of a
// key when it reaches it, before the walk's getPrototypeOf, so a trap
// tracer sees "gopd k" before "getPrototypeOf" where V8 reads
// getPrototypeOf first.

// forinState is the for-in iteration a realm's stand-in handlers took
// over last.
type forinState struct {
	iter     unsafe.Pointer // the enumerableIter
	receiver *sobek.Object
	stopped  bool // the walk's getPrototypeOf of the first Proxy was answered
}

// forinFilter answers the key filter of an iteration.
type forinFilter struct {
	st       *proxyRealm
	receiver *sobek.Object
}

func (f *forinFilter) Get(key string) sobek.Value {
	if hasEnumerable(f.st, f.receiver, key) {
		return sobek.Undefined()
	}
	return nil
}
func (f *forinFilter) Set(string, sobek.Value) bool { return false }
func (f *forinFilter) Has(key string) bool          { return f.Get(key) != nil }
func (f *forinFilter) Delete(string) bool           { return false }
func (f *forinFilter) Keys() []string               { return nil }

// hasEnumerable is V8's HasEnumerableProperty(receiver, key) for string
// keys: the first object on the chain with an own property key decides.
func hasEnumerable(st *proxyRealm, o *sobek.Object, key string) bool {
	rt := st.rt
	gopd, ok := sobek.AssertFunction(OriginalBuiltin(rt, "Object", "getOwnPropertyDescriptor"))
	if !ok {
		return true
	}
	// the walk counts as a prototype walk (getPrototypeOf cycles throw
	// V8's RangeError), not as the for-in's
	saved := st.walk
	st.walk = 0
	defer func() { st.walk = saved }()
	k := rt.ToValue(key)
	for o != nil {
		d, isObj := Call(gopd, sobek.Undefined(), o, k).(*sobek.Object)
		if isObj {
			return d.Get("enumerable").ToBoolean()
		}
		o = o.Prototype()
	}
	return false
}

// forinProxyStep is called by the stand-in handler on a trap read (key)
// at a for-in step k (forinKey): it takes the iteration over once and
// reports whether the read is the walk's getPrototypeOf of the first
// Proxy of an ordinary receiver (to be answered with null).
func (st *proxyRealm) forinProxyStep(k unsafe.Pointer, key string) bool {
	if !st.forinTakeOver(k) {
		return false
	}
	fs := &st.forinState
	if key != "getPrototypeOf" || fs.stopped || fs.receiver.ExportType() == proxyType {
		return false
	}
	fs.stopped = true
	return true
}

// forinTakeOver points the filter of the for-in iteration k at a
// forinFilter, once; it reports false when it cannot.
func (st *proxyRealm) forinTakeOver(k unsafe.Pointer) bool {
	if !forinFilterWorks() {
		return false
	}
	fs := &st.forinState
	if fs.iter == k {
		return true
	}
	recv := *(**sobek.Object)(k) // enumerableIter.o
	if recv == nil {
		return false
	}
	if f, ok := recv.Export().(*forinFilter); ok {
		// taken over before (another for-in ran in between)
		*fs = forinState{iter: k, receiver: f.receiver}
	} else {
		*fs = forinState{iter: k, receiver: recv}
		*(**sobek.Object)(k) = st.rt.NewDynamicObject(&forinFilter{st: st, receiver: recv})
	}
	return true
}

// ForInKeys is called by jsvm's own Proxies (the membrane's wrappers of
// another realm's objects, ordinary objects in V8) on their ownKeys and
// getPrototypeOf: a for-in rt's VM is at gets the filter of
// HasEnumerableProperty, so that the keys they give are kept (the walk
// goes on through them).
func ForInKeys(rt *sobek.Runtime) {
	if k := forinKey(rt); k != nil {
		realmOf(rt).forinTakeOver(k)
	}
}

// stopTrap returns the getPrototypeOf trap the stand-in hands sobek for
// the first Proxy of a for-in walk: the user's trap (user, or nil for
// none: the target's own [[GetPrototypeOf]]) runs, and the walk gets
// null, unless the target is not extensible (the trap's invariant: its
// prototype then).
func (st *proxyRealm) stopTrap(user func(sobek.FunctionCall) sobek.Value, this sobek.Value) func(sobek.FunctionCall) sobek.Value {
	return func(call sobek.FunctionCall) sobek.Value {
		target, _ := call.Argument(0).(*sobek.Object)
		var proto sobek.Value
		if user != nil {
			proto = user(sobek.FunctionCall{This: this, Arguments: call.Arguments})
			if _, isObj := proto.(*sobek.Object); !isObj && !sobek.IsNull(proto) {
				panic(st.rt.NewTypeError("'getPrototypeOf' on proxy: trap returned neither object nor null"))
			}
		} else if target != nil {
			if p := target.Prototype(); p != nil {
				proto = p
			} else {
				proto = sobek.Null()
			}
		}
		if target != nil && !isExtensible(st.rt, target) {
			return proto
		}
		return sobek.Null()
	}
}

func isExtensible(rt *sobek.Runtime, o *sobek.Object) bool {
	f, ok := sobek.AssertFunction(OriginalBuiltin(rt, "Object", "isExtensible"))
	if !ok {
		return true
	}
	return Call(f, sobek.Undefined(), o).ToBoolean()
}

// forinFilterWorks: a probe for-in's trap read finds the receiver in the
// first word of the iteration forinKey returns.
var forinFilterWorks = sync.OnceValue(func() bool {
	if !ProxyGuardWorks() || !proxyLayout.forin {
		return false
	}
	rt := sobek.New()
	recv := rt.NewObject()
	found := false
	p := rt.NewProxy(rt.NewObject(), &sobek.ProxyTrapConfig{
		OwnKeys: func(*sobek.Object) *sobek.Object {
			if k := forinKey(rt); k != nil {
				found = *(**sobek.Object)(k) == recv
			}
			return rt.NewArray()
		},
	})
	if recv.SetPrototype(rt.ToValue(p).(*sobek.Object)) != nil {
		return false
	}
	_ = rt.Set("o", recv)
	if _, err := rt.RunString(`for (var k in o) ;`); err != nil {
		return false
	}
	return found
})
