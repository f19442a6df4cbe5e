stamp --sql abcd1111
