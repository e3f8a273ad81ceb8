package engine

import (
	"reflect"
	"sync"
	"unsafe"

	"github.com/grafana/sobek"
	"github.com/grafana/sobek/file"
)

// sobek words its own errors (`null.x`, calling a non-function, a TDZ
// read, a SyntaxError of eval) differently from V8, and it makes them
// through the realm's intrinsic error constructors with no hook between
// the throw and the user's catch. HookErrorConstructors replaces the
// construct behaviour of a realm's intrinsic TypeError, ReferenceError,
// RangeError and SyntaxError (the func field of sobek's unexported
// nativeFuncObject) with a wrapper that hands each error it makes, and
// where the VM stands, to a fixer: the fixer can then reword the message
// before any code sees it. ErrorSite reads the VM's registers (current
// program, its source, the instruction and the operand stack).
// TestErrorHookLayout fails loudly if sobek changes these internals;
// HookErrorConstructors then reports false and errors keep sobek's words
// (the vm boundaries still translate uncaught ones).

// ErrorSite is where the VM was when it made an error.
type ErrorSite struct {
	// Native: the error was made inside a builtin (no JS frame on top);
	// Func is then the builtin's name.
	Native bool
	Func   string
	// Source is the text of the executing program (a file, an eval's or a
	// Function's source).
	Source string
	// Op is the type name of that instruction ("getProp", "call", "_new",
	// ...), Operand(i) the value i slots below the top of the stack.
	Op string
	// OpString is the instruction's string operand (the property name of
	// a setProp), if it has one; OpInt its integer operand (the argument
	// count of a call or new), else -1.
	OpString string
	OpInt    int
	vm       reflect.Value
	rt       *sobek.Runtime
}

// Operand returns the value i slots below the top of the VM's operand
// stack (0: the top), or nil.
func (s *ErrorSite) Operand(i int) sobek.Value {
	if !s.vm.IsValid() {
		return nil
	}
	sp := int(s.vm.Field(errLayout.sp).Int())
	f := s.vm.Field(errLayout.stack)
	st := *(*[]sobek.Value)(unsafe.Pointer(f.UnsafeAddr()))
	if j := sp - 1 - i; i >= 0 && j >= 0 && j < len(st) {
		return st[j]
	}
	return nil
}

// ErrorFixer gets every error made by a hooked constructor; site describes
// where the VM is (made on demand: it costs a little).
type ErrorFixer func(o *sobek.Object, args []sobek.Value, site func() *ErrorSite)

type constructFn = func(args []sobek.Value, newTarget *sobek.Object) *sobek.Object

var errLayout struct {
	once                sync.Once
	ok                  bool
	vm                  int // Runtime.vm
	prg, pc, sp, stack  int // fields of vm
	code, src, funcName int // fields of Program
	self                int // Object.self
	construct           int // nativeFuncObject.construct
	nativeFunc          reflect.Type
	fileType            reflect.Type
}

func errorLayout() bool {
	errLayout.once.Do(func() {
		field := func(t reflect.Type, name string, kind reflect.Kind) (reflect.StructField, bool) {
			f, ok := t.FieldByName(name)
			if !ok || len(f.Index) != 1 || f.Type.Kind() != kind {
				return f, false
			}
			return f, true
		}
		rtT := reflect.TypeOf(sobek.Runtime{})
		vmF, ok := field(rtT, "vm", reflect.Pointer)
		if !ok || vmF.Type.Elem().Kind() != reflect.Struct {
			return
		}
		vmT := vmF.Type.Elem()
		prgF, ok1 := field(vmT, "prg", reflect.Pointer)
		pcF, ok2 := field(vmT, "pc", reflect.Int)
		spF, ok3 := field(vmT, "sp", reflect.Int)
		stF, ok4 := field(vmT, "stack", reflect.Slice)
		if !ok1 || !ok2 || !ok3 || !ok4 || prgF.Type != reflect.TypeOf((*sobek.Program)(nil)) ||
			stF.Type.Elem() != reflect.TypeFor[sobek.Value]() {
			return
		}
		pT := reflect.TypeOf(sobek.Program{})
		codeF, ok1 := field(pT, "code", reflect.Slice)
		srcF, ok2 := field(pT, "src", reflect.Pointer)
		nameF, ok3 := field(pT, "funcName", reflect.String)
		if !ok1 || !ok2 || !ok3 || srcF.Type != reflect.TypeOf((*file.File)(nil)) || codeF.Type.Elem().Kind() != reflect.Interface {
			return
		}
		oT := reflect.TypeOf(sobek.Object{})
		selfF, ok := field(oT, "self", reflect.Interface)
		if !ok {
			return
		}
		// the constructor's implementation: sobek's nativeFuncObject
		rt := sobek.New()
		te, _ := rt.Get("TypeError").(*sobek.Object)
		if te == nil {
			return
		}
		impl := reflect.ValueOf(te).Elem().Field(selfF.Index[0]).Elem()
		if impl.Kind() != reflect.Pointer || impl.Elem().Kind() != reflect.Struct || impl.Elem().Type().Name() != "nativeFuncObject" {
			return
		}
		cF, ok := field(impl.Elem().Type(), "construct", reflect.Func)
		if !ok || cF.Type != reflect.TypeFor[constructFn]() {
			return
		}
		errLayout.vm, errLayout.prg, errLayout.pc, errLayout.sp, errLayout.stack = vmF.Index[0], prgF.Index[0], pcF.Index[0], spF.Index[0], stF.Index[0]
		errLayout.code, errLayout.src, errLayout.funcName = codeF.Index[0], srcF.Index[0], nameF.Index[0]
		errLayout.self, errLayout.construct = selfF.Index[0], cF.Index[0]
		errLayout.nativeFunc = impl.Type()
		errLayout.ok = true
	})
	return errLayout.ok
}

// ErrorHookWorks reports whether sobek's internals are the ones
// HookErrorConstructors was written for.
func ErrorHookWorks() bool { return errorLayout() }

// HookErrorConstructors makes fix see every error rt's intrinsic error
// constructors of names (TypeError, ...) make for the engine itself (not those of code's `new TypeError(m)`, nor of
// subclasses). intrinsic(name) returns the realm's
// intrinsic constructor (not whatever its global holds now). It reports
// false if sobek's layout is not the expected one.
func HookErrorConstructors(rt *sobek.Runtime, names []string, intrinsic func(name string) *sobek.Object, fix ErrorFixer) bool {
	if !errorLayout() {
		return false
	}
	for _, name := range names {
		ctor := intrinsic(name)
		if ctor == nil {
			continue
		}
		impl := reflect.ValueOf(ctor).Elem().Field(errLayout.self).Elem()
		if impl.Type() != errLayout.nativeFunc {
			continue
		}
		f := impl.Elem().Field(errLayout.construct)
		p := (*constructFn)(unsafe.Pointer(f.UnsafeAddr()))
		orig := *p
		if orig == nil {
			continue
		}
		*p = func(args []sobek.Value, newTarget *sobek.Object) *sobek.Object {
			o := orig(args, newTarget)
			if newTarget == ctor {
				// the engine's own: sobek passes the constructor itself as
				// new.target; code's `new TypeError(m)` passes none (or
				// its subclass), and keeps its message
				fixError(fix, o, args, rt)
			}
			return o
		}
	}
	return true
}

// errorSite reads where rt's VM is.
func errorSite(rt *sobek.Runtime) *ErrorSite {
	s := &ErrorSite{OpInt: -1}
	vmp := reflect.ValueOf(rt).Elem().Field(errLayout.vm)
	if vmp.IsNil() {
		return s
	}
	vm := vmp.Elem()
	s.vm = vm
	prg := vm.Field(errLayout.prg)
	if prg.IsNil() {
		s.Native = true
		if fr := rt.CaptureCallStack(1, nil); len(fr) > 0 {
			s.Func = fr[0].FuncName()
		}
		return s
	}
	p := prg.Elem()
	pc := int(vm.Field(errLayout.pc).Int())
	if code := p.Field(errLayout.code); pc >= 0 && pc < code.Len() {
		if in := code.Index(pc); !in.IsNil() {
			op := in.Elem()
			s.Op = op.Type().Name()
			switch op.Kind() {
			case reflect.String:
				if asciiOnly(op.String()) {
					s.OpString = op.String()
				}
			case reflect.Uint32, reflect.Uint, reflect.Int, reflect.Int32:
				if op.CanInt() {
					s.OpInt = int(op.Int())
				} else {
					s.OpInt = int(op.Uint())
				}
			}
		}
	}
	if src := p.Field(errLayout.src); !src.IsNil() {
		f := (*file.File)(unsafe.Pointer(src.Pointer()))
		s.Source = f.Source()
	}
	s.rt = rt
	return s
}

// Position returns the 1-based line and column of the instruction that
// failed (0, 0 when unknown). It is computed on demand: most messages do
// not need it.
func (s *ErrorSite) Position() (line, col int) {
	if s.rt == nil {
		return 0, 0
	}
	var buf [1]sobek.StackFrame
	if fr := s.rt.CaptureCallStack(1, buf[:0]); len(fr) > 0 {
		p := fr[0].Position()
		return p.Line, p.Column
	}
	return 0, 0
}

// ASCIIString returns v as a Go string when it is a primitive string of
// ASCII characters only (a Go fast path's test that it computes what the
// JavaScript would: no conversion, no UTF-16 detour).
func ASCIIString(v sobek.Value) (string, bool) {
	if v == nil || !sobek.IsString(v) {
		return "", false
	}
	s := v.String()
	return s, asciiOnly(s)
}

func asciiOnly(s string) bool {
	for i := 0; i < len(s); i++ {
		if s[i] >= 0x80 {
			return false
		}
	}
	return true
}

var globalTmpl struct {
	once sync.Once
	t    *lazyProto
}

// Intrinsic returns rt's own global constructor name (TypeError, ...) as
// sobek made it, whatever the realm's global holds now: it asks the
// global object's template (a process-wide table of factories) for it.
// Nil when sobek's layout is unknown.
func Intrinsic(rt *sobek.Runtime, name string) *sobek.Object {
	if !LazyMethods() {
		return nil
	}
	globalTmpl.once.Do(func() { globalTmpl.t = templateOf(sobek.New().GlobalObject()) })
	if globalTmpl.t == nil {
		return nil
	}
	f, ok := globalTmpl.t.factoryOf(name)
	if !ok {
		return nil
	}
	o, _ := propValue(f(rt), lazyProtos.value).(*sobek.Object)
	return o
}

// fixError runs fix on an error just made; nothing the fixer does wrong
// may break the throw (the error then keeps sobek's words).
func fixError(fix ErrorFixer, o *sobek.Object, args []sobek.Value, rt *sobek.Runtime) {
	defer func() { _ = recover() }()
	fix(o, args, func() *ErrorSite { return errorSite(rt) })
}
