// Command baresobek runs bench/packages/workloads.js on bare sobek: the
// same engine jsvm uses, with none of jsvm's host (a minimal CommonJS
// require, console.log, readFile). It is the floor jsvm's figures are
// compared against.
//
//	go run ./bench/packages/baresobek NODE_MODULES_DIR workloads.js [name...]
package main

import (
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"syscall"

	"github.com/grafana/sobek"
	"github.com/grafana/sobek/parser"
)

func main() {
	if len(os.Args) < 3 {
		fmt.Fprintln(os.Stderr, "usage: baresobek NODE_MODULES_DIR script.js [args...]")
		os.Exit(2)
	}
	nm, script := os.Args[1], os.Args[2]
	rt := sobek.New()
	rt.SetFieldNameMapper(sobek.UncapFieldNameMapper())
	console := rt.NewObject()
	_ = console.Set("log", func(c sobek.FunctionCall) sobek.Value {
		parts := make([]string, len(c.Arguments))
		for i, a := range c.Arguments {
			parts[i] = a.String()
		}
		fmt.Println(strings.Join(parts, " "))
		return sobek.Undefined()
	})
	_ = rt.Set("console", console)
	_ = rt.Set("readFile", func(c sobek.FunctionCall) sobek.Value {
		b, err := os.ReadFile(c.Argument(0).String())
		if err != nil {
			panic(rt.NewGoError(err))
		}
		return rt.ToValue(string(b))
	})
	_ = rt.Set("NODE_MODULES", nm)
	proc := rt.NewObject()
	_ = proc.Set("argv", append([]string{"baresobek", script}, os.Args[3:]...))
	_ = proc.Set("env", map[string]any{"NODE_MODULES": nm})
	// process.cpuUsage(): the process's CPU time, as node's (µs)
	_ = proc.Set("cpuUsage", func(c sobek.FunctionCall) sobek.Value {
		var ru syscall.Rusage
		_ = syscall.Getrusage(syscall.RUSAGE_SELF, &ru)
		o := rt.NewObject()
		_ = o.Set("user", ru.Utime.Nano()/1000)
		_ = o.Set("system", ru.Stime.Nano()/1000)
		return o
	})
	_ = rt.Set("process", proc)
	l := &loader{rt: rt, cache: map[string]*sobek.Object{}}
	if _, err := l.load(script); err != nil {
		fmt.Fprintln(os.Stderr, err)
		os.Exit(1)
	}
}

type loader struct {
	rt    *sobek.Runtime
	cache map[string]*sobek.Object // path -> module
}

// resolve finds spec from the directory dir, as Node's require does for
// files, directories with package.json main, and node_modules; Node's
// builtins resolve to "" (an empty object stands in for them).
func (l *loader) resolve(spec, dir string) string {
	if !strings.HasPrefix(spec, ".") && !strings.HasPrefix(spec, "/") {
		for d := dir; ; d = filepath.Dir(d) {
			if p := l.file(filepath.Join(d, "node_modules", spec)); p != "" {
				return p
			}
			if d == filepath.Dir(d) {
				return ""
			}
		}
	}
	if !filepath.IsAbs(spec) {
		spec = filepath.Join(dir, spec)
	}
	return l.file(spec)
}

func (l *loader) file(p string) string {
	for _, c := range []string{p, p + ".js", p + ".json", p + ".cjs"} {
		if st, err := os.Stat(c); err == nil && !st.IsDir() {
			return c
		}
	}
	if b, err := os.ReadFile(filepath.Join(p, "package.json")); err == nil {
		var pkg struct{ Main string }
		if json.Unmarshal(b, &pkg) == nil && pkg.Main != "" {
			if f := l.file(filepath.Join(p, pkg.Main)); f != "" {
				return f
			}
		}
	}
	for _, c := range []string{"index.js", "index.json"} {
		if st, err := os.Stat(filepath.Join(p, c)); err == nil && !st.IsDir() {
			return filepath.Join(p, c)
		}
	}
	return ""
}

func (l *loader) load(path string) (*sobek.Object, error) {
	if m := l.cache[path]; m != nil {
		return m, nil
	}
	rt := l.rt
	module := rt.NewObject()
	exports := rt.NewObject()
	_ = module.Set("exports", exports)
	l.cache[path] = module
	src, err := os.ReadFile(path)
	if err != nil {
		return nil, err
	}
	if strings.HasSuffix(path, ".json") {
		v, err := rt.RunString("(" + string(src) + ")")
		if err != nil {
			return nil, err
		}
		_ = module.Set("exports", v)
		return module, nil
	}
	wrapped := "(function (exports, require, module, __filename, __dirname) {" + string(src) + "\n})"
	ast, err := parser.ParseFile(nil, path, wrapped, 0, parser.WithDisableSourceMaps)
	if err != nil {
		return nil, err
	}
	prg, err := sobek.CompileAST(ast, false)
	if err != nil {
		return nil, err
	}
	fv, err := rt.RunProgram(prg)
	if err != nil {
		return nil, err
	}
	fn, _ := sobek.AssertFunction(fv)
	dir := filepath.Dir(path)
	require := rt.ToValue(func(c sobek.FunctionCall) sobek.Value {
		spec := c.Argument(0).String()
		p := l.resolve(spec, dir)
		if p == "" {
			return rt.NewObject() // a Node builtin (or missing): an empty stand-in
		}
		m, err := l.load(p)
		if err != nil {
			panic(rt.NewGoError(err))
		}
		return m.Get("exports")
	})
	if _, err := fn(exports, exports, require, module, rt.ToValue(path), rt.ToValue(dir)); err != nil {
		return nil, err
	}
	return module, nil
}
