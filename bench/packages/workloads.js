// Real-package workloads, run the same way by node, jsvm and bare sobek
// (baresobek/, a Go harness with a minimal require): prints
// "name ms ms <result> cpu_ms" per workload (wall clock, then the
// process's CPU time, which a busy machine distorts less). Packages come from package.json, installed by
// run.sh into a temp dir (never committed); NODE_MODULES names it.
// Usage: <engine> workloads.js [name...]
'use strict';
const dir = (typeof process !== 'undefined' && process.env.NODE_MODULES) || globalThis.NODE_MODULES;
const read = typeof readFile === 'function' ? readFile : (p) => require('fs').readFileSync(p, 'utf8');
const req = (name) => require(dir + '/' + name);
const now = () => Date.now();
const cpu = () => { const u = process.cpuUsage(); return (u.user + u.system) / 1000; };

const workloads = {
  handlebars() {
    const Handlebars = req('handlebars');
    const tpl = '<ul>{{#each items}}<li class="{{cls}}">{{name}}: {{#if done}}done{{else}}open{{/if}}</li>{{/each}}</ul>{{title}}';
    const data = { title: 'T', items: Array.from({ length: 20 }, (_, i) => ({ name: 'item ' + i, cls: 'c' + (i % 3), done: i % 2 === 0 })) };
    let out = '';
    for (let i = 0; i < 1000; i++) out = Handlebars.compile(tpl)(data);
    return out.length;
  },
  ajv() {
    const Ajv = req('ajv');
    let ok = 0;
    for (let i = 0; i < 50; i++) {
      const ajv = new Ajv();
      const validate = ajv.compile({
        type: 'object',
        properties: {
          id: { type: 'integer', minimum: 0 }, name: { type: 'string', maxLength: 100 },
          tags: { type: 'array', items: { type: 'string' }, uniqueItems: true },
          nested: { type: 'object', properties: { a: { type: 'number' }, b: { enum: ['x', 'y'] } }, required: ['a'] },
        },
        required: ['id', 'name'], additionalProperties: false,
      });
      if (validate({ id: i, name: 'n', tags: ['a', 'b'], nested: { a: 1, b: 'x' } })) ok++;
    }
    return ok;
  },
  acorn() {
    const acorn = req('acorn');
    const src = read(dir + '/acorn/dist/acorn.js'); // 238 KB
    let n = 0;
    for (let i = 0; i < 3; i++) n += acorn.parse(src, { ecmaVersion: 2020 }).body.length;
    return n;
  },
  marked() {
    const { marked } = req('marked');
    const md = Array.from({ length: 40 }, (_, i) => `## Section ${i}\n\nSome *emphasis*, **strong**, \`code\` and a [link](http://x/${i}).\n\n- one\n- two\n\n\`\`\`js\nconst x = ${i};\n\`\`\`\n`).join('\n');
    let len = 0;
    for (let i = 0; i < 200; i++) len = marked.parse(md).length;
    return len;
  },
  typescript() {
    const ts = req('typescript');
    return typeof ts.createProgram;
  },
};

const names = (typeof process !== 'undefined' && process.argv.slice(2).filter((a) => workloads[a])) || [];
for (const name of names.length ? names : Object.keys(workloads)) {
  const s = now(), c = cpu();
  const r = workloads[name]();
  console.log(name, now() - s, 'ms', String(r), Math.round(cpu() - c));
}
