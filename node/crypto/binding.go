package crypto

import (
	gocrypto "crypto"
	"crypto/ecdsa"
	"crypto/hkdf"
	"crypto/rsa"
	"math/big"
	"sort"

	"github.com/grafana/sobek"
	"github.com/jsvm-dev/jsvm/internal/nodeerr"
	"golang.org/x/crypto/scrypt"
)

// osslError is an error as Node reports OpenSSL's: the message is
// OpenSSL's error string, with library, reason and code properties.
func osslError(rt *sobek.Runtime, hex, lib, reason, code string) *sobek.Object {
	e := nodeerr.Plain(rt, "Error", "error:"+hex+":"+lib+"::"+reason)
	_ = e.Set("library", lib)
	_ = e.Set("reason", reason)
	_ = e.Set("code", code)
	return e
}

// bindCiphersAndKeys adds the cipher, key, signature and KDF calls to the
// binding crypto.js uses. Argument checks are crypto.js's; here arguments
// have their types.
func bindCiphersAndKeys(rt *sobek.Runtime, b *sobek.Object, bytesOf func(sobek.Value) []byte, ab func([]byte) sobek.Value) {
	_ = b.Set("cipherInfo", func(name string) sobek.Value {
		s, ok := lookupCipher(name)
		if !ok {
			return sobek.Null()
		}
		o := rt.NewObject()
		_ = o.Set("keyLength", s.keyLen)
		_ = o.Set("ivLength", s.ivLen)
		_ = o.Set("mode", s.mode)
		return o
	})
	_ = b.Set("ciphers", func() []string {
		var out []string
		for n := range cipherSpecs {
			out = append(out, n)
		}
		sort.Strings(out)
		return out
	})
	_ = b.Set("newCipher", func(name string, key, iv sobek.Value, decrypt bool, tagLen int) sobek.Value {
		s, _ := lookupCipher(name)
		var ivb []byte
		if !sobek.IsNull(iv) && !sobek.IsUndefined(iv) {
			ivb = bytesOf(iv)
		}
		c, err := newCipherState(s, bytesOf(key), ivb, decrypt, tagLen)
		if err != nil {
			nodeerr.Throw(rt, "RangeError", "ERR_CRYPTO_INVALID_KEYLEN", "Invalid key length")
		}
		o := rt.NewObject()
		_ = o.Set("update", func(v sobek.Value) sobek.Value { return ab(c.update(bytesOf(v))) })
		_ = o.Set("final", func() sobek.Value {
			out, err := c.final()
			switch err {
			case nil:
				return ab(out)
			case errBadDecrypt:
				panic(osslError(rt, "1C800064", "Provider routines", "bad decrypt", "ERR_OSSL_BAD_DECRYPT"))
			case errFinalLength:
				panic(osslError(rt, "1C80006B", "Provider routines", "wrong final block length", "ERR_OSSL_WRONG_FINAL_BLOCK_LENGTH"))
			case errAuth:
				panic(nodeerr.Plain(rt, "Error", "Unsupported state or unable to authenticate data"))
			}
			panic(rt.NewGoError(err))
		})
		_ = o.Set("setAutoPadding", func(p bool) bool {
			if c.spec.mode != "cbc" && c.spec.mode != "ecb" {
				return true
			}
			c.pad = p
			return true
		})
		_ = o.Set("setAAD", func(v sobek.Value) bool { return c.setAAD(bytesOf(v)) })
		_ = o.Set("aead", c.isAEAD())
		_ = o.Set("getAuthTag", func() sobek.Value {
			if c.tag == nil {
				return sobek.Null()
			}
			return ab(c.tag)
		})
		_ = o.Set("setAuthTag", func(v sobek.Value) { c.tag = append([]byte(nil), bytesOf(v)...) })
		return o
	})

	// keys: a KeyObject holds the handle made here (an opaque Go value)
	keyOf := func(v sobek.Value) *keyObject {
		k, _ := v.Export().(*keyObject)
		if k == nil {
			panic(rt.NewTypeError("not a key handle"))
		}
		return k
	}
	unsupported := func() {
		panic(osslError(rt, "1E08010C", "DECODER routines", "unsupported", "ERR_OSSL_UNSUPPORTED"))
	}
	_ = b.Set("parseKey", func(data sobek.Value, format, typ string, private bool) sobek.Value {
		k, err := parseKey(bytesOf(data), format, typ, private)
		if err != nil {
			if err == errUnsupportedKey {
				unsupported()
			}
			panic(rt.NewGoError(err))
		}
		return rt.ToValue(k)
	})
	_ = b.Set("parseJWK", func(j map[string]string, private bool) sobek.Value {
		k, err := fromJWK(j, private)
		if err != nil {
			nodeerr.Throw(rt, "TypeError", "ERR_CRYPTO_INVALID_JWK", "Invalid JWK data")
		}
		return rt.ToValue(k)
	})
	_ = b.Set("secretKey", func(v sobek.Value) sobek.Value {
		return rt.ToValue(&keyObject{kind: "secret", secret: append([]byte(nil), bytesOf(v)...)})
	})
	_ = b.Set("publicOf", func(v sobek.Value) sobek.Value {
		k := keyOf(v)
		return rt.ToValue(&keyObject{kind: "public", pub: k.pub})
	})
	_ = b.Set("keyInfo", func(v sobek.Value) sobek.Value {
		k := keyOf(v)
		o := rt.NewObject()
		_ = o.Set("type", k.kind)
		if k.kind == "secret" {
			_ = o.Set("size", len(k.secret))
			return o
		}
		_ = o.Set("asymmetricKeyType", k.asymmetricType())
		d := rt.NewObject()
		switch p := k.pub.(type) {
		case *rsa.PublicKey:
			_ = d.Set("modulusLength", p.N.BitLen())
			_ = d.Set("publicExponent", rt.ToValue(big.NewInt(int64(p.E))))
		case *ecdsa.PublicKey:
			_ = d.Set("namedCurve", curveName(p.Curve))
		}
		_ = o.Set("details", d)
		return o
	})
	_ = b.Set("exportKey", func(v sobek.Value, typ, format string) sobek.Value {
		k := keyOf(v)
		if k.kind == "secret" {
			return ab(append([]byte(nil), k.secret...))
		}
		out, err := k.export(typ, format)
		if err != nil {
			nodeerr.Throw(rt, "TypeError", "ERR_INVALID_ARG_VALUE", "The property 'options.type' is invalid. Received '"+typ+"'")
		}
		if s, ok := out.(string); ok {
			return rt.ToValue(s)
		}
		return ab(out.([]byte))
	})
	_ = b.Set("exportJWK", func(v sobek.Value) sobek.Value {
		m, _ := keyOf(v).jwk()
		// Node's member order
		o := rt.NewObject()
		for _, k := range []string{"kty", "n", "e", "d", "p", "q", "dp", "dq", "qi", "x", "y", "crv", "k"} {
			if k == "d" && m["kty"] == "EC" {
				continue
			}
			if val, ok := m[k]; ok {
				_ = o.Set(k, val)
			}
		}
		if d, ok := m["d"]; ok && m["kty"] == "EC" {
			_ = o.Set("d", d)
		}
		if m["kty"] == "OKP" {
			o = rt.NewObject()
			for _, k := range []string{"crv", "d", "x", "kty"} {
				if val, ok := m[k]; ok {
					_ = o.Set(k, val)
				}
			}
		}
		return o
	})
	_ = b.Set("keyEquals", func(a, c sobek.Value) bool {
		x, y := keyOf(a), keyOf(c)
		if x.kind != y.kind {
			return false
		}
		if x.kind == "secret" {
			return string(x.secret) == string(y.secret)
		}
		type equaler interface{ Equal(gocrypto.PublicKey) bool }
		if e, ok := x.pub.(equaler); ok {
			return e.Equal(y.pub)
		}
		return false
	})
	_ = b.Set("generate", func(typ string, bits int, curve string) sobek.Value {
		k, err := generate(typ, bits, curve)
		if err != nil {
			panic(rt.NewGoError(err))
		}
		return rt.ToValue(k)
	})
	opts := func(o *sobek.Object) signOpts {
		s := signOpts{padding: 1, saltLength: -2}
		if o == nil {
			return s
		}
		if v := o.Get("padding"); v != nil && !sobek.IsUndefined(v) {
			s.padding = int(v.ToInteger())
		}
		if v := o.Get("saltLength"); v != nil && !sobek.IsUndefined(v) {
			s.saltLength = int(v.ToInteger())
		}
		if v := o.Get("dsaEncoding"); v != nil && v.String() == "ieee-p1363" {
			s.p1363 = true
		}
		return s
	}
	_ = b.Set("sign", func(alg string, data, key sobek.Value, o *sobek.Object) sobek.Value {
		sig, err := keyOf(key).sign(alg, bytesOf(data), opts(o))
		if err == errInvalidDigest {
			nodeerr.Throw(rt, "TypeError", "ERR_CRYPTO_INVALID_DIGEST", "Invalid digest: "+alg)
		}
		if err != nil {
			panic(rt.NewGoError(err))
		}
		return ab(sig)
	})
	_ = b.Set("verify", func(alg string, data, key, sig sobek.Value, o *sobek.Object) bool {
		ok, err := keyOf(key).verify(alg, bytesOf(data), bytesOf(sig), opts(o))
		if err == errInvalidDigest {
			nodeerr.Throw(rt, "TypeError", "ERR_CRYPTO_INVALID_DIGEST", "Invalid digest: "+alg)
		}
		if err != nil {
			panic(rt.NewGoError(err))
		}
		return ok
	})
	_ = b.Set("rsaCrypt", func(decrypt bool, key, data sobek.Value, padding int, oaepHash string, label sobek.Value) sobek.Value {
		var l []byte
		if !sobek.IsUndefined(label) && !sobek.IsNull(label) {
			l = bytesOf(label)
		}
		out, err := keyOf(key).rsaCrypt(decrypt, bytesOf(data), padding, oaepHash, l)
		if err == errInvalidDigest {
			nodeerr.Throw(rt, "TypeError", "ERR_OSSL_EVP_INVALID_DIGEST", "Invalid digest used")
		}
		if err != nil {
			if decrypt {
				panic(osslError(rt, "02000079", "rsa routines", "oaep decoding error", "ERR_OSSL_RSA_OAEP_DECODING_ERROR"))
			}
			panic(osslError(rt, "0200006E", "rsa routines", "data too large for key size", "ERR_OSSL_RSA_DATA_TOO_LARGE_FOR_KEY_SIZE"))
		}
		return ab(out)
	})
	_ = b.Set("scrypt", func(pass, salt sobek.Value, n, r, p, keylen int) sobek.Value {
		k, err := scrypt.Key(bytesOf(pass), bytesOf(salt), n, r, p, keylen)
		if err != nil {
			nodeerr.Throw(rt, "RangeError", "ERR_CRYPTO_INVALID_SCRYPT_PARAMS", "Invalid scrypt params")
		}
		return ab(k)
	})
	_ = b.Set("hkdf", func(digest string, ikm, salt, info sobek.Value, keylen int) sobek.Value {
		mk, ok := newHash(digest)
		if !ok {
			return sobek.Null()
		}
		k, err := hkdf.Key(mk, bytesOf(ikm), bytesOf(salt), string(bytesOf(info)), keylen)
		if err != nil {
			nodeerr.Throw(rt, "RangeError", "ERR_CRYPTO_INVALID_KEYLEN", "Invalid key length")
		}
		return ab(k)
	})
	_ = b.Set("hashSize", func(digest string) int {
		mk, ok := newHash(digest)
		if !ok {
			return -1
		}
		return mk().Size()
	})
}
