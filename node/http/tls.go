package http

import (
	"crypto/tls"
	"crypto/x509"
	"encoding/pem"
	"errors"
	"fmt"
	"net"
	"net/http"
	"strings"
	"sync"
	"syscall"

	"github.com/grafana/sobek"
	"github.com/jsvm-dev/jsvm/internal/nodeerr"
	"github.com/jsvm-dev/jsvm/node/host"
)

// secureFaces holds, per host, the builders http.js returns for the https
// and tls builtins (one implementation, three faces).
var secureFaces sync.Map // *host.Host -> *sobek.Object

// face returns the builder object http.js returned for h, loading http
// first if needed.
func face(h *host.Host) (*sobek.Object, error) {
	if _, err := h.Require("http"); err != nil {
		return nil, err
	}
	v, ok := secureFaces.Load(h)
	if !ok {
		return nil, errors.New("https needs the http builtin")
	}
	return v.(*sobek.Object), nil
}

// loadFace sets module.exports to what the named builder of http.js makes.
func loadFace(h *host.Host, module *sobek.Object, name string) error {
	f, err := face(h)
	if err != nil {
		return err
	}
	build, ok := sobek.AssertFunction(f.Get(name))
	if !ok {
		return fmt.Errorf("http.js has no %s face", name)
	}
	v, err := build(sobek.Undefined())
	if err != nil {
		return err
	}
	return module.Set("exports", v)
}

// LoadHTTPS is the loader of the `https` builtin: http's server and client
// over Go's crypto/tls. It needs the `http` builtin in the registry.
func LoadHTTPS(h *host.Host, module *sobek.Object) error { return loadFace(h, module, "https") }

// LoadTLS is the loader of the `tls` builtin (createSecureContext,
// checkServerIdentity, the defaults); https is built on the same code.
func LoadTLS(h *host.Host, module *sobek.Object) error { return loadFace(h, module, "tls") }

// pemList reads a PEM option: a string, a Buffer/Uint8Array, or an array
// of them.
func pemList(rt *sobek.Runtime, v sobek.Value) [][]byte {
	if v == nil || sobek.IsUndefined(v) || sobek.IsNull(v) {
		return nil
	}
	if o, ok := v.(*sobek.Object); ok && o.ClassName() == "Array" {
		var out [][]byte
		n := int(o.Get("length").ToInteger())
		for i := 0; i < n; i++ {
			out = append(out, pemList(rt, o.Get(fmt.Sprint(i)))...)
		}
		return out
	}
	return [][]byte{toBytes(rt, v)}
}

// keyPairs pairs options.cert with options.key (Node accepts arrays of
// both; a key object {pem, passphrase} too).
func keyPairs(rt *sobek.Runtime, o *sobek.Object) ([]tls.Certificate, error) {
	certs := pemList(rt, o.Get("cert"))
	var keys [][]byte
	if k, ok := o.Get("key").(*sobek.Object); ok && k.ClassName() == "Array" {
		n := int(k.Get("length").ToInteger())
		for i := 0; i < n; i++ {
			e := k.Get(fmt.Sprint(i))
			if eo, ok := e.(*sobek.Object); ok && eo.ClassName() == "Object" {
				e = eo.Get("pem")
			}
			keys = append(keys, pemList(rt, e)...)
		}
	} else {
		keys = pemList(rt, o.Get("key"))
	}
	if len(certs) == 0 && len(keys) == 0 {
		return nil, nil
	}
	if len(keys) == 0 {
		return nil, errors.New("error:0A0000B1:SSL routines::no certificate assigned (a key is missing)")
	}
	if len(certs) == 0 {
		return nil, errors.New("error:0A0000B1:SSL routines::no certificate assigned")
	}
	var out []tls.Certificate
	for i, key := range keys {
		cert := certs[len(certs)-1]
		if i < len(certs) {
			cert = certs[i]
		}
		if b, _ := pem.Decode(cert); b == nil {
			return nil, &opensslError{"ERR_OSSL_PEM_NO_START_LINE", "error:0480006C:PEM routines::no start line"}
		}
		if b, _ := pem.Decode(key); b == nil {
			return nil, &opensslError{"ERR_OSSL_UNSUPPORTED", "error:1E08010C:DECODER routines::unsupported"}
		}
		pair, err := tls.X509KeyPair(cert, key)
		if err != nil {
			if strings.Contains(err.Error(), "does not match") {
				return nil, &opensslError{"ERR_OSSL_X509_KEY_VALUES_MISMATCH", "error:05800074:x509 certificate routines::key values mismatch"}
			}
			return nil, &opensslError{"ERR_OSSL_UNSUPPORTED", "error:1E08010C:DECODER routines::unsupported"}
		}
		out = append(out, pair)
	}
	return out, nil
}

// opensslError is a bad key or certificate, with the code and message
// Node's OpenSSL gives.
type opensslError struct{ code, msg string }

func (e *opensslError) Error() string { return e.msg }

// throwTLS throws err as Node's Error (with code when it has one).
func throwTLS(rt *sobek.Runtime, err error) {
	var oe *opensslError
	if errors.As(err, &oe) {
		panic(nodeerr.New(rt, "Error", oe.code, oe.msg))
	}
	panic(nodeerr.New(rt, "Error", "ERR_INVALID_ARG_VALUE", err.Error()))
}

// rootPool builds the trusted roots from options.ca, or nil (the system's).
func rootPool(rt *sobek.Runtime, o *sobek.Object) (*x509.CertPool, error) {
	cas := pemList(rt, o.Get("ca"))
	if len(cas) == 0 {
		return nil, nil
	}
	pool := x509.NewCertPool()
	for _, ca := range cas {
		if !pool.AppendCertsFromPEM(ca) {
			return nil, &opensslError{"ERR_OSSL_PEM_NO_START_LINE", "error:0480006C:PEM routines::no start line"}
		}
	}
	return pool, nil
}

func versionOf(v sobek.Value) (uint16, error) {
	if v == nil || sobek.IsUndefined(v) {
		return 0, nil
	}
	switch v.String() {
	case "TLSv1":
		return tls.VersionTLS10, nil
	case "TLSv1.1":
		return tls.VersionTLS11, nil
	case "TLSv1.2":
		return tls.VersionTLS12, nil
	case "TLSv1.3":
		return tls.VersionTLS13, nil
	}
	return 0, fmt.Errorf("tls: unknown protocol version %q", v.String())
}

func baseConfig(rt *sobek.Runtime, o *sobek.Object) (*tls.Config, error) {
	conf := &tls.Config{MinVersion: tls.VersionTLS12}
	pairs, err := keyPairs(rt, o)
	if err != nil {
		return nil, err
	}
	conf.Certificates = pairs
	if conf.MinVersion, err = versionOf(o.Get("minVersion")); err != nil {
		return nil, err
	}
	if conf.MinVersion == 0 {
		conf.MinVersion = tls.VersionTLS12
	}
	if conf.MaxVersion, err = versionOf(o.Get("maxVersion")); err != nil {
		return nil, err
	}
	return conf, nil
}

// serverTLSConfig makes an https server's config from createServer's
// options (key, cert, ca, requestCert, rejectUnauthorized, min/maxVersion).
func serverTLSConfig(rt *sobek.Runtime, o *sobek.Object) (*tls.Config, error) {
	conf, err := baseConfig(rt, o)
	if err != nil {
		return nil, err
	}
	if len(conf.Certificates) == 0 {
		// As Node: the server starts; every handshake fails.
		conf.GetCertificate = func(*tls.ClientHelloInfo) (*tls.Certificate, error) {
			return nil, errors.New("no certificate")
		}
	}
	conf.NextProtos = []string{"http/1.1"}
	if r := o.Get("requestCert"); r != nil && r.ToBoolean() {
		pool, err := rootPool(rt, o)
		if err != nil {
			return nil, err
		}
		conf.ClientCAs = pool
		conf.ClientAuth = tls.RequestClientCert
		if r := o.Get("rejectUnauthorized"); r == nil || sobek.IsUndefined(r) || r.ToBoolean() {
			conf.ClientAuth = tls.RequireAndVerifyClientCert
		}
	}
	return conf, nil
}

// clientTLSConfig makes a request's config from its (and its agent's)
// options: ca, cert/key, rejectUnauthorized (default true), servername.
func clientTLSConfig(rt *sobek.Runtime, o *sobek.Object) (*tls.Config, error) {
	conf, err := baseConfig(rt, o)
	if err != nil {
		return nil, err
	}
	if conf.RootCAs, err = rootPool(rt, o); err != nil {
		return nil, err
	}
	if s := o.Get("servername"); s != nil && !sobek.IsUndefined(s) && s.String() != "" {
		conf.ServerName = s.String()
	}
	if r := o.Get("rejectUnauthorized"); r != nil && !sobek.IsUndefined(r) && !r.ToBoolean() {
		conf.InsecureSkipVerify = true
	}
	conf.NextProtos = []string{"http/1.1"}
	return conf, nil
}

// plainClient makes http: requests: as Node's client it follows no
// redirect, uses no proxy from the environment and does not ask for (or
// undo) a compressed body.
var plainClient = &http.Client{
	Transport: &http.Transport{
		Proxy:               nil,
		DisableCompression:  true,
		MaxIdleConnsPerHost: 8,
	},
	CheckRedirect: noRedirects,
}

// noRedirects: Node's http/https clients never follow a redirect; the 3xx
// response is the response.
func noRedirects(*http.Request, []*http.Request) error { return http.ErrUseLastResponse }

// clientError turns a failed request into Node's message and code.
func clientError(err error) (msg, code string) {
	var se syscall.Errno
	if errors.As(err, &se) && se == syscall.ECONNREFUSED {
		var op *net.OpError
		if errors.As(err, &op) && op.Addr != nil {
			return "connect ECONNREFUSED " + op.Addr.String(), "ECONNREFUSED"
		}
		return err.Error(), "ECONNREFUSED"
	}
	var dns *net.DNSError
	if errors.As(err, &dns) {
		return "getaddrinfo ENOTFOUND " + dns.Name, "ENOTFOUND"
	}
	var unknown x509.UnknownAuthorityError
	if errors.As(err, &unknown) {
		if c := unknown.Cert; c != nil && c.CheckSignatureFrom(c) == nil {
			return "self-signed certificate", "DEPTH_ZERO_SELF_SIGNED_CERT"
		}
		return "unable to verify the first certificate", "UNABLE_TO_VERIFY_LEAF_SIGNATURE"
	}
	var hostErr x509.HostnameError
	if errors.As(err, &hostErr) {
		return hostnameMessage(hostErr), "ERR_TLS_CERT_ALTNAME_INVALID"
	}
	var invalid x509.CertificateInvalidError
	if errors.As(err, &invalid) {
		switch invalid.Reason {
		case x509.Expired:
			if invalid.Cert != nil && invalid.Cert.NotBefore.After(invalid.Cert.NotAfter) {
				return "certificate is not yet valid", "CERT_NOT_YET_VALID"
			}
			return "certificate has expired", "CERT_HAS_EXPIRED"
		}
		return invalid.Error(), "ERR_TLS_CERT_INVALID"
	}
	var rec tls.RecordHeaderError
	if errors.As(err, &rec) || strings.Contains(err.Error(), "server gave HTTP response to HTTPS client") {
		return "error:0A00010B:SSL routines::wrong version number", "EPROTO"
	}
	if strings.Contains(err.Error(), "tls:") {
		return err.Error(), "EPROTO"
	}
	return err.Error(), "ECONNRESET"
}

// hostnameMessage is Node's checkServerIdentity text for a certificate
// that does not name the host.
func hostnameMessage(e x509.HostnameError) string {
	c := e.Certificate
	var alt []string
	for _, d := range c.DNSNames {
		alt = append(alt, "DNS:"+d)
	}
	for _, ip := range c.IPAddresses {
		alt = append(alt, "IP Address:"+ip.String())
	}
	if net.ParseIP(e.Host) != nil {
		return fmt.Sprintf("Hostname/IP does not match certificate's altnames: IP: %s is not in the cert's list: %s", e.Host, strings.Join(ipList(c), ", "))
	}
	return fmt.Sprintf("Hostname/IP does not match certificate's altnames: Host: %s. is not in the cert's altnames: %s", e.Host, strings.Join(alt, ", "))
}

func ipList(c *x509.Certificate) []string {
	var out []string
	for _, ip := range c.IPAddresses {
		out = append(out, ip.String())
	}
	return out
}
