// knex: the query builder compiles SQL for several dialects without a database
const knex = require('knex');
for (const client of ['pg', 'mysql', 'sqlite3', 'mssql']) {
  const k = knex({ client, useNullAsDefault: true });
  console.log(client, k('users').where({ id: 1 }).andWhere('age', '>', 18).select('name', 'email').orderBy('name').limit(10).toString());
  console.log(client, k('users').insert({ name: "o'brien", tags: 'a' }).returning('id').toString());
  console.log(client, k.schema.createTable('t', (t) => { t.increments(); t.string('name', 100).notNullable(); t.timestamps(); }).toString());
  console.log(client, k('a').join('b', 'a.id', 'b.a_id').whereIn('a.x', [1, 2, 3]).groupBy('a.y').count('* as n').toSQL().sql);
}
