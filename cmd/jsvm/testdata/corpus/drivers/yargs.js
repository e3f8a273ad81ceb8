const yargs = require('yargs/yargs');
const argv = yargs(['--name', 'bob', '-v', '-v', 'cmd', '--num=4']).count('v').number('num').parse();
delete argv.$0; // yargs takes $0 from argv[1] only when argv[0] ends in "node"
console.log(JSON.stringify(argv));
