package encoding_test

import (
	"github.com/jsvm-dev/jsvm/internal/jstest"
	"testing"

	"github.com/jsvm-dev/jsvm/node/encoding"
	"github.com/jsvm-dev/jsvm/node/host"
)

// The scripts require('util') for TextEncoder/TextDecoder, as in Node;
// here "util" is only this package's exports.
func TestScripts(t *testing.T) {
	jstest.RunScripts(t, map[string]host.Loader{"util": encoding.Load})
}
