process.stdout.write('before\n');
throw 42;
