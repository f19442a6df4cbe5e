stamp --sql abcd1111:abcd2222
