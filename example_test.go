package jsvm_test

import (
	"context"
	"errors"
	"fmt"
	"time"

	"github.com/jsvm-dev/jsvm"
)

// The first example of Node's vm documentation.
func Example() {
	iso := jsvm.NewIsolate(jsvm.IsolateOptions{})
	sandbox := map[string]any{"x": 2}
	c, _ := iso.NewContext(sandbox, jsvm.ContextOptions{})
	if _, err := c.Run(context.Background(), "x += 40; var y = 17;", jsvm.RunOptions{}); err != nil {
		panic(err)
	}
	fmt.Println(sandbox["x"], sandbox["y"])
	// Output: 42 17
}

func ExampleCompile() {
	iso := jsvm.NewIsolate(jsvm.IsolateOptions{})
	s, _ := jsvm.Compile(`count += 1; name = "kitty";`, jsvm.ScriptOptions{})
	sandbox := map[string]any{"animal": "cat", "count": 2}
	c, _ := iso.NewContext(sandbox, jsvm.ContextOptions{})
	for range 10 {
		if _, err := s.RunInContext(context.Background(), c, jsvm.RunOptions{}); err != nil {
			panic(err)
		}
	}
	fmt.Println(sandbox["animal"], sandbox["count"], sandbox["name"])
	// Output: cat 12 kitty
}

func ExampleScript_RunInThisContext() {
	iso := jsvm.NewIsolate(jsvm.IsolateOptions{})
	s, _ := jsvm.Compile("globalVar = 'set'; typeof globalVar", jsvm.ScriptOptions{})
	v, _ := s.RunInThisContext(context.Background(), iso, jsvm.RunOptions{})
	g, _ := iso.MainContext().Get(context.Background(), "globalVar")
	fmt.Println(v, g)
	// Output: string set
}

func ExampleScript_RunInNewContext() {
	iso := jsvm.NewIsolate(jsvm.IsolateOptions{})
	s, _ := jsvm.Compile(`globalVar = "set"`, jsvm.ScriptOptions{})
	for i := range 3 {
		sandbox := map[string]any{}
		if _, _, err := s.RunInNewContext(context.Background(), iso, sandbox, jsvm.ContextOptions{}, jsvm.RunOptions{}); err != nil {
			panic(err)
		}
		fmt.Println(i, sandbox["globalVar"])
	}
	// Output:
	// 0 set
	// 1 set
	// 2 set
}

func ExampleIsolate_NewContext() {
	iso := jsvm.NewIsolate(jsvm.IsolateOptions{})
	c, _ := iso.NewContext(nil, jsvm.ContextOptions{Name: "calc"})
	v, _ := c.Run(context.Background(), "[1, 2, 3].map(n => n * n)", jsvm.RunOptions{})
	fmt.Println(ex(v))
	// Output: [1 4 9]
}

func ExampleRunOptions_timeout() {
	iso := jsvm.NewIsolate(jsvm.IsolateOptions{})
	c, _ := iso.NewContext(nil, jsvm.ContextOptions{})
	s, _ := jsvm.Compile("while (true) {}", jsvm.ScriptOptions{})
	_, err := s.RunInContext(context.Background(), c, jsvm.RunOptions{Timeout: 20 * time.Millisecond})
	var ie *jsvm.InterruptedError
	fmt.Println(errors.As(err, &ie), ie.Code, errors.Is(err, context.DeadlineExceeded))
	fmt.Println(err)
	// Output:
	// true ERR_SCRIPT_EXECUTION_TIMEOUT true
	// Script execution timed out after 20ms
}

func ExampleError() {
	iso := jsvm.NewIsolate(jsvm.IsolateOptions{})
	c, _ := iso.NewContext(nil, jsvm.ContextOptions{})
	_, err := c.Run(context.Background(), "function f() { throw new RangeError('too far') }\nf()", jsvm.RunOptions{Filename: "calc.js"})
	var je *jsvm.Error
	if errors.As(err, &je) {
		fmt.Println(je.Name, je.Message)
		fmt.Println(je.Stack)
	}
	// Output:
	// RangeError too far
	// RangeError: too far
	//     at f (calc.js:1:22)
	//     at calc.js:2:1
}

func ExampleSyntaxError() {
	_, err := jsvm.Compile("let x = ;", jsvm.ScriptOptions{Filename: "bad.js", LineOffset: 10})
	var se *jsvm.SyntaxError
	fmt.Println(errors.As(err, &se), se.Line, se.Column)
	// Output: true 11 9
}

func ExampleContext_CompileFunction() {
	iso := jsvm.NewIsolate(jsvm.IsolateOptions{})
	c, _ := iso.NewContext(map[string]any{"unit": "cm"}, jsvm.ContextOptions{})
	area, err := c.CompileFunction(context.Background(), "return w * h * scale + ' ' + unit + '²'", []string{"w", "h"},
		jsvm.FunctionOptions{Extensions: []any{map[string]any{"scale": 2}}})
	if err != nil {
		panic(err)
	}
	v, _ := area.Call(context.Background(), nil, 3, 4)
	fmt.Println(v)
	// Output: 24 cm²
}

func ExampleIsolate_MeasureMemory() {
	iso := jsvm.NewIsolate(jsvm.IsolateOptions{})
	small, _ := iso.NewContext(nil, jsvm.ContextOptions{Name: "small"})
	big, _ := iso.NewContext(nil, jsvm.ContextOptions{Name: "big"})
	_, _ = big.Run(context.Background(), "var data = new Float64Array(1 << 20)", jsvm.RunOptions{})
	s, _ := small.MemoryEstimate()
	b, _ := big.MemoryEstimate()
	u, _ := iso.MeasureMemory()
	fmt.Println(len(u.Contexts), b-s >= 8<<20, u.Total <= u.Heap)
	// Output: 3 true true
}
