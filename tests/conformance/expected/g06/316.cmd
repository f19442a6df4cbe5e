stamp --sql e1
