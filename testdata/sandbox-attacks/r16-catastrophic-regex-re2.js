// resource attack: regex backtracking (RE2-compatible)
/^(a+)+$/.test('a'.repeat(100000) + 'b') ; for (;;) {}
