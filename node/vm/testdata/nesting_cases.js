// Nesting without brackets (issue #9): every production that recurses in a
// parser, at a depth V8 parses (500) and one it refuses (1e5), through each
// entry point that parses. Each line is what node prints; the Go test
// (nesting_test.go) runs this file in jsvm and compares
// (UPDATE_SNAPSHOTS=1 re-records). Sources are wrapped in a function where
// they would run, so only parsing is compared.
'use strict';
const vm = require('vm');
const R = (s, n) => s.repeat(n);
const labels = (n, tail) => Array.from({ length: n }, (_, i) => 'a' + i + ':' + tail).join('');
const P = {
  label: n => R('a:', n) + '1',
  labels: n => labels(n, '') + '1',
  labelsIf: n => labels(n, 'if(1)') + '1',
  arrow: n => R('x=>', n) + '1',
  parenArrow: n => R('()=>', n) + '1',
  asyncArrow: n => R('async x=>', n) + '1',
  asyncParen: n => R('async()=>', n) + '1',
  arrowBody: n => R('x=>{', n) + R('}', n),
  not: n => R('!', n) + '1',
  tilde: n => R('~', n) + '1',
  neg: n => R('- ', n) + '1',
  pos: n => R('+ ', n) + '1',
  unaryMix: n => R('!-~+', n) + '1',
  typeof: n => R('typeof ', n) + '1',
  void: n => R('void ', n) + '1',
  delete: n => R('delete ', n) + '1',
  await: n => '(async()=>{' + R('await ', n) + '1})',
  new: n => R('new ', n) + 'Object',
  preinc: n => R('++', n) + 'a',
  cond: n => R('a?b:', n) + 'c',
  condNest: n => R('a?', n) + 'b' + R(':c', n),
  condArrow: n => R('a?x=>', n) + '1' + R(':1', n),
  assign: n => 'var a;' + R('a=', n) + '1',
  compound: n => 'var a;' + R('a+=', n) + '1',
  assignArrow: n => 'var a;' + R('a=x=>', n) + '1',
  yield: n => '(function*(){' + R('yield ', n) + '1})',
  yieldStar: n => '(function*(){' + R('yield* ', n) + '1})',
  exp: n => 'var a;' + R('a**', n) + 'a',
  if: n => R('if(1)', n) + '1',
  elseIf: n => 'if(0);' + R('else if(0);', n),
  elseIfBlock: n => 'if(0){}' + R('else if(0){}', n),
  ifElse: n => R('if(1);else ', n) + ';',
  while: n => R('while(0)', n) + ';',
  for: n => R('for(;0;)', n) + ';',
  forIn: n => R('for(a in {})', n) + ';',
  with: n => R('with({})', n) + ';',
  do: n => R('do ', n) + ';' + R('while(0);', n),
  comma: n => 'var a;' + R('a,', n) + 'a',
  in: n => 'var a;' + R('a in ', n) + 'a',
  lt: n => 'var a;' + R('a<', n) + 'a',
  strictEq: n => 'var a;' + R('a!==', n) + 'a',
  plus: n => 'var a;' + R('a+', n) + 'a',
  member: n => 'var a;a' + R('.a', n),
  index: n => 'var a;a' + R('[0]', n),
  call: n => 'var a;a' + R('()', n),
  optional: n => 'var a;a' + R('?.a', n),
  tagged: n => 'var a;a' + R('``', n),
  spread: n => R('[...', n) + '[]' + R(']', n),
  paren: n => R('(', n) + '1' + R(')', n),
  callArgs: n => R('f(', n) + R(')', n),
  template: n => R('`${', n) + '1' + R('}`', n),
  objNest: n => R('({a:', n) + '1' + R('})', n),
  blockNest: n => R('{', n) + R('}', n),
  fnNest: n => R('function f(){', n) + R('}', n),
  classExtends: n => '(' + R('class extends ', n) + 'Object' + R('{}', n) + ')',
  defaultParam: n => R('(a=', n) + '1' + R(')=>1', n),
  destructure: n => 'var ' + R('[', n) + 'a' + R(']', n) + '=[]',
  notParen: n => R('!(', n) + '1' + R(')', n),
  newMember: n => R('new a.', n) + 'b',
};
// jsvm refuses these at depths V8 takes (sobek is quadratic or exponential
// in them; see engine.MaxBinaryChain, MaxArrowParamNesting)
const skip = { plus: [1e5], defaultParam: [500] };
const show = (e) => (e && typeof e === 'object' ? e.name : typeof e);
const entries = {
  Script: (src) => new vm.Script(src),
  runInNewContext: (src) => vm.runInNewContext('(function(){' + src + '\n})'),
  compileFunction: (src) => vm.compileFunction(src),
  'eval in context': (src) => vm.runInNewContext('eval(s)', { s: '(function(){' + src + '\n})' }),
  'caught in context': (src) => vm.runInNewContext('try { eval(s); "parsed" } catch (e) { e.name }', { s: '(function(){' + src + '\n})' }),
  'new Function': (src) => new Function(src),
  'context Function': (src) => vm.runInNewContext('Function')(src),
};
for (const [name, gen] of Object.entries(P)) {
  for (const n of [500, 1e5]) {
    if ((skip[name] || []).includes(n)) continue;
    const src = gen(n);
    const outs = [];
    for (const [entry, f] of Object.entries(entries)) {
      let o;
      try { const v = f(src); o = typeof v === 'string' ? v : 'ok'; } catch (e) { o = show(e); }
      outs.push(entry + '=' + o);
    }
    console.log(name, n, outs.join(' '));
  }
}
// ordinary code that looks deep to a careless scan
const ordinary = {
  'many ifs': R('if (a) { b() }\n', 3000),
  'many ifs without semicolons': R('if (a) b()\n', 3000),
  'else-less statements': R('x = a ? b : c\n', 5000),
  'labels in sequence': labels(3000, ';'),
  'sum of negatives': 'var a;' + R('-a + ', 3000) + '1',
  'object of many keys': '({' + R('a: 1, ', 20000) + '})',
  'chained calls': 'var a = {b() { return a }};' + R('a.b().', 3000) + 'b()',
  'many arrows': R('var f = (x) => x + 1;\n', 5000),
  'switch of many cases': 'switch (1) {' + R('case 1: a = b ? c : d; break;\n', 5000) + '}',
  'class members': 'class A {' + R('m() { return this.x ? 1 : 2 }\n', 3000) + '}',
  'regex with brackets': R('/[(]{2}\\(/.test(s);', 3000),
  'template text': '`' + R('((([[[{{{', 3000) + '`',
};
for (const [name, src] of Object.entries(ordinary)) {
  let o;
  try { new vm.Script(src); o = 'ok'; } catch (e) { o = show(e) + ': ' + e.message; }
  console.log('ordinary', name, o);
}
