console.log(require('minimist')(['-x', '3', '-y', '--name=bob', '--no-color', 'rest', '--', '-z'], { boolean: ['y'] }));
