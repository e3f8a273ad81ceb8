// bcryptjs: salts from crypto.randomBytes; known hashes verify
const bcrypt = require('bcryptjs');
const salt = bcrypt.genSaltSync(4);
const h = bcrypt.hashSync('pässwörd', salt);
console.log(salt.slice(0, 7), h.length, bcrypt.compareSync('pässwörd', h), bcrypt.compareSync('nope', h));
console.log(bcrypt.hashSync('abc', '$2a$04$abcdefghijklmnopqrstuu'));
console.log(bcrypt.compareSync('U*U', '$2a$05$CCCCCCCCCCCCCCCCCCCCC.E5YPO9kmyuRGyh0XouQYb4YMJKvyOeW'));
console.log(bcrypt.getRounds(h), bcrypt.getSalt(h).length);
bcrypt.hash('async', 4, (err, hash) => {
  console.log('async', err, hash.length);
  bcrypt.compare('async', hash).then((ok) => console.log('compare promise', ok));
});
