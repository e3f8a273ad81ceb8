package engine

import (
	"reflect"
	"sort"
	"strings"
	"sync"

	"github.com/grafana/sobek"
	"github.com/grafana/sobek/ast"
	"github.com/grafana/sobek/file"
)

// Every `await` of user code steps around sobek's Await bug (await.go:
// the awaited value's `constructor` is read outside of any try, so a
// throwing or revoked Proxy, or a throwing getter, corrupts the VM when
// it happens in the synchronous part of an async call — asyncRunner.start
// does not pop its frames — and escapes the async function's promise
// otherwise). GuardAwaits rewrites the parsed program: `await x` becomes
// `await <hook>(x)`, where <hook> is a global lexical binding under a
// name no source can spell, which EnsureAwaitHook gives a realm. The
// hook resolves x as the specification's Await does before sobek sees it:
// a primitive or a promise whose constructor is the realm's Promise is
// passed on as it is (the promise's constructor read here, where a throw
// is an ordinary throw of the async function, as in V8); any other object
// becomes a new promise resolved with it (its `then` read inside sobek's
// try, a throw rejecting), which sobek then awaits without reading
// anything of the original. The AST's positions are kept, so stacks,
// messages and Function.prototype.toString are unchanged.
//
// Not covered: code sobek parses itself (eval, the Function, AsyncFunction
// and GeneratorFunction constructors) and code inside a with statement's
// body keep the plain await (for a Proxy there, see awaitproxy.go).

// AwaitHookName is the hidden binding's name.
const AwaitHookName = "%jsvm await"

var (
	awaitBinding  = newHiddenBinding(AwaitHookName)
	awaitHookName = awaitBinding.name
)

// MayAwait reports whether src may contain an await (a false positive
// only costs a walk of the AST).
func MayAwait(src string) bool { return strings.Contains(src, "await") }

// GuardAwaits rewrites every await expression of prog (see above) and
// reports whether there was one.
func GuardAwaits(prog *ast.Program) bool {
	if prog == nil {
		return false
	}
	w := awaitWalker{}
	for _, st := range prog.Body {
		w.walk(reflect.ValueOf(&st).Elem())
	}
	return w.found
}

// GuardParsedAwaits is GuardAwaits for a program as parser.ParseFile
// returned it (its positions index prog.File's text): an await
// expression's position holds the word "await" (sobek refuses escaped
// keywords), so a block whose braces are where its positions say and
// whose text has no "await" holds none and is not walked (nor an object
// or array literal). A large file
// with few awaits then costs a walk of the paths to them, not of its
// whole tree.
func GuardParsedAwaits(prog *ast.Program) bool {
	if prog == nil {
		return false
	}
	w := awaitWalker{}
	if f := prog.File; f != nil {
		w.src, w.base = f.Source(), f.Base()
		for i := 0; ; {
			j := strings.Index(w.src[i:], "await")
			if j < 0 {
				break
			}
			w.marks = append(w.marks, i+j)
			i += j + len("await")
		}
		if len(w.marks) == 0 {
			return false
		}
		w.prune = true
	}
	for _, st := range prog.Body {
		w.walk(reflect.ValueOf(&st).Elem())
	}
	return w.found
}

type awaitWalker struct {
	found     bool
	astPruner // GuardParsedAwaits: marks are the offsets of "await"
}

// astPruner lets a walk of a parsed program skip the nodes whose text
// provably holds none of the words it looks for: marks are the ascending
// offsets of those words in src (the program's text, base its first
// position); prune is off for programs without their text.
type astPruner struct {
	prune bool
	src   string
	base  int
	marks []int
	plans map[reflect.Type][]int // nodeFields, without astPlans' sync
}

// skip reports whether the node between the brackets at positions lp and
// rp (open and close) provably holds no mark: the brackets are there in
// src and no mark lies between them.
func (w *astPruner) skip(lp, rp file.Idx, open, close byte) bool {
	l, r := int(lp)-w.base, int(rp)-w.base
	if !w.prune || l < 0 || r <= l || r >= len(w.src) || w.src[l] != open || w.src[r] != close {
		return false
	}
	k := sort.SearchInts(w.marks, l)
	return k == len(w.marks) || w.marks[k] > r
}

// skipNode: blocks, object and array literals (the nodes whose brackets
// the parser records) without a mark.
func (w *astPruner) skipNode(v reflect.Value) bool {
	if !w.prune {
		return false
	}
	switch v.Type() {
	case blockType:
		b := v.Interface().(*ast.BlockStatement)
		return w.skip(b.LeftBrace, b.RightBrace, '{', '}')
	case objectType:
		o := v.Interface().(*ast.ObjectLiteral)
		return w.skip(o.LeftBrace, o.RightBrace, '{', '}')
	case arrayType:
		a := v.Interface().(*ast.ArrayLiteral)
		return w.skip(a.LeftBracket, a.RightBracket, '[', ']')
	}
	return false
}

// find walks every node under v (a field or slice element holding nodes),
// calling found with each node of type t before walking into it; nodes
// skipNode proves free of marks are not walked.
func (w *astPruner) find(v reflect.Value, t reflect.Type, found func(reflect.Value)) {
	switch v.Kind() {
	case reflect.Interface:
		if !v.IsNil() {
			w.find(v.Elem(), t, found)
		}
	case reflect.Pointer:
		if v.IsNil() {
			return
		}
		if v.Type() == t {
			found(v)
		} else if w.skipNode(v) {
			return
		}
		if v.Elem().Kind() == reflect.Struct {
			w.find(v.Elem(), t, found)
		}
	case reflect.Slice:
		for i := 0; i < v.Len(); i++ {
			w.find(v.Index(i), t, found)
		}
	case reflect.Struct:
		if v.Type().PkgPath() != astPkg {
			return
		}
		for _, i := range w.fields(v.Type()) {
			w.find(v.Field(i), t, found)
		}
	}
}

func (w *astPruner) fields(t reflect.Type) []int {
	if idx, ok := w.plans[t]; ok {
		return idx
	}
	idx := nodeFields(t)
	if w.plans == nil {
		w.plans = map[reflect.Type][]int{}
	}
	w.plans[t] = idx
	return idx
}

var (
	astPkg     = reflect.TypeFor[ast.Program]().PkgPath()
	awaitType  = reflect.TypeFor[*ast.AwaitExpression]()
	blockType  = reflect.TypeFor[*ast.BlockStatement]()
	objectType = reflect.TypeFor[*ast.ObjectLiteral]()
	arrayType  = reflect.TypeFor[*ast.ArrayLiteral]()
	withType   = reflect.TypeFor[*ast.WithStatement]()
	// astPlans: for each AST struct type, the indices of the fields that
	// can hold nodes
	astPlans sync.Map
)

// nodeFields lists t's fields that may hold AST nodes: pointers to AST
// structs, interfaces, slices of those and AST structs holding them. The
// hoisting records (DeclarationList) repeat nodes of the body and are
// skipped.
func nodeFields(t reflect.Type) []int {
	if p, ok := astPlans.Load(t); ok {
		return p.([]int)
	}
	var idx []int
	for i := 0; i < t.NumField(); i++ {
		f := t.Field(i)
		if f.Name == "DeclarationList" {
			continue
		}
		if mayHoldNodes(f.Type, map[reflect.Type]bool{t: true}) {
			idx = append(idx, i)
		}
	}
	astPlans.Store(t, idx)
	return idx
}

func mayHoldNodes(t reflect.Type, seen map[reflect.Type]bool) bool {
	switch t.Kind() {
	case reflect.Interface:
		return t.PkgPath() == astPkg // ast.Expression, ast.Statement, ...; not interface{}
	case reflect.Pointer, reflect.Slice:
		return mayHoldNodes(t.Elem(), seen)
	case reflect.Struct:
		if t.PkgPath() != astPkg {
			return false
		}
		if seen[t] {
			return true
		}
		seen[t] = true
		for i := 0; i < t.NumField(); i++ {
			if mayHoldNodes(t.Field(i).Type, seen) {
				return true
			}
		}
	}
	return false
}

func (w *awaitWalker) walk(v reflect.Value) {
	switch v.Kind() {
	case reflect.Interface, reflect.Pointer:
		if v.IsNil() {
			return
		}
		if v.Kind() == reflect.Interface {
			v = v.Elem()
			if v.Kind() != reflect.Pointer || v.IsNil() {
				return
			}
		}
		if v.Type() == withType {
			// inside a with body the hook's name would be looked up on
			// the object first (a Proxy's has trap would see it, and one
			// answering true for every name would hide the hook): the
			// awaits there stay plain
			w.walk(reflect.ValueOf(&v.Interface().(*ast.WithStatement).Object).Elem())
			return
		}
		if w.skipNode(v) {
			return
		}
		if v.Type() == awaitType {
			a := v.Interface().(*ast.AwaitExpression)
			w.walk(reflect.ValueOf(&a.Argument).Elem())
			wrapAwait(a)
			w.found = true
			return
		}
		if e := v.Elem(); e.Kind() == reflect.Struct && e.Type().PkgPath() == astPkg {
			w.walkStruct(e)
		}
	case reflect.Struct:
		w.walkStruct(v)
	case reflect.Slice:
		for i := 0; i < v.Len(); i++ {
			w.walk(v.Index(i))
		}
	}
}

func (w *awaitWalker) walkStruct(v reflect.Value) {
	for _, i := range w.fields(v.Type()) {
		w.walk(v.Field(i))
	}
}

// wrapAwait makes a's argument a call of the hook (once).
func wrapAwait(a *ast.AwaitExpression) {
	arg := a.Argument
	if arg == nil {
		return
	}
	if c, ok := arg.(*ast.CallExpression); ok {
		if id, ok := c.Callee.(*ast.Identifier); ok && id.Name == awaitHookName {
			return
		}
	}
	a.Argument = &ast.CallExpression{
		Callee:           &ast.Identifier{Name: awaitHookName, Idx: arg.Idx0()},
		LeftParenthesis:  arg.Idx0(),
		ArgumentList:     []ast.Expression{arg},
		RightParenthesis: arg.Idx1(),
	}
}

var (
	promiseType = reflect.TypeFor[*sobek.Promise]()
	proxyType   = reflect.TypeFor[sobek.Proxy]()
)

// awaitHooks: the runtimes that have the binding (its setter, held by
// the hook, which the runtime's binding holds).
var awaitHooks PerRuntime[awaitHookState]

type awaitHookState struct {
	hiddenSlot
	proto *sobek.Object // the realm's Promise.prototype, once needed
	ctor  *sobek.Object // the last constructor found to be the realm's Promise
}

// EnsureAwaitHook gives rt the binding GuardAwaits' programs call, once;
// call it before a guarded program runs in rt (it costs a realm ~2 KiB,
// so realms get it only when their code awaits). It runs a program, so
// an interrupt pending on rt fails it: it is tried again next time.
func EnsureAwaitHook(rt *sobek.Runtime) error {
	st := awaitHooks.Get(rt, func() *awaitHookState { return &awaitHookState{} })
	if st.done {
		return nil
	}
	hook := func(c sobek.FunctionCall) sobek.Value {
		_ = st // the binding keeps the state (and so the registry's entry) alive
		v := c.Argument(0)
		obj, ok := v.(*sobek.Object)
		if !ok {
			return v
		}
		if obj.ExportType() == promiseType {
			// PromiseResolve reads a promise's constructor: a throw here
			// is the await's, as in V8. The realm's Promise (whose
			// prototype property is fixed) passes the promise on: sobek
			// reads the constructor again (a getter sees two reads) and
			// uses the promise; any other constructor means a new promise
			// resolved with it, made here
			ctor, _ := obj.Get("constructor").(*sobek.Object)
			if ctor != nil && ctor == st.ctor {
				return v
			}
			if ctor != nil && ctor.ExportType() != proxyType {
				if st.proto == nil {
					p, _, _ := rt.NewPromise()
					st.proto = rt.ToValue(p).(*sobek.Object).Prototype()
				}
				if pr := ctor.Get("prototype"); pr != nil && pr.SameAs(st.proto) {
					st.ctor = ctor // (another with that prototype: sobek decides)
					return v
				}
			}
		}
		return Awaitable(rt, v)
	}
	return awaitBinding.install(rt, &st.hiddenSlot, hook)
}
