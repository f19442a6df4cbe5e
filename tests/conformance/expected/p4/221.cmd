stamp --sql a1000004:base
