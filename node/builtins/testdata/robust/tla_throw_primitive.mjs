await null; throw 42
