exports.named = 'N';
