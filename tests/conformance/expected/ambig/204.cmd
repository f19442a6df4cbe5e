stamp --sql abcd1111:abcd2222 abcd1111:abcd2222
