const TOML = require('@iarna/toml');
const d = TOML.parse('title = "x"\n[owner]\nname = "Tom"\ndob = 1979-05-27T07:32:00Z\n[[fruit]]\nname = "apple"\n');
console.log(JSON.stringify(d), TOML.stringify({ a: 1, b: { c: [1, 2] } }));
