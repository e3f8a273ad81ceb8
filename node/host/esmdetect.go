package host

import (
	"regexp"
	"strings"

	"github.com/grafana/sobek"
)

// Node v20 runs a .js main file as an ES module when compiling it as
// CommonJS fails on syntax that only a module allows: besides import and
// export (esmSyntaxRe), a top-level await, or a top-level declaration of
// one of the CommonJS wrapper's names.

var (
	cjsRedeclaredRe = regexp.MustCompile(`^Identifier '(module|exports|require|__filename|__dirname)' has already been declared$`)
	cjsNotDefinedRe = regexp.MustCompile(`^(require|module|exports|__filename|__dirname) is not defined$`)
)

// esmOnlyError reports whether a CommonJS SyntaxError is one of those.
func esmOnlyError(e *sobek.Object) bool {
	msg := e.Get("message")
	if msg == nil {
		return false
	}
	m := msg.String()
	return cjsRedeclaredRe.MatchString(m) || m == "Cannot use import statement outside a module" ||
		m == "Cannot use 'import.meta' outside a module" || m == "import not supported in script" ||
		strings.HasPrefix(m, "await is only valid in async functions and the top level bodies of modules")
}

// esmScopeMessage words a ReferenceError for a CommonJS name in an ES
// module as Node does ("require is not defined in ES module scope, you
// can use import instead").
func esmScopeMessage(e *sobek.Object) {
	defer func() { _ = recover() }()
	if n := e.Get("name"); n == nil || n.String() != "ReferenceError" {
		return
	}
	mv := e.Get("message")
	if mv == nil || !cjsNotDefinedRe.MatchString(mv.String()) {
		return
	}
	old := mv.String()
	msg := old + " in ES module scope"
	if strings.HasPrefix(old, "require ") {
		msg += ", you can use import instead"
	}
	_ = e.Set("message", msg)
	if sv := e.Get("stack"); sv != nil {
		if s := sv.String(); strings.HasPrefix(s, "ReferenceError: "+old) && !strings.HasPrefix(s, "ReferenceError: "+msg) {
			_ = e.Set("stack", "ReferenceError: "+msg+s[len("ReferenceError: "+old):])
		}
	}
}
