throw new Error('mod throws');
