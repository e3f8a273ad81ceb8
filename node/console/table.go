package console

import (
	"math"
	"sort"
	"strconv"
	"strings"

	"github.com/grafana/sobek"
	"github.com/jsvm-dev/jsvm/internal/nodeerr"
	"github.com/jsvm-dev/jsvm/node/util"
)

// cellInspect renders one table cell as Node's console.table does.
func (c *console) cellInspect(v sobek.Value) string {
	opts := c.options()
	opts.Depth = util.Zero
	if o, ok := v.(*sobek.Object); ok && o != nil && o.ClassName() != "Array" {
		if len(o.Keys()) > 2 {
			opts.Depth = util.DepthMinusOne
		}
	}
	opts.MaxArrayLength = 3
	opts.BreakLength = util.Unlimited
	return util.Inspect(c.rt, v, opts)
}

func isPrimitive(v sobek.Value) bool {
	_, ok := v.(*sobek.Object)
	return !ok
}

func (c *console) typeCheck(name string, v sobek.Value) bool {
	if c.types == nil {
		c.types = util.Types(c.rt, c.unwrap)
	}
	f, _ := sobek.AssertFunction(c.types.Get(name))
	r, err := f(sobek.Undefined(), v)
	if err != nil {
		panic(err)
	}
	return r.ToBoolean()
}

func (c *console) table(data, props sobek.Value) {
	rt := c.rt
	var properties []string
	hasProps := props != nil && !sobek.IsUndefined(props)
	if hasProps {
		po, ok := props.(*sobek.Object)
		if !ok || po.ClassName() != "Array" {
			panic(nodeerr.InvalidArgType(rt, "properties", "an instance of Array", props))
		}
		n := int(po.Get("length").ToInteger())
		for i := 0; i < n; i++ {
			properties = append(properties, po.Get(strconv.Itoa(i)).String())
		}
	}
	obj, ok := data.(*sobek.Object)
	if !ok || obj == nil {
		c.write(c.stdout, c.format([]sobek.Value{data}))
		return
	}
	indexArray := func(n int) []string {
		out := make([]string, n)
		for i := range out {
			out[i] = strconv.Itoa(i)
		}
		return out
	}
	if c.typeCheck("isMap", obj) {
		var keys, values []string
		forEach(rt, obj, func(v, k sobek.Value) {
			keys = append(keys, c.cellInspect(k))
			values = append(values, c.cellInspect(v))
		})
		c.write(c.stdout, renderTable([]string{"(iteration index)", "Key", "Values"},
			[][]string{indexArray(len(keys)), keys, values}))
		return
	}
	if c.typeCheck("isSet", obj) {
		var values []string
		forEach(rt, obj, func(v, _ sobek.Value) { values = append(values, c.cellInspect(v)) })
		c.write(c.stdout, renderTable([]string{"(iteration index)", "Values"},
			[][]string{indexArray(len(values)), values}))
		return
	}

	cols := newOrderedCols()
	hasPrimitives := false
	indexKeys := obj.Keys()
	valuesCol := make([]string, len(indexKeys))
	for i, k := range indexKeys {
		item := obj.Get(k)
		if item == nil {
			item = sobek.Undefined()
		}
		primitive := isPrimitive(item)
		if !hasProps && primitive {
			hasPrimitives = true
			valuesCol[i] = c.cellInspect(item)
			continue
		}
		keys := properties
		if !hasProps {
			keys = item.ToObject(rt).Keys()
		}
		for _, key := range keys {
			col := cols.get(key, len(indexKeys))
			if primitive {
				col[i] = ""
				continue
			}
			io := item.(*sobek.Object)
			if !hasOwn(rt, io, key) {
				col[i] = ""
			} else {
				col[i] = c.cellInspect(io.Get(key))
			}
		}
	}
	head := []string{"(index)"}
	columns := [][]string{indexKeys}
	for _, k := range cols.order() {
		head = append(head, k)
		columns = append(columns, cols.m[k])
	}
	if hasPrimitives {
		head = append(head, "Values")
		columns = append(columns, valuesCol)
	}
	c.write(c.stdout, renderTable(head, columns))
}

func hasOwn(rt *sobek.Runtime, o *sobek.Object, key string) bool {
	f, ok := sobek.AssertFunction(rt.GlobalObject().Get("Object").ToObject(rt).Get("hasOwn"))
	if !ok {
		return o.Get(key) != nil
	}
	r, err := f(sobek.Undefined(), o, rt.ToValue(key))
	if err != nil {
		panic(err)
	}
	return r.ToBoolean()
}

func forEach(rt *sobek.Runtime, o *sobek.Object, cb func(v, k sobek.Value)) {
	f, ok := sobek.AssertFunction(o.Get("forEach"))
	if !ok {
		return
	}
	if _, err := f(o, rt.ToValue(func(call sobek.FunctionCall) sobek.Value {
		cb(call.Argument(0), call.Argument(1))
		return sobek.Undefined()
	})); err != nil {
		panic(err)
	}
}

// orderedCols keeps columns in the order of a null-prototype object's keys:
// array indices ascending first, then other keys in insertion order.
type orderedCols struct {
	m    map[string][]string
	keys []string
}

func newOrderedCols() *orderedCols { return &orderedCols{m: make(map[string][]string)} }

func (o *orderedCols) get(k string, n int) []string {
	col, ok := o.m[k]
	if !ok {
		col = make([]string, n)
		o.m[k] = col
		o.keys = append(o.keys, k)
	}
	return col
}

func arrayIndex(k string) (uint64, bool) {
	if k == "" || (len(k) > 1 && k[0] == '0') {
		return 0, false
	}
	n, err := strconv.ParseUint(k, 10, 64)
	if err != nil || n >= math.MaxUint32 {
		return 0, false
	}
	return n, true
}

func (o *orderedCols) order() []string {
	var idx, rest []string
	for _, k := range o.keys {
		if _, ok := arrayIndex(k); ok {
			idx = append(idx, k)
		} else {
			rest = append(rest, k)
		}
	}
	sort.Slice(idx, func(i, j int) bool {
		a, _ := arrayIndex(idx[i])
		b, _ := arrayIndex(idx[j])
		return a < b
	})
	return append(idx, rest...)
}

// renderTable draws Node's console.table box.
func renderTable(head []string, columns [][]string) string {
	widths := make([]int, len(head))
	for i, h := range head {
		widths[i] = util.StringWidth(h)
	}
	longest := 0
	for _, col := range columns {
		if len(col) > longest {
			longest = len(col)
		}
	}
	rows := make([][]string, longest)
	for j := range rows {
		rows[j] = make([]string, len(head))
	}
	for i := range head {
		col := columns[i]
		for j := 0; j < longest; j++ {
			v := ""
			if j < len(col) {
				v = col[j]
			}
			rows[j][i] = v
			if w := util.StringWidth(v); w > widths[i] {
				widths[i] = w
			}
		}
	}
	divider := make([]string, len(widths))
	for i, w := range widths {
		divider[i] = strings.Repeat("─", w+2)
	}
	var b strings.Builder
	b.WriteString("┌" + strings.Join(divider, "┬") + "┐\n")
	b.WriteString(renderRow(head, widths) + "\n")
	b.WriteString("├" + strings.Join(divider, "┼") + "┤\n")
	for _, r := range rows {
		b.WriteString(renderRow(r, widths) + "\n")
	}
	b.WriteString("└" + strings.Join(divider, "┴") + "┘")
	return b.String()
}

func renderRow(row []string, widths []int) string {
	var b strings.Builder
	b.WriteString("│ ")
	for i, cell := range row {
		b.WriteString(cell)
		b.WriteString(strings.Repeat(" ", widths[i]-util.StringWidth(cell)))
		if i != len(row)-1 {
			b.WriteString(" │ ")
		}
	}
	b.WriteString(" │")
	return b.String()
}
