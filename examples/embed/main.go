// Command embed shows jsvm from Go: a sandbox that is a Go map, a script
// compiled once and run in many contexts, and a timeout.
package main

import (
	"context"
	"errors"
	"fmt"
	"time"

	"github.com/jsvm-dev/jsvm"
)

func main() {
	iso := jsvm.NewIsolate(jsvm.IsolateOptions{})
	script, err := jsvm.Compile(`count += 1; name = "kitty";`, jsvm.ScriptOptions{Filename: "kitty.js"})
	if err != nil {
		panic(err)
	}
	sandbox := map[string]any{"animal": "cat", "count": 2}
	c, _ := iso.NewContext(sandbox, jsvm.ContextOptions{})
	for range 10 {
		if _, err := script.RunInContext(context.Background(), c, jsvm.RunOptions{}); err != nil {
			panic(err)
		}
	}
	fmt.Println(sandbox) // map[animal:cat count:12 name:kitty]

	spin, _ := jsvm.Compile("while (true) {}", jsvm.ScriptOptions{})
	_, err = spin.RunInContext(context.Background(), c, jsvm.RunOptions{Timeout: 50 * time.Millisecond})
	var ie *jsvm.InterruptedError
	if errors.As(err, &ie) {
		fmt.Println(ie.Code, "-", err)
	}
}
