stamp --sql 844da65423a9:base
