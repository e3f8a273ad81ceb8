// sass (dart-sass compiled to JS): variables, nesting, mixins, functions, modules, errors
const sass = require('sass');
const r = sass.compileString(`
@use "sass:math";
$base: 10px;
@mixin pad($n) { padding: $n * 2; }
.a { color: darken(#ff0000, 10%); .b { @include pad($base); width: math.div(100%, 3); } &:hover { margin: -$base; } }
@each $k, $v in (x: 1, y: 2) { .m-#{$k} { z-index: $v; } }
`, { style: 'expanded' });
console.log(r.css);
console.log(sass.compileString('.a{b:c}', { style: 'compressed' }).css);
try { sass.compileString('.a { color: $nope; }'); } catch (e) { console.log('error:', e.message.split('\n')[0]); }
