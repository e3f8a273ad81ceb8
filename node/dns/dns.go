// Package dns is Node's `dns` builtin for jsvm: lookup (the system
// resolver through Go's net package, as getaddrinfo), resolve*/reverse
// (DNS queries through Go's resolver), dns.promises and Resolver. The
// JavaScript face is dns.js; queries run on goroutines and answer on the
// event loop.
package dns

import (
	"context"
	_ "embed"
	"errors"
	"net"
	"sort"
	"strings"

	"github.com/grafana/sobek"
	"github.com/jsvm-dev/jsvm/node/events"
	"github.com/jsvm-dev/jsvm/node/host"
	"github.com/jsvm-dev/jsvm/node/util"
)

//go:embed dns.js
var source string

var embedded = &host.Embedded{Name: "node:dns", Params: "module, exports, internals, binding", Source: source}

// Load is the loader of the `dns` builtin.
func Load(h *host.Host, module *sobek.Object) error {
	b := &binding{h: h}
	if err := embedded.Run(h, module, events.Internals(h), b.object()); err != nil {
		return err
	}
	if ex, ok := module.Get("exports").(*sobek.Object); ok {
		util.SetPromisifyArgs(h.Runtime, ex.Get("lookup"), "address", "family")
		util.SetPromisifyArgs(h.Runtime, ex.Get("lookupService"), "hostname", "service")
	}
	return nil
}

type binding struct{ h *host.Host }

func (b *binding) object() *sobek.Object {
	o := b.h.Runtime.NewObject()
	_ = o.Set("lookup", b.lookup)
	_ = o.Set("query", b.query)
	return o
}

// errCode is the c-ares/getaddrinfo code Node reports for err.
func errCode(err error) string {
	var de *net.DNSError
	if errors.As(err, &de) {
		switch {
		case de.IsNotFound:
			return "ENOTFOUND"
		case de.IsTimeout:
			return "ETIMEOUT"
		}
		return "ESERVFAIL"
	}
	return "ESERVFAIL"
}

// answer runs work on a goroutine and calls cb(code, value) on the loop;
// code is "" on success.
func (b *binding) answer(cb sobek.Callable, work func() (any, error)) {
	h := b.h
	h.Ref()
	go func() {
		v, err := work()
		h.Post(func() {
			defer h.Unref()
			rt := h.Runtime
			code := sobek.Value(sobek.Undefined())
			if err != nil {
				code = rt.ToValue(errCode(err))
				v = nil
			}
			if _, err := cb(sobek.Undefined(), code, rt.ToValue(v)); err != nil {
				panic(err)
			}
		})
	}()
}

// lookup(hostname, family 0|4|6, cb(code, [[address, family]...])).
func (b *binding) lookup(hostname string, family int, cb sobek.Callable) {
	b.answer(cb, func() (any, error) {
		network := "ip"
		switch family {
		case 4:
			network = "ip4"
		case 6:
			network = "ip6"
		}
		ips, err := net.DefaultResolver.LookupIP(context.Background(), network, hostname)
		if err != nil {
			return nil, err
		}
		out := make([][]any, 0, len(ips))
		for _, ip := range ips {
			if ip4 := ip.To4(); ip4 != nil {
				out = append(out, []any{ip4.String(), 4})
			} else {
				out = append(out, []any{ip.String(), 6})
			}
		}
		return out, nil
	})
}

// query(kind, name, cb(code, records)): the resolve* family and reverse.
func (b *binding) query(kind, name string, cb sobek.Callable) {
	b.answer(cb, func() (any, error) {
		ctx := context.Background()
		r := net.DefaultResolver
		switch kind {
		case "A", "AAAA":
			ips, err := r.LookupIP(ctx, map[string]string{"A": "ip4", "AAAA": "ip6"}[kind], name)
			if err != nil {
				return nil, err
			}
			var out []string
			for _, ip := range ips {
				out = append(out, ip.String())
			}
			return out, nil
		case "CNAME":
			c, err := r.LookupCNAME(ctx, name)
			if err != nil {
				return nil, err
			}
			return []string{strings.TrimSuffix(c, ".")}, nil
		case "MX":
			mx, err := r.LookupMX(ctx, name)
			if err != nil {
				return nil, err
			}
			var out []map[string]any
			for _, m := range mx {
				out = append(out, map[string]any{"exchange": strings.TrimSuffix(m.Host, "."), "priority": int(m.Pref)})
			}
			return out, nil
		case "NS":
			ns, err := r.LookupNS(ctx, name)
			if err != nil {
				return nil, err
			}
			var out []string
			for _, n := range ns {
				out = append(out, strings.TrimSuffix(n.Host, "."))
			}
			return out, nil
		case "TXT":
			txt, err := r.LookupTXT(ctx, name)
			if err != nil {
				return nil, err
			}
			var out [][]string
			for _, t := range txt {
				out = append(out, []string{t})
			}
			return out, nil
		case "SRV":
			_, srv, err := r.LookupSRV(ctx, "", "", name)
			if err != nil {
				return nil, err
			}
			var out []map[string]any
			for _, s := range srv {
				out = append(out, map[string]any{"name": strings.TrimSuffix(s.Target, "."), "port": int(s.Port), "priority": int(s.Priority), "weight": int(s.Weight)})
			}
			return out, nil
		case "PTR", "REVERSE":
			names, err := r.LookupAddr(ctx, name)
			if err != nil {
				return nil, err
			}
			var out []string
			for _, n := range names {
				out = append(out, strings.TrimSuffix(n, "."))
			}
			sort.Strings(out)
			return out, nil
		}
		return nil, &net.DNSError{Err: "not implemented", Name: name}
	})
}
