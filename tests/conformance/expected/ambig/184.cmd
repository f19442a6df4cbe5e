stamp --sql abcd1111:f00dbeef0003
