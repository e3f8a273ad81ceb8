await null;
throw new Error('inner');
