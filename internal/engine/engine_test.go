package engine

import (
	"go/ast"
	"go/parser"
	"go/token"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/grafana/sobek"
)

// TestNativeNilResultCrashes reproduces the engine bug: a native handler
// returning Go nil crashes promise resolution. If this stops panicking,
// sobek fixed it and the rule checked by TestNoNativeReturnsNil can go.
func TestNativeNilResultCrashes(t *testing.T) {
	rt := sobek.New()
	_ = rt.Set("nilResult", func(sobek.FunctionCall) sobek.Value { return nil })
	crashed := func() (crashed bool) {
		defer func() { crashed = recover() != nil }()
		_, _ = rt.RunString(`Promise.resolve(1).then(nilResult)`)
		return false
	}()
	if !crashed {
		t.Fatal("sobek no longer crashes on a native promise handler returning nil: drop the rule in package engine")
	}
	// a call from JavaScript turns nil into undefined (the rule is only
	// needed because promise jobs do not)
	rt = sobek.New()
	_ = rt.Set("nilResult", func(sobek.FunctionCall) sobek.Value { return nil })
	v, err := rt.RunString(`typeof nilResult()`)
	if err != nil || v.String() != "undefined" {
		t.Fatalf("a JS call of a nil-returning native: %v %v", v, err)
	}
}

// TestNoNativeReturnsNil fails on any `return nil` in a function with the
// native signature func(sobek.FunctionCall) sobek.Value in jsvm's own
// (non-test) code: see the package comment.
func TestNoNativeReturnsNil(t *testing.T) {
	root, err := filepath.Abs("../..")
	if err != nil {
		t.Fatal(err)
	}
	fset := token.NewFileSet()
	files := 0
	err = filepath.Walk(root, func(p string, fi os.FileInfo, err error) error {
		if err != nil {
			return err
		}
		if fi.IsDir() && p != root && (fi.Name() == "testdata" || strings.HasPrefix(fi.Name(), ".") || fi.Name() == "node_modules") {
			return filepath.SkipDir
		}
		if !strings.HasSuffix(p, ".go") || strings.HasSuffix(p, "_test.go") {
			return nil
		}
		f, err := parser.ParseFile(fset, p, nil, 0)
		if err != nil {
			return err
		}
		files++
		ast.Inspect(f, func(n ast.Node) bool {
			var body *ast.BlockStmt
			switch x := n.(type) {
			case *ast.FuncLit:
				if isNative(x.Type) {
					body = x.Body
				}
			case *ast.FuncDecl:
				if isNative(x.Type) {
					body = x.Body
				}
			}
			if body != nil {
				for _, pos := range nilReturns(body) {
					rel, _ := filepath.Rel(root, fset.Position(pos).Filename)
					t.Errorf("%s:%d: a native function returns nil (crashes as a promise handler); return sobek.Undefined()", rel, fset.Position(pos).Line)
				}
			}
			return true
		})
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	if files < 50 {
		t.Fatalf("scanned only %d files", files)
	}
}

func isNative(ft *ast.FuncType) bool {
	if ft.Params == nil || len(ft.Params.List) != 1 || len(ft.Params.List[0].Names) > 1 || ft.Results == nil || len(ft.Results.List) != 1 {
		return false
	}
	return selector(ft.Params.List[0].Type) == "sobek.FunctionCall" && selector(ft.Results.List[0].Type) == "sobek.Value"
}

func selector(e ast.Expr) string {
	if se, ok := e.(*ast.SelectorExpr); ok {
		if id, ok := se.X.(*ast.Ident); ok {
			return id.Name + "." + se.Sel.Name
		}
	}
	return ""
}

// nilReturns lists the `return nil` statements of body itself (not of
// nested function literals, which are checked on their own).
func nilReturns(body *ast.BlockStmt) []token.Pos {
	var out []token.Pos
	ast.Inspect(body, func(n ast.Node) bool {
		switch x := n.(type) {
		case *ast.FuncLit:
			return false
		case *ast.ReturnStmt:
			if len(x.Results) == 1 {
				if id, ok := x.Results[0].(*ast.Ident); ok && id.Name == "nil" {
					out = append(out, x.Pos())
				}
			}
		}
		return true
	})
	return out
}
