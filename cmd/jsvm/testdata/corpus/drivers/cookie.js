const cookie = require('cookie');
console.log(cookie.parse('a=1; b=hello%20world; c="q"'), cookie.serialize('n', 'v w', { httpOnly: true, maxAge: 60, path: '/' }));
