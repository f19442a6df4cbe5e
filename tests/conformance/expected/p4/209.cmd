stamp --sql n1000001
