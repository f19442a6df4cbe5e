history -r :cdbd64be8049
