stamp --sql n1000003:base
