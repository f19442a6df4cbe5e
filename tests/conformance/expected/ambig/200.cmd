stamp --sql abcd1111:f00dbeef0003 abcd1111:f00dbeef0003
