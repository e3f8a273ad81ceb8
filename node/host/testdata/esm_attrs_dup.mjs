import j from './attrs/x.json' with { type: 'json', type: 'json' };
console.log(j);
