import j from './attrs/x.json' with { type: 'json' };
import j2 from './attrs/x.json' assert { type: 'json' };
import * as ns from './attrs/x.json' with { type: 'json' };
export { default as d } from './attrs/x.json' with { type: 'json' };
import c from './attrs/c.cjs';
import { q } from './attrs/c.cjs';
console.log(JSON.stringify(j), j === j2, Object.keys(ns).join(), ns.default === j, JSON.stringify(c), q);
const s = "import z from './attrs/nope' with {type:'x'}"; // import y from './attrs/nope2' with { type: 'y' }
console.log(s, `${ "import" } from 'q' with {}`, /import a from 'b' with {c:'d'}/.source);
