// jsonpath-plus, fuse.js and i18next: querying, fuzzy search, translation
const { JSONPath } = require('jsonpath-plus');
const Fuse = require('fuse.js');
const i18next = require('i18next');
const store = { book: [{ title: 'A', price: 8, tags: ['x'] }, { title: 'B', price: 12 }, { title: 'C', price: 5, tags: ['y', 'x'] }], bike: { price: 20 } };
console.log(JSONPath({ path: '$..price', json: store }));
console.log(JSONPath({ path: '$.book[?(@.price < 10)].title', json: store }));
console.log(JSONPath({ path: '$.book[-1:]', json: store, resultType: 'path' }));
const fuse = new Fuse([{ name: 'apple pie' }, { name: 'banana bread' }, { name: 'apple tart' }, { name: 'cherry' }], { keys: ['name'], includeScore: true, threshold: 0.4 });
console.log(fuse.search('aple').map((r) => [r.item.name, r.refIndex, r.score.toFixed(3)]));
(async () => {
  await i18next.init({ lng: 'en', fallbackLng: 'en', resources: { en: { translation: { hi: 'Hello {{name}}', item_one: '{{count}} item', item_other: '{{count}} items', nested: { k: 'deep $t(hi)' } } }, de: { translation: { hi: 'Hallo {{name}}' } } } });
  console.log(i18next.t('hi', { name: 'Ann' }), i18next.t('item', { count: 1 }), i18next.t('item', { count: 3 }), i18next.t('nested.k', { name: 'x' }), i18next.t('missing.key'));
  await i18next.changeLanguage('de');
  console.log(i18next.t('hi', { name: 'Bo' }), i18next.t('item', { count: 2 }));
})();
