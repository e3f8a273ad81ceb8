package jsvm_test

import (
	"context"
	"fmt"

	"github.com/jsvm-dev/jsvm"
)

// Modules from Go strings, linked by a Go linker; a synthetic module
// exports Go values.
func ExampleContext_CompileModule() {
	iso := jsvm.NewIsolate(jsvm.IsolateOptions{})
	c, _ := iso.NewContext(map[string]any{"secret": 42}, jsvm.ContextOptions{})

	config, _ := c.NewSyntheticModule([]string{"greeting"}, func(m *jsvm.Module) error {
		return m.SetExport("greeting", "hello")
	}, jsvm.ModuleOptions{Identifier: "config"})
	sources := map[string]string{
		"util": `export const shout = (s) => s.toUpperCase() + "!";`,
	}
	linker := func(specifier string, referrer *jsvm.Module) (*jsvm.Module, error) {
		if specifier == "config" {
			return config, nil
		}
		return c.CompileModule(sources[specifier], jsvm.ModuleOptions{Identifier: specifier})
	}

	main, err := c.CompileModule(`
		import { greeting } from "config";
		import { shout } from "util";
		export const message = shout(greeting) + " " + secret;
	`, jsvm.ModuleOptions{Identifier: "main.mjs"})
	if err != nil {
		panic(err)
	}
	if err := main.Link(linker); err != nil {
		panic(err)
	}
	p, err := main.Evaluate(context.Background(), jsvm.RunOptions{})
	if err != nil {
		panic(err)
	}
	if err := p.Await(context.Background()); err != nil {
		panic(err)
	}
	ns, _ := main.Namespace()
	msg, _ := ns.Get(context.Background(), "message")
	fmt.Println(msg.String(), main.Status(), config.Status())
	// Output: HELLO! 42 evaluated evaluated
}

// An ES module importing a synthetic Go module, with top-level await.
func ExampleContext_NewSyntheticModule() {
	ctx := context.Background()
	iso := jsvm.NewIsolate(jsvm.IsolateOptions{})
	c := iso.MainContext()
	syn, _ := c.NewSyntheticModule([]string{"answer"}, func(m *jsvm.Module) error { return m.SetExport("answer", 42) }, jsvm.ModuleOptions{})
	m, _ := c.CompileModule("import {answer} from 'go'; await null; export default answer * 2", jsvm.ModuleOptions{})
	_ = m.Link(func(string, *jsvm.Module) (*jsvm.Module, error) { return syn, nil })
	p, _ := m.Evaluate(ctx, jsvm.RunOptions{})
	err := p.Await(ctx)
	ns, _ := m.Namespace()
	v, _ := ns.Get(ctx, "default")
	fmt.Println(v, err)
	// Output: 84 <nil>
}
