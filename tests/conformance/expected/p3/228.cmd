stamp --sql e
