// pug: compile templates with mixins, loops, filters-less features
const pug = require('pug');
const tpl = `
mixin item(name, price)
  li.item= name + ': ' + price
doctype html
html
  head
    title= title
  body
    h1#main(class=cls) Hello #{user.name}!
    if items.length
      ul
        each it in items
          +item(it.n, it.p)
    else
      p none
    p.
      Some #[strong text] here.
`;
const fn = pug.compile(tpl, { pretty: true });
console.log(fn({ title: 'T', cls: 'big', user: { name: '<Bob>' }, items: [{ n: 'a', p: 1 }, { n: 'b', p: 2 }] }));
console.log(pug.render('p= 1 + 2'));
try { pug.render('p(\n'); } catch (e) { console.log('error', e.code); }
