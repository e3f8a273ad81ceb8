// nunjucks: templates, filters, inheritance via an in-memory loader, async render
const nunjucks = require('nunjucks');
const Loader = nunjucks.Loader.extend({
  getSource(name) {
    const src = { 'base.njk': '<h1>{% block title %}base{% endblock %}</h1>{% block body %}{% endblock %}', 'page.njk': '{% extends "base.njk" %}{% block title %}{{ t | upper }}{% endblock %}{% block body %}{% for i in items %}[{{ loop.index }}:{{ i }}]{% endfor %}{% endblock %}' }[name];
    return src && { src, path: name, noCache: true };
  },
});
const env = new nunjucks.Environment(new Loader(), { autoescape: true });
env.addFilter('twice', (s) => s + s);
console.log(env.render('page.njk', { t: 'hey', items: ['a', 'b'] }));
console.log(env.renderString('{{ x | twice }} {{ "<b>" }} {{ 3 | round }} {{ [3,1,2] | sort | join(",") }}', { x: 'ab' }));
env.renderString('{{ a.b.c }}', {}, (err, res) => console.log('cb', err, JSON.stringify(res)));
try { env.renderString('{% if %}', {}); } catch (e) { console.log('error', e.name); }
