await null; process.exit(3)
