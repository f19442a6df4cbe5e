stamp --sql cdbd64be8049
