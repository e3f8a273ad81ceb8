let a = 1
a + 1
const o = {p: 2}
