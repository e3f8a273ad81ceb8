package crypto

import (
	gocrypto "crypto"
	"crypto/ecdh"
	"crypto/ecdsa"
	"crypto/ed25519"
	"crypto/elliptic"
	"crypto/rand"
	"crypto/rsa"
	"crypto/x509"
	"encoding/asn1"
	"encoding/base64"
	"encoding/pem"
	"errors"
	"math/big"
	"strings"
)

// keyObject is the Go side of a KeyObject: a secret, or an RSA, EC or
// Ed25519 public or private key.
type keyObject struct {
	kind   string // "secret", "public", "private"
	secret []byte
	priv   any // *rsa.PrivateKey, *ecdsa.PrivateKey, ed25519.PrivateKey
	pub    any // *rsa.PublicKey, *ecdsa.PublicKey, ed25519.PublicKey
}

// errUnsupportedKey is OpenSSL's DECODER "unsupported": input that is no key.
var errUnsupportedKey = errors.New("unsupported")

func (k *keyObject) asymmetricType() string {
	switch k.pub.(type) {
	case *rsa.PublicKey:
		return "rsa"
	case *ecdsa.PublicKey:
		return "ec"
	case ed25519.PublicKey:
		return "ed25519"
	}
	return ""
}

// curveName is OpenSSL's name of an EC key's curve (Node's namedCurve).
func curveName(c elliptic.Curve) string {
	switch c {
	case elliptic.P256():
		return "prime256v1"
	case elliptic.P384():
		return "secp384r1"
	case elliptic.P521():
		return "secp521r1"
	case elliptic.P224():
		return "secp224r1"
	}
	return ""
}

// curveByName accepts Node's curve names (OpenSSL's and NIST's).
func curveByName(n string) elliptic.Curve {
	switch n {
	case "prime256v1", "P-256", "secp256r1":
		return elliptic.P256()
	case "secp384r1", "P-384":
		return elliptic.P384()
	case "secp521r1", "P-521":
		return elliptic.P521()
	case "secp224r1", "P-224":
		return elliptic.P224()
	}
	return nil
}

func jwkCurve(c elliptic.Curve) string {
	switch c {
	case elliptic.P256():
		return "P-256"
	case elliptic.P384():
		return "P-384"
	case elliptic.P521():
		return "P-521"
	}
	return ""
}

func newPrivate(priv any) (*keyObject, error) {
	k := &keyObject{kind: "private", priv: priv}
	switch p := priv.(type) {
	case *rsa.PrivateKey:
		k.pub = &p.PublicKey
	case *ecdsa.PrivateKey:
		k.pub = &p.PublicKey
	case ed25519.PrivateKey:
		k.pub = p.Public().(ed25519.PublicKey)
	case *ecdh.PrivateKey:
		return nil, errUnsupportedKey
	default:
		return nil, errUnsupportedKey
	}
	return k, nil
}

func newPublic(pub any) (*keyObject, error) {
	switch pub.(type) {
	case *rsa.PublicKey, *ecdsa.PublicKey, ed25519.PublicKey:
		return &keyObject{kind: "public", pub: pub}, nil
	}
	return nil, errUnsupportedKey
}

// parseKey reads a PEM or DER key (type pkcs1, pkcs8, sec1 or spki for
// DER); a private key given where a public one is wanted gives its public
// half, as Node's createPublicKey.
func parseKey(data []byte, format, typ string, wantPrivate bool) (*keyObject, error) {
	if format == "der" {
		return parseDER(data, typ, wantPrivate)
	}
	rest := data
	for {
		var b *pem.Block
		b, rest = pem.Decode(rest)
		if b == nil {
			return nil, errUnsupportedKey
		}
		if len(b.Headers) > 0 && b.Headers["Proc-Type"] != "" {
			return nil, errors.New("encrypted PEM keys are not supported")
		}
		var t string
		switch b.Type {
		case "PRIVATE KEY":
			t = "pkcs8"
		case "RSA PRIVATE KEY":
			t = "pkcs1"
		case "EC PRIVATE KEY":
			t = "sec1"
		case "PUBLIC KEY":
			t = "spki"
		case "RSA PUBLIC KEY":
			t = "pkcs1-public"
		case "CERTIFICATE":
			if wantPrivate {
				return nil, errUnsupportedKey
			}
			c, err := x509.ParseCertificate(b.Bytes)
			if err != nil {
				return nil, errUnsupportedKey
			}
			return newPublic(c.PublicKey)
		case "EC PARAMETERS":
			continue
		default:
			return nil, errUnsupportedKey
		}
		return parseDER(b.Bytes, t, wantPrivate)
	}
}

func parseDER(der []byte, typ string, wantPrivate bool) (*keyObject, error) {
	var k *keyObject
	var err error
	switch typ {
	case "pkcs8":
		var p any
		if p, err = x509.ParsePKCS8PrivateKey(der); err == nil {
			k, err = newPrivate(p)
		}
	case "pkcs1":
		var p *rsa.PrivateKey
		if p, err = x509.ParsePKCS1PrivateKey(der); err == nil {
			k, err = newPrivate(p)
		} else if !wantPrivate {
			return parseDER(der, "pkcs1-public", false)
		}
	case "sec1":
		var p *ecdsa.PrivateKey
		if p, err = x509.ParseECPrivateKey(der); err == nil {
			k, err = newPrivate(p)
		}
	case "spki":
		if wantPrivate {
			return nil, errUnsupportedKey
		}
		var p any
		if p, err = x509.ParsePKIXPublicKey(der); err == nil {
			return newPublic(p)
		}
	case "pkcs1-public":
		if wantPrivate {
			return nil, errUnsupportedKey
		}
		var p *rsa.PublicKey
		if p, err = x509.ParsePKCS1PublicKey(der); err == nil {
			return newPublic(p)
		}
	default:
		return nil, errUnsupportedKey
	}
	if err != nil {
		return nil, errUnsupportedKey
	}
	if !wantPrivate {
		return &keyObject{kind: "public", pub: k.pub}, nil
	}
	return k, nil
}

// export encodes a key as PEM text or DER bytes.
func (k *keyObject) export(typ, format string) (any, error) {
	var der []byte
	var pemType string
	var err error
	if k.kind == "public" {
		switch typ {
		case "spki":
			der, err = x509.MarshalPKIXPublicKey(k.pub)
			pemType = "PUBLIC KEY"
		case "pkcs1":
			rk, ok := k.pub.(*rsa.PublicKey)
			if !ok {
				return nil, errors.New("pkcs1 is for RSA keys only")
			}
			der, pemType = x509.MarshalPKCS1PublicKey(rk), "RSA PUBLIC KEY"
		default:
			return nil, errors.New("bad type")
		}
	} else {
		switch typ {
		case "pkcs8":
			der, err = x509.MarshalPKCS8PrivateKey(k.priv)
			pemType = "PRIVATE KEY"
		case "pkcs1":
			rk, ok := k.priv.(*rsa.PrivateKey)
			if !ok {
				return nil, errors.New("pkcs1 is for RSA keys only")
			}
			der, pemType = x509.MarshalPKCS1PrivateKey(rk), "RSA PRIVATE KEY"
		case "sec1":
			ek, ok := k.priv.(*ecdsa.PrivateKey)
			if !ok {
				return nil, errors.New("sec1 is for EC keys only")
			}
			der, err = x509.MarshalECPrivateKey(ek)
			pemType = "EC PRIVATE KEY"
		default:
			return nil, errors.New("bad type")
		}
	}
	if err != nil {
		return nil, err
	}
	if format == "der" {
		return der, nil
	}
	return string(pem.EncodeToMemory(&pem.Block{Type: pemType, Bytes: der})), nil
}

func b64u(b []byte) string { return base64.RawURLEncoding.EncodeToString(b) }

func unb64u(s string) ([]byte, error) {
	return base64.RawURLEncoding.DecodeString(strings.TrimRight(s, "="))
}

// padded is n as a fixed-size big-endian field (JWK EC coordinates).
func padded(n *big.Int, size int) []byte {
	b := make([]byte, size)
	return n.FillBytes(b)
}

// jwk is the key as a JSON Web Key (Node's export({ format: 'jwk' })).
func (k *keyObject) jwk() (map[string]any, error) {
	if k.kind == "secret" {
		return map[string]any{"kty": "oct", "k": b64u(k.secret)}, nil
	}
	out := map[string]any{}
	switch p := k.pub.(type) {
	case *rsa.PublicKey:
		out["kty"] = "RSA"
		out["n"] = b64u(p.N.Bytes())
		out["e"] = b64u(big.NewInt(int64(p.E)).Bytes())
		if r, ok := k.priv.(*rsa.PrivateKey); ok {
			r.Precompute()
			out["d"] = b64u(r.D.Bytes())
			out["p"] = b64u(r.Primes[0].Bytes())
			out["q"] = b64u(r.Primes[1].Bytes())
			out["dp"] = b64u(r.Precomputed.Dp.Bytes())
			out["dq"] = b64u(r.Precomputed.Dq.Bytes())
			out["qi"] = b64u(r.Precomputed.Qinv.Bytes())
		}
	case *ecdsa.PublicKey:
		size := (p.Curve.Params().BitSize + 7) / 8
		raw, err := p.Bytes() // 0x04 || X || Y
		if err != nil {
			return nil, err
		}
		out["kty"] = "EC"
		out["crv"] = jwkCurve(p.Curve)
		out["x"] = b64u(raw[1 : 1+size])
		out["y"] = b64u(raw[1+size:])
		if e, ok := k.priv.(*ecdsa.PrivateKey); ok {
			d, err := e.Bytes()
			if err != nil {
				return nil, err
			}
			out["d"] = b64u(d)
		}
	case ed25519.PublicKey:
		out["crv"] = "Ed25519"
		if e, ok := k.priv.(ed25519.PrivateKey); ok {
			out["d"] = b64u(e.Seed())
		}
		out["x"] = b64u(p)
		out["kty"] = "OKP"
	}
	return out, nil
}

// fromJWK imports a JSON Web Key (RSA, EC P-256/384/521, OKP Ed25519).
func fromJWK(j map[string]string, wantPrivate bool) (*keyObject, error) {
	get := func(n string) (*big.Int, error) {
		b, err := unb64u(j[n])
		if err != nil || j[n] == "" {
			return nil, errors.New("invalid JWK")
		}
		return new(big.Int).SetBytes(b), nil
	}
	var k *keyObject
	switch j["kty"] {
	case "RSA":
		n, err := get("n")
		if err != nil {
			return nil, err
		}
		e, err := get("e")
		if err != nil {
			return nil, err
		}
		pub := &rsa.PublicKey{N: n, E: int(e.Int64())}
		if j["d"] == "" {
			k = &keyObject{kind: "public", pub: pub}
			break
		}
		d, err1 := get("d")
		p, err2 := get("p")
		q, err3 := get("q")
		if err1 != nil || err2 != nil || err3 != nil {
			return nil, errors.New("invalid JWK RSA key")
		}
		priv := &rsa.PrivateKey{PublicKey: *pub, D: d, Primes: []*big.Int{p, q}}
		if err := priv.Validate(); err != nil {
			return nil, errors.New("invalid JWK RSA key")
		}
		priv.Precompute()
		k, _ = newPrivate(priv)
	case "EC":
		c := curveByName(j["crv"])
		if c == nil {
			return nil, errors.New("unsupported JWK EC curve")
		}
		size := (c.Params().BitSize + 7) / 8
		x, err1 := get("x")
		y, err2 := get("y")
		if err1 != nil || err2 != nil || x.BitLen() > 8*size || y.BitLen() > 8*size {
			return nil, errors.New("invalid JWK EC key")
		}
		raw := append(append([]byte{4}, padded(x, size)...), padded(y, size)...)
		pub, err := ecdsa.ParseUncompressedPublicKey(c, raw)
		if err != nil {
			return nil, errors.New("invalid JWK EC key")
		}
		if j["d"] == "" {
			k = &keyObject{kind: "public", pub: pub}
			break
		}
		d, err := unb64u(j["d"])
		if err != nil {
			return nil, err
		}
		priv, err := ecdsa.ParseRawPrivateKey(c, d)
		if err != nil || !priv.PublicKey.Equal(pub) {
			return nil, errors.New("invalid JWK EC key")
		}
		k, _ = newPrivate(priv)
	case "OKP":
		if j["crv"] != "Ed25519" {
			return nil, errors.New("unsupported JWK OKP curve")
		}
		if j["d"] != "" {
			seed, err := unb64u(j["d"])
			if err != nil || len(seed) != ed25519.SeedSize {
				return nil, errors.New("invalid JWK Ed25519 key")
			}
			k, _ = newPrivate(ed25519.NewKeyFromSeed(seed))
		} else {
			x, err := unb64u(j["x"])
			if err != nil || len(x) != ed25519.PublicKeySize {
				return nil, errors.New("invalid JWK Ed25519 key")
			}
			k = &keyObject{kind: "public", pub: ed25519.PublicKey(x)}
		}
	default:
		return nil, errors.New("invalid JWK")
	}
	if wantPrivate && k.kind != "private" {
		return nil, errors.New("invalid JWK private key")
	}
	if !wantPrivate {
		return &keyObject{kind: "public", pub: k.pub}, nil
	}
	return k, nil
}

// generate makes a key pair ("rsa", "ec", "ed25519").
func generate(typ string, bits int, curve string) (*keyObject, error) {
	switch typ {
	case "rsa":
		p, err := rsa.GenerateKey(rand.Reader, bits)
		if err != nil {
			return nil, err
		}
		return newPrivate(p)
	case "ec":
		c := curveByName(curve)
		if c == nil {
			return nil, errors.New("invalid curve")
		}
		p, err := ecdsa.GenerateKey(c, rand.Reader)
		if err != nil {
			return nil, err
		}
		return newPrivate(p)
	case "ed25519":
		_, p, err := ed25519.GenerateKey(rand.Reader)
		if err != nil {
			return nil, err
		}
		return newPrivate(p)
	}
	return nil, errors.New("unsupported key type")
}

var cryptoHashes = map[string]gocrypto.Hash{
	"md5": gocrypto.MD5, "sha1": gocrypto.SHA1, "sha224": gocrypto.SHA224, "sha256": gocrypto.SHA256,
	"sha384": gocrypto.SHA384, "sha512": gocrypto.SHA512, "sha512-224": gocrypto.SHA512_224, "sha512-256": gocrypto.SHA512_256,
	"sha3-224": gocrypto.SHA3_224, "sha3-256": gocrypto.SHA3_256, "sha3-384": gocrypto.SHA3_384, "sha3-512": gocrypto.SHA3_512,
}

func hashID(name string) (gocrypto.Hash, bool) {
	n := strings.ToLower(name)
	if a, ok := hashAliases[n]; ok {
		n = a
	}
	h, ok := cryptoHashes[n]
	return h, ok
}

func digest(h gocrypto.Hash, data []byte) []byte {
	hh := h.New()
	hh.Write(data)
	return hh.Sum(nil)
}

// signOpts are Node's sign/verify options.
type signOpts struct {
	padding    int // 1 PKCS#1 v1.5, 6 PSS
	saltLength int // -1 digest length, -2 max (sign) / auto (verify)
	p1363      bool
}

func pssSalt(n int) int {
	switch n {
	case -1:
		return rsa.PSSSaltLengthEqualsHash
	case -2:
		return rsa.PSSSaltLengthAuto
	}
	return n
}

var errSignKey = errors.New("key cannot sign")

func (k *keyObject) sign(alg string, data []byte, o signOpts) ([]byte, error) {
	switch p := k.priv.(type) {
	case ed25519.PrivateKey:
		return ed25519.Sign(p, data), nil
	case *rsa.PrivateKey:
		h, ok := hashID(alg)
		if !ok {
			return nil, errInvalidDigest
		}
		if o.padding == 6 {
			return rsa.SignPSS(rand.Reader, p, h, digest(h, data), &rsa.PSSOptions{SaltLength: pssSalt(o.saltLength), Hash: h})
		}
		return rsa.SignPKCS1v15(rand.Reader, p, h, digest(h, data))
	case *ecdsa.PrivateKey:
		h, ok := hashID(alg)
		if !ok {
			return nil, errInvalidDigest
		}
		sig, err := ecdsa.SignASN1(rand.Reader, p, digest(h, data))
		if err != nil || !o.p1363 {
			return sig, err
		}
		return derToP1363(sig, (p.Curve.Params().BitSize+7)/8)
	}
	return nil, errSignKey
}

var errInvalidDigest = errors.New("invalid digest")

func (k *keyObject) verify(alg string, data, sig []byte, o signOpts) (bool, error) {
	switch p := k.pub.(type) {
	case ed25519.PublicKey:
		return ed25519.Verify(p, data, sig), nil
	case *rsa.PublicKey:
		h, ok := hashID(alg)
		if !ok {
			return false, errInvalidDigest
		}
		if o.padding == 6 {
			return rsa.VerifyPSS(p, h, digest(h, data), sig, &rsa.PSSOptions{SaltLength: pssSalt(o.saltLength), Hash: h}) == nil, nil
		}
		return rsa.VerifyPKCS1v15(p, h, digest(h, data), sig) == nil, nil
	case *ecdsa.PublicKey:
		h, ok := hashID(alg)
		if !ok {
			return false, errInvalidDigest
		}
		if o.p1363 {
			size := (p.Curve.Params().BitSize + 7) / 8
			if len(sig) != 2*size {
				return false, nil
			}
			r, s := new(big.Int).SetBytes(sig[:size]), new(big.Int).SetBytes(sig[size:])
			return ecdsa.Verify(p, digest(h, data), r, s), nil
		}
		return ecdsa.VerifyASN1(p, digest(h, data), sig), nil
	}
	return false, errSignKey
}

func derToP1363(der []byte, size int) ([]byte, error) {
	var v struct{ R, S *big.Int }
	if _, err := asn1.Unmarshal(der, &v); err != nil {
		return nil, err
	}
	out := make([]byte, 2*size)
	v.R.FillBytes(out[:size])
	v.S.FillBytes(out[size:])
	return out, nil
}

// rsaCrypt is publicEncrypt/privateDecrypt: OAEP (padding 4, Node's
// default) with oaepHash, or PKCS#1 v1.5 (padding 1) to encrypt only (Node
// 20 refuses to decrypt it).
func (k *keyObject) rsaCrypt(decrypt bool, data []byte, padding int, oaepHash string, label []byte) ([]byte, error) {
	h := gocrypto.SHA1
	if oaepHash != "" {
		var ok bool
		if h, ok = hashID(oaepHash); !ok {
			return nil, errInvalidDigest
		}
	}
	if decrypt {
		p, ok := k.priv.(*rsa.PrivateKey)
		if !ok {
			return nil, errSignKey
		}
		return rsa.DecryptOAEP(h.New(), nil, p, data, label)
	}
	p, ok := k.pub.(*rsa.PublicKey)
	if !ok {
		return nil, errSignKey
	}
	if padding == 1 {
		//lint:ignore SA1019 Node still offers publicEncrypt with RSA_PKCS1_PADDING
		return rsa.EncryptPKCS1v15(rand.Reader, p, data)
	}
	return rsa.EncryptOAEP(h.New(), rand.Reader, p, data, label)
}
