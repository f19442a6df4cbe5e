show ext@cdbd64be8049
