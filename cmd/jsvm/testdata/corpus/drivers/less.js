// less: compile variables, mixins, nesting, operations; errors
const less = require('less');
less.render('@c: #336699; .m(@p) { padding: @p; } .a { color: darken(@c, 10%); .m(4px * 2); .b { width: (100% / 3); } &:hover { color: @c } }').then((out) => {
  console.log(out.css);
  return less.render('.x { color: @missing; }');
}).catch((e) => console.log(e.type, e.message, e.line));
