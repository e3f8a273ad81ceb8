const mime = require('mime-types');
console.log(mime.lookup('x.json'), mime.lookup('a/b.png'), mime.contentType('html'), mime.extension('text/css'));
