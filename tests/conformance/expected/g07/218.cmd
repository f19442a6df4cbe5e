stamp --sql 4ef892276658
