package dns_test

import (
	"testing"

	"github.com/jsvm-dev/jsvm/internal/jstest"
	"github.com/jsvm-dev/jsvm/node/builtins"
)

func TestHostScripts(t *testing.T) { jstest.RunHostScripts(t, builtins.DefaultRegistry()) }
