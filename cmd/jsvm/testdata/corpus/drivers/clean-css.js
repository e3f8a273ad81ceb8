// clean-css, html-minifier-terser and uglify-js: minifiers
const CleanCSS = require('clean-css');
const { minify: minifyHtml } = require('html-minifier-terser');
const UglifyJS = require('uglify-js');
const out = new CleanCSS({ level: 2 }).minify('a { color: #ff0000; margin: 0px 0px 0px 0px } a { padding: 0 } .b{color:red}.b{color:blue} @media (min-width:10px){.c{d:e}}');
console.log(out.styles, out.errors, out.warnings);
console.log(new CleanCSS().minify('a{color:red').warnings);
(async () => {
  console.log(await minifyHtml('<!-- c --><div  class="a  b" id="x"> <p>Hi   there</p>\n<script> var a = 1 + 2; </script><input disabled="disabled"></div>', { collapseWhitespace: true, removeComments: true, minifyJS: true, collapseBooleanAttributes: true }));
  const u = UglifyJS.minify('function add(first, second) { var unused = 1; return first + second; } console.log(add(1, 2));', { mangle: { toplevel: true }, compress: { passes: 2 } });
  console.log(u.code, u.error);
  console.log(UglifyJS.minify('function (').error.message);
})();
