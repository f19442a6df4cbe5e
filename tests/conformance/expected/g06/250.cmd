stamp --sql head:b31a71f970cf
