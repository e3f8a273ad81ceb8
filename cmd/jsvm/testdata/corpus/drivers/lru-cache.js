const { LRUCache } = require('lru-cache');
const c = new LRUCache({ max: 2 });
c.set('a', 1); c.set('b', 2); c.get('a'); c.set('c', 3);
console.log([...c.keys()], c.has('b'), c.size);
