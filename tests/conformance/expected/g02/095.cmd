show cdbd64be8049
