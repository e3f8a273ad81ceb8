import a from './attrs/x.json' assert {type:'json'};
import * as b from './attrs/m.mjs' assert {};
import c from './attrs/c.cjs' assert {};
import d from './attrs/x.json' assert {type:'json'};
console.log('done', typeof b);
