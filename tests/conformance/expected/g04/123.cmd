show 738d6e58d5ca
