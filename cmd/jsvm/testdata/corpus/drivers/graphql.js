// graphql: schema from SDL, execution with resolvers, validation errors
const { graphql, buildSchema, parse, print, validate } = require('graphql');
const schema = buildSchema('type Query { hello(name: String): String, list: [Int!]!, user(id: ID!): User } type User { id: ID!, name: String, friends: [User] }');
const users = { 1: { id: '1', name: 'Ann', friends: ['2'] }, 2: { id: '2', name: 'Bo', friends: [] } };
const rootValue = {
  hello: ({ name }) => `Hello ${name || 'world'}`,
  list: () => [1, 2, 3],
  user: ({ id }) => users[id] && { ...users[id], friends: () => users[id].friends.map((f) => users[f]) },
};
(async () => {
  console.log(JSON.stringify(await graphql({ schema, source: '{ hello(name: "gq") list user(id: 1) { name friends { name } } }', rootValue })));
  console.log(JSON.stringify(await graphql({ schema, source: '{ nope }', rootValue })));
  console.log(print(parse('query Q($a:Int){x(a:$a){y}}')));
  console.log(validate(schema, parse('{ user { name } }')).map((e) => e.message));
  try { parse('{ unclosed'); } catch (e) { console.log(e.name, e.message); }
})();
