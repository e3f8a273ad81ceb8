package engine

// translateUnicodeSets rewrites a v-flag pattern as a u-flag one; bad is
// V8's reason when the pattern is invalid.
func translateUnicodeSets(p string) (string, string) {
	return p, ""
}
