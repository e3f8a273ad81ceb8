// eta templates: interpolation, loops, raw output, escaping, errors
const { Eta } = require('eta');
(async () => {
  const eta = new Eta({ views: '/nonexistent', autoEscape: true });
  console.log(eta.renderString('Hi <%= it.name %>! <% it.items.forEach(function(i){ %>[<%= i %>]<% }) %> <%~ it.raw %>', { name: '<x>', items: [1, 2], raw: '<b>r</b>' }));
  try { eta.renderString('<% if ( %>', {}); } catch (e) { console.log('eta error', e.name); }
})();
