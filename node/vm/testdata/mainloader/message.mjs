export const message = 'hi';
