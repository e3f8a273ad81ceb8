module github.com/jsvm-dev/jsvm

go 1.26.8

require (
	github.com/andybalholm/brotli v1.2.0
	github.com/dlclark/regexp2 v1.12.0
	github.com/evanw/esbuild v0.28.2
	github.com/go-sourcemap/sourcemap v2.1.4+incompatible
	github.com/grafana/sobek v0.0.0-20260429085637-a66d4790012b
	github.com/rivo/uniseg v0.4.7
	github.com/tetratelabs/wazero v1.12.0
	golang.org/x/crypto v0.59.0
	golang.org/x/sys v0.50.0
	golang.org/x/term v0.48.0
	golang.org/x/text v0.44.0
)

require github.com/google/pprof v0.0.0-20230207041349-798e818bf904 // indirect
