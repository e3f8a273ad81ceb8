import chalk, { Chalk } from 'chalk';
const c = new Chalk({ level: 1 });
console.log(JSON.stringify(c.red.bold('hi')), JSON.stringify(c.bgBlue.white.underline('x')), JSON.stringify(new Chalk({ level: 3 }).hex('#ff8800')('o')));
console.log(typeof chalk.level);
