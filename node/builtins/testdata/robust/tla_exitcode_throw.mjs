await null; process.exitCode = 5; throw new Error('y')
