setTimeout(() => {
  undefinedFunction();
}, 1);
