stamp --sql head:1607b0f91306
