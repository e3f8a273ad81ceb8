// Package crypto is Node's `crypto` builtin for the common calls: hashes
// and HMACs (Go's crypto/*), random bytes, UUIDs and integers, timing-safe
// comparison, pbkdf2, and webcrypto's getRandomValues/subtle.digest. The
// JavaScript face is crypto.js.
package crypto

import (
	"crypto/hmac"
	"crypto/md5"
	"crypto/pbkdf2"
	"crypto/rand"
	"crypto/sha1"
	"crypto/sha256"
	"crypto/sha3"
	"crypto/sha512"
	"crypto/subtle"
	_ "embed"
	"hash"
	"strings"

	"github.com/grafana/sobek"
	"github.com/jsvm-dev/jsvm/node/events"
	"github.com/jsvm-dev/jsvm/node/host"
	"github.com/jsvm-dev/jsvm/node/util"
)

//go:embed crypto.js
var source string

var embedded = &host.Embedded{Name: "node:crypto", Params: "module, exports, internals, binding, require", Source: source}

var hashes = map[string]func() hash.Hash{
	"md5":        md5.New,
	"sha1":       sha1.New,
	"sha224":     sha256.New224,
	"sha256":     sha256.New,
	"sha384":     sha512.New384,
	"sha512":     sha512.New,
	"sha512-224": sha512.New512_224,
	"sha512-256": sha512.New512_256,
	"sha3-224":   func() hash.Hash { return sha3.New224() },
	"sha3-256":   func() hash.Hash { return sha3.New256() },
	"sha3-384":   func() hash.Hash { return sha3.New384() },
	"sha3-512":   func() hash.Hash { return sha3.New512() },
}

// hashAliases are the other names OpenSSL (so Node) accepts.
var hashAliases = map[string]string{
	"rsa-md5": "md5", "rsa-sha1": "sha1", "sha-1": "sha1", "rsa-sha256": "sha256", "sha-256": "sha256",
	"rsa-sha384": "sha384", "sha-384": "sha384", "rsa-sha512": "sha512", "sha-512": "sha512",
	"rsa-sha224": "sha224", "sha-224": "sha224", "ssl3-md5": "md5", "ssl3-sha1": "sha1",
}

func newHash(name string) (func() hash.Hash, bool) {
	n := strings.ToLower(name)
	if a, ok := hashAliases[n]; ok {
		n = a
	}
	f, ok := hashes[n]
	return f, ok
}

// Load is the loader of the `crypto` builtin.
func Load(h *host.Host, module *sobek.Object) error {
	rt := h.Runtime
	fn, err := embedded.Func(h)
	if err != nil {
		return err
	}
	bytesOf := func(v sobek.Value) []byte {
		var b []byte
		if err := rt.ExportTo(v, &b); err != nil {
			panic(rt.NewTypeError("not a buffer"))
		}
		return b
	}
	ab := func(b []byte) sobek.Value { return rt.ToValue(rt.NewArrayBuffer(b)) }
	b := rt.NewObject()
	// newHash(name[, key]) returns {update(u8), digest(), copy()} or null
	// for an unknown algorithm.
	var wrap func(hh hash.Hash, mk func() hash.Hash, key []byte) *sobek.Object
	wrap = func(hh hash.Hash, mk func() hash.Hash, key []byte) *sobek.Object {
		o := rt.NewObject()
		_ = o.Set("update", func(v sobek.Value) { hh.Write(bytesOf(v)) })
		_ = o.Set("digest", func() sobek.Value { return ab(hh.Sum(nil)) })
		_ = o.Set("copy", func() sobek.Value {
			// replay: Go hashes are not copyable in general; the encoded
			// state is (encoding.BinaryMarshaler) for every one used here
			type marshaler interface {
				MarshalBinary() ([]byte, error)
				UnmarshalBinary([]byte) error
			}
			m, ok := hh.(marshaler)
			if !ok {
				return sobek.Null()
			}
			state, err := m.MarshalBinary()
			if err != nil {
				return sobek.Null()
			}
			n := mk()
			if key != nil {
				n = hmac.New(mk, key)
			}
			if err := n.(marshaler).UnmarshalBinary(state); err != nil {
				return sobek.Null()
			}
			return wrap(n, mk, key)
		})
		return o
	}
	_ = b.Set("newHash", func(name string) sobek.Value {
		mk, ok := newHash(name)
		if !ok {
			return sobek.Null()
		}
		return wrap(mk(), mk, nil)
	})
	_ = b.Set("newHmac", func(name string, key sobek.Value) sobek.Value {
		mk, ok := newHash(name)
		if !ok {
			return sobek.Null()
		}
		k := append([]byte(nil), bytesOf(key)...)
		return wrap(hmac.New(mk, k), mk, k)
	})
	_ = b.Set("hashes", func() []string {
		return []string{"RSA-MD5", "RSA-SHA1", "RSA-SHA224", "RSA-SHA256", "RSA-SHA384", "RSA-SHA512", "md5", "sha1", "sha224", "sha256",
			"sha3-224", "sha3-256", "sha3-384", "sha3-512", "sha384", "sha512", "sha512-224", "sha512-256"}
	})
	_ = b.Set("fillRandom", func(v sobek.Value) { _, _ = rand.Read(bytesOf(v)) })
	_ = b.Set("randomUUID", func() string { return uuid4() })
	_ = b.Set("timingSafeEqual", func(a, c sobek.Value) bool { return subtle.ConstantTimeCompare(bytesOf(a), bytesOf(c)) == 1 })
	_ = b.Set("pbkdf2", func(pass, salt sobek.Value, iter, keylen int, digest string) sobek.Value {
		mk, ok := newHash(digest)
		if !ok {
			return sobek.Null()
		}
		k, err := pbkdf2.Key(mk, string(bytesOf(pass)), bytesOf(salt), iter, keylen)
		if err != nil {
			panic(rt.NewGoError(err))
		}
		return ab(k)
	})
	bindCiphersAndKeys(rt, b, bytesOf, ab)
	_ = b.Set("kHandle", util.KeyObjectHandle)
	if _, err = fn(sobek.Undefined(), module, module.Get("exports"), events.Internals(h), b, h.BuiltinRequire()); err != nil {
		return err
	}
	if ex, ok := module.Get("exports").(*sobek.Object); ok {
		util.SetPromisifyArgs(rt, ex.Get("generateKeyPair"), "publicKey", "privateKey")
	}
	return nil
}

func uuid4() string {
	var u [16]byte
	_, _ = rand.Read(u[:])
	u[6] = u[6]&0x0f | 0x40
	u[8] = u[8]&0x3f | 0x80
	const hexd = "0123456789abcdef"
	out := make([]byte, 0, 36)
	for i, c := range u {
		if i == 4 || i == 6 || i == 8 || i == 10 {
			out = append(out, '-')
		}
		out = append(out, hexd[c>>4], hexd[c&15])
	}
	return string(out)
}
