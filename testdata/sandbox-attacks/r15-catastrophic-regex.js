// resource attack: regex backtracking (backreference, regexp2)
/^(a+)+\1$/.test('a'.repeat(32) + 'b')
