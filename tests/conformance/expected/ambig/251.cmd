stamp --sql head:abcd2222
