// fake: exit 3
