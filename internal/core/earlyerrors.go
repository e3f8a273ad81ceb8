package core

import (
	"github.com/grafana/sobek"
	"github.com/grafana/sobek/ast"
	"github.com/grafana/sobek/file"
)

// moduleEarlyErrors reports the early errors of a module's top level that
// sobek leaves until the module is instantiated, where V8 reports them
// when it compiles the module (new vm.SourceTextModule throws): a name
// declared twice (in a module, top-level functions and imports are
// lexical declarations), and a local export of a name the module does not
// declare. The error is a compiler SyntaxError at the offending name, as
// sobek's own are.
func moduleEarlyErrors(body *ast.Program) error {
	lexical := map[string]bool{}
	vars := map[string]bool{}
	var first error
	fail := func(msg string, at file.Idx) {
		if first == nil {
			first = &sobek.CompilerSyntaxError{CompilerError: sobek.CompilerError{Message: msg, File: body.File, Offset: int(at) - 1}}
		}
	}
	declared := func(name string, at file.Idx) {
		fail("Identifier '"+name+"' has already been declared", at)
	}
	lexName := func(name string, at file.Idx) {
		if lexical[name] || vars[name] {
			declared(name, at)
		}
		lexical[name] = true
	}
	lex := func(id *ast.Identifier) {
		if id != nil {
			lexName(id.Name.String(), id.Idx)
		}
	}
	varOf := func(id *ast.Identifier) {
		name := id.Name.String()
		if lexical[name] {
			declared(name, id.Idx)
		}
		vars[name] = true
	}
	bindings := func(list []*ast.Binding, each func(*ast.Identifier)) {
		for _, b := range list {
			boundNames(b.Target, each)
		}
	}
	type localExport struct {
		name string
		at   file.Idx
	}
	var exports []localExport
	for _, st := range body.Body {
		switch s := st.(type) {
		case *ast.VariableStatement:
			bindings(s.List, varOf)
		case *ast.LexicalDeclaration:
			bindings(s.List, lex)
		case *ast.FunctionDeclaration:
			lex(s.Function.Name)
		case *ast.ClassDeclaration:
			lex(s.Class.Name)
		case *ast.ImportDeclaration:
			ic := s.ImportClause
			if ic == nil {
				continue
			}
			if ic.ImportedDefaultBinding != nil {
				lex(ic.ImportedDefaultBinding)
			}
			if ic.NameSpaceImport != nil {
				lexName(ic.NameSpaceImport.ImportedBinding.String(), s.Idx)
			}
			if ic.NamedImports != nil {
				for _, sp := range ic.NamedImports.ImportsList {
					name := sp.IdentifierName
					if sp.Alias != "" {
						name = sp.Alias
					}
					lexName(name.String(), s.Idx)
				}
			}
		case *ast.ExportDeclaration:
			switch {
			case s.Variable != nil:
				bindings(s.Variable.List, varOf)
			case s.LexicalDeclaration != nil:
				bindings(s.LexicalDeclaration.List, lex)
			case s.ClassDeclaration != nil:
				lex(s.ClassDeclaration.Class.Name)
			case s.HoistableDeclaration != nil && s.HoistableDeclaration.FunctionDeclaration != nil:
				lex(s.HoistableDeclaration.FunctionDeclaration.Function.Name)
			case s.NamedExports != nil && s.FromClause == nil:
				for _, sp := range s.NamedExports.ExportsList {
					exports = append(exports, localExport{sp.IdentifierName.String(), s.Idx})
				}
			}
		}
	}
	for _, e := range exports {
		if !lexical[e.name] && !vars[e.name] {
			fail("Export '"+e.name+"' is not defined in module", e.at)
		}
	}
	return first
}

// boundNames calls each for the identifiers a binding target declares.
func boundNames(t ast.Expression, each func(*ast.Identifier)) {
	switch x := t.(type) {
	case *ast.Identifier:
		each(x)
	case *ast.ArrayPattern:
		for _, e := range x.Elements {
			boundNames(e, each)
		}
		boundNames(x.Rest, each)
	case *ast.ObjectPattern:
		for _, p := range x.Properties {
			switch p := p.(type) {
			case *ast.PropertyShort:
				id := p.Name
				each(&id)
			case *ast.PropertyKeyed:
				boundNames(p.Value, each)
			}
		}
		boundNames(x.Rest, each)
	case *ast.AssignExpression:
		boundNames(x.Left, each) // a default value: `{ a = 1 }`, `[b = 2]`
	}
}
