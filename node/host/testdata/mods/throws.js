throw new Error("from throws");
