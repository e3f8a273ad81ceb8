process.on('warning', (w) => process.stdout.write('warning event ' + w.name + ' ' + w.message + '\n'));
process.emitWarning('hello');
process.emitWarning('old', 'DeprecationWarning', 'DEP0999');
process.stdout.write('sync end\n');
