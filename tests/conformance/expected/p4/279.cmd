stamp --sql head:n1000003
