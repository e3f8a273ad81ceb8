// Package hostile holds jsvm's hostile-input checks: a corpus of vm calls
// with hostile arguments and scenarios (testdata/corpus.js) whose outcomes
// under node are recorded in testdata/corpus.golden, a test that runs the
// same cases under jsvm in crash-isolated batches, and go test -fuzz targets
// for the vm entry points. It has no non-test code.
package hostile
