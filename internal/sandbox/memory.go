package sandbox

import (
	"strconv"

	"github.com/grafana/sobek"
)

// Sizes of the memory estimate, in bytes (close to what sobek allocates;
// the base is a set-up sandbox's retained heap, measured by
// BenchmarkSandboxNew's retained-bytes figure).
const (
	sizeSandboxBase = 400 << 10
	sizeObject      = 64
	sizeProperty    = 48
	sizeSlot        = 16
	sizeString      = 16
	memWalkBudget   = 200000
)

const memHelpers = `(function(){
	const ownKeys = Reflect.ownKeys, gopd = Reflect.getOwnPropertyDescriptor, isFrozen = Object.isFrozen;
	// the values of o's own data properties; null for a frozen object (the
	// intrinsics, which every sandbox has and the base counts)
	return function walkInfo(o) {
		if (o !== globalThis && isFrozen(o)) return null;
		const keys = ownKeys(o), vals = [];
		for (let i = 0; i < keys.length; i++) {
			const d = gopd(o, keys[i]);
			if ('value' in d) vals[vals.length] = d.value;
		}
		return vals;
	};
})()`

var memHelpersProgram = sobek.MustCompile("jsvm:sandbox/memory", memHelpers, true)

// MemoryUsage estimates the sandbox's retained JS memory in bytes: a fixed
// base plus a bounded walk of what its global's data properties reach
// (strings by length, arrays by elements, buffers by bytes). No getter,
// Proxy trap or other code of the sandbox runs. Top-level let/const
// bindings are not reachable from the global and are not counted.
func (s *Sandbox) MemoryUsage() (n int64, err error) {
	err = s.with(func() error {
		if s.memWalk == nil {
			v, err := s.rt.RunProgram(memHelpersProgram)
			if err != nil {
				return err
			}
			s.memWalk, _ = sobek.AssertFunction(v)
		}
		n = sizeSandboxBase + s.walk()
		return nil
	})
	return n, err
}

func (s *Sandbox) walk() (total int64) {
	defer func() {
		if recover() != nil {
			total += sizeObject
		}
	}()
	seen := map[*sobek.Object]bool{}
	budget := memWalkBudget
	stack := []sobek.Value{s.rt.GlobalObject()}
	for len(stack) > 0 && budget > 0 {
		v := stack[len(stack)-1]
		stack = stack[:len(stack)-1]
		budget--
		switch {
		case v == nil:
			continue
		case sobek.IsString(v):
			total += sizeString + int64(len(v.String()))
			continue
		}
		o, ok := v.(*sobek.Object)
		if !ok {
			total += sizeSlot
			continue
		}
		if seen[o] {
			continue
		}
		seen[o] = true
		if o.ExportType() == proxyType { // its traps are the sandbox's code
			total += sizeObject
			continue
		}
		vals, err := s.memWalk(sobek.Undefined(), o)
		if err != nil || sobek.IsNull(vals) {
			continue
		}
		total += sizeObject
		if o.ExportType() == arrayBufferType {
			ab, _ := o.Export().(sobek.ArrayBuffer)
			total += int64(len(ab.Bytes()))
		}
		if o.ClassName() == "Array" {
			total += toLength(o.Get("length")) * sizeSlot
		}
		arr := vals.(*sobek.Object)
		n := toLength(arr.Get("length"))
		total += n * sizeProperty
		for i := int64(0); i < n && budget > 0; i++ {
			stack = append(stack, arr.Get(strconv.FormatInt(i, 10)))
		}
	}
	return total
}
