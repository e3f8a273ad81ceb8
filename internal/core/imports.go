package core

import "github.com/grafana/sobek/ast"

// ImportRequests lists the named imports and re-exports of a module, which
// linking checks as V8 does (sobek defers the error to evaluation).
func ImportRequests(body *ast.Program) [][2]string {
	var out [][2]string
	for _, d := range body.ImportEntries {
		if d.ImportClause == nil {
			continue
		}
		spec := d.ModuleSpecifier.String()
		if d.FromClause != nil {
			spec = d.FromClause.ModuleSpecifier.String()
		}
		if d.ImportClause.ImportedDefaultBinding != nil {
			out = append(out, [2]string{spec, "default"})
		}
		if n := d.ImportClause.NamedImports; n != nil {
			for _, x := range n.ImportsList {
				out = append(out, [2]string{spec, x.IdentifierName.String()})
			}
		}
	}
	for _, d := range body.ExportEntries {
		if d.FromClause == nil || d.ExportFromClause == nil || d.ExportFromClause.NamedExports == nil {
			continue
		}
		for _, x := range d.ExportFromClause.NamedExports.ExportsList {
			out = append(out, [2]string{d.FromClause.ModuleSpecifier.String(), x.IdentifierName.String()})
		}
	}
	return out
}
