stamp --sql ac
