// fake: exit 1
