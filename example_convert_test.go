package jsvm_test

import (
	"context"
	"errors"
	"fmt"
	"os"
	"strings"
	"time"

	"github.com/jsvm-dev/jsvm"
)

type User struct {
	ID        int       `json:"id"`
	FirstName string    `json:"first_name"`
	Joined    time.Time `json:"joined"`
	password  string
}

func (u *User) Greeting(greeting string) string { return greeting + ", " + u.FirstName }

// Go values in JavaScript and back: a struct pointer is a live object, a
// Go func a function with checked arguments, and results come back as
// plain Go values.
func Example_conversions() {
	ctx := context.Background()
	iso := jsvm.NewIsolate(jsvm.IsolateOptions{FieldNames: jsvm.LowerCamelNames})
	c, _ := iso.NewContext(nil, jsvm.ContextOptions{})
	u := &User{ID: 7, FirstName: "Ada", Joined: time.Date(2020, 1, 2, 0, 0, 0, 0, time.UTC), password: "x"}
	_ = c.Set(ctx, "user", u)
	_ = c.Set(ctx, "add", func(a, b int) int { return a + b })

	v, _ := c.Run(ctx, `user.firstName = 'Grace'; [user.greeting('Hi'), user.joined.getUTCFullYear(), typeof user.password, add(2, 3)]`, jsvm.RunOptions{})
	x, _ := v.Export(ctx)
	fmt.Println(x, u.FirstName)

	_, err := c.Run(ctx, "add('2', 3)", jsvm.RunOptions{})
	fmt.Println(err)

	// json tags name fields both ways
	var back struct {
		ID        int       `json:"id"`
		FirstName string    `json:"first_name"`
		Joined    time.Time `json:"joined"`
	}
	iso2 := jsvm.NewIsolate(jsvm.IsolateOptions{FieldNames: jsvm.JSONNames})
	c2, _ := iso2.NewContext(nil, jsvm.ContextOptions{})
	obj, _ := c2.Run(ctx, "({id: 9, first_name: 'Linus', joined: new Date(0)})", jsvm.RunOptions{})
	err = obj.ExportTo(ctx, &back)
	fmt.Println(back.ID, back.FirstName, back.Joined.UTC().Year(), err)
	// Output:
	// [Hi, Grace 2020 undefined 5] Grace
	// TypeError: add: argument 1: must be a number, got string "2"
	//     at add (<anonymous>)
	//     at evalmachine.<anonymous>:1:1
	// 9 Linus 1970 <nil>
}

func ExampleIsolateOptions_looseArguments() {
	ctx := context.Background()
	iso := jsvm.NewIsolate(jsvm.IsolateOptions{LooseArguments: true})
	c, _ := iso.NewContext(nil, jsvm.ContextOptions{})
	_ = c.Set(ctx, "add", func(a, b int) int { return a + b })
	v, _ := c.Run(ctx, "[add('2', 3), add(1)]", jsvm.RunOptions{})
	fmt.Println(v)
	// Output: 5,1
}

// A Go function that panics throws an Error where JavaScript called it.
func ExamplePanicError() {
	ctx := context.Background()
	iso := jsvm.NewIsolate(jsvm.IsolateOptions{})
	c, _ := iso.NewContext(nil, jsvm.ContextOptions{})
	_ = c.Set(ctx, "risky", func() { panic("out of cheese") })
	v, _ := c.Run(ctx, "try { risky() } catch (e) { 'caught: ' + e.message }", jsvm.RunOptions{})
	fmt.Println(v)
	_, err := c.Run(ctx, "risky()", jsvm.RunOptions{})
	var pe *jsvm.PanicError
	fmt.Println(errors.As(err, &pe), pe.Value)
	// Output:
	// caught: Go panic: out of cheese
	// true out of cheese
}

// A JavaScript function exported to Go is a func(...any) (any, error).
func ExampleValue_Export_function() {
	ctx := context.Background()
	iso := jsvm.NewIsolate(jsvm.IsolateOptions{})
	c, _ := iso.NewContext(nil, jsvm.ContextOptions{})
	v, _ := c.Run(ctx, "(a, b) => { if (b === 0) throw new RangeError('division by zero'); return a / b }", jsvm.RunOptions{})
	x, _ := v.Export(ctx)
	div := x.(func(...any) (any, error))
	fmt.Println(div(10, 4))
	fmt.Println(div(1, 0))
	// typed: ExportTo a func type
	var half func(float64, float64) (float64, error)
	_ = v.ExportTo(ctx, &half)
	fmt.Println(half(3, 2))
	// Output:
	// 2.5 <nil>
	// <nil> RangeError: division by zero
	//     at evalmachine.<anonymous>:1:32
	// 1.5 <nil>
}

func ExampleValue_Await() {
	ctx := context.Background()
	iso := jsvm.NewIsolate(jsvm.IsolateOptions{})
	c, _ := iso.NewContext(nil, jsvm.ContextOptions{})
	p, _ := c.Run(ctx, "(async () => { await null; return 'done' })()", jsvm.RunOptions{})
	fmt.Println(p.Promise().State())
	v, err := p.Await(ctx)
	fmt.Println(v, err, p.Promise().State())
	r, _ := c.Run(ctx, "Promise.reject(new TypeError('no'))", jsvm.RunOptions{})
	_, err = r.Await(ctx)
	var je *jsvm.Error
	fmt.Println(errors.As(err, &je), je.Name, je.Message)
	// Output:
	// fulfilled
	// done <nil> fulfilled
	// true TypeError no
}

// Building values from Go and working with them.
func ExampleContext_NewObject() {
	ctx := context.Background()
	iso := jsvm.NewIsolate(jsvm.IsolateOptions{})
	c, _ := iso.NewContext(nil, jsvm.ContextOptions{})
	o, _ := c.NewObject()
	_ = o.Set(ctx, "name", "widget")
	arr, _ := c.NewArray(1, "two", 3.5)
	_ = o.Set(ctx, "parts", arr)
	e, _ := c.NewError("RangeError", "too big")
	_ = o.Set(ctx, "problem", e)
	_ = c.Set(ctx, "o", o)
	v, _ := c.Run(ctx, "`${o.name}: ${o.parts.length} parts, ${o.problem instanceof RangeError}`", jsvm.RunOptions{})
	fmt.Println(v)
	keys, _ := o.Keys(ctx)
	has, _ := o.Has(ctx, "parts")
	n, _ := arr.Len(ctx)
	second, _ := arr.Index(ctx, 1)
	_ = o.Delete(ctx, "problem")
	after, _ := o.Keys(ctx)
	fmt.Println(keys, has, n, second, after)
	// Output:
	// widget: 3 parts, true
	// [name parts problem] true 3 two [name parts]
}

// Engine errors read as V8's.
func ExampleError_v8Words() {
	ctx := context.Background()
	iso := jsvm.NewIsolate(jsvm.IsolateOptions{})
	c, _ := iso.NewContext(nil, jsvm.ContextOptions{})
	_, err := c.Run(ctx, "const o = {}; o.missing.x", jsvm.RunOptions{})
	var je *jsvm.Error
	errors.As(err, &je)
	fmt.Println(je.Message)
	fmt.Println(strings.SplitN(je.Stack, "\n", 2)[0])
	// Output:
	// Cannot read properties of undefined (reading 'x')
	// TypeError: Cannot read properties of undefined (reading 'x')
}

func ExampleConsole() {
	ctx := context.Background()
	iso := jsvm.NewIsolate(jsvm.IsolateOptions{})
	c, _ := iso.NewContext(nil, jsvm.ContextOptions{Console: &jsvm.Console{Stdout: os.Stdout}})
	_, _ = c.Run(ctx, `console.log('%s has %d items:', 'cart', 2, [{id: 1, tags: ['a']}, {id: 2}], new Map([[1, {x: null}]]))`, jsvm.RunOptions{})
	_, _ = c.Run(ctx, `console.error('not shown: Stderr is nil')`, jsvm.RunOptions{})
	// Output: cart has 2 items: [ { id: 1, tags: [ 'a' ] }, { id: 2 } ] Map(1) { 1 => { x: null } }
}

// A promise settled from Go, after work on another goroutine.
func ExampleContext_NewPromise() {
	ctx := context.Background()
	iso := jsvm.NewIsolate(jsvm.IsolateOptions{})
	c, _ := iso.NewContext(nil, jsvm.ContextOptions{})
	p, resolve, _, _ := c.NewPromise()
	_ = c.Set(ctx, "fetched", p)
	r, _ := c.Run(ctx, "fetched.then(body => body.toUpperCase())", jsvm.RunOptions{})
	done := make(chan struct{})
	go func() {
		defer close(done)
		body := "payload" // Go work elsewhere; then settle with the isolate locked
		if err := iso.Lock(ctx); err != nil {
			return
		}
		defer iso.Unlock()
		_ = resolve(body)
	}()
	<-done
	v, err := r.Await(ctx)
	fmt.Println(v, err, p.State())
	// Output: PAYLOAD <nil> fulfilled
}
