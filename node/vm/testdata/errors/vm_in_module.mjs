import vm from 'node:vm';
// a vm error leaving a run inside an ES module
vm.runInNewContext('let a = 1;\nnull.x', {}, 'in-module.vm');
