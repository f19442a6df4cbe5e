stamp --sql 92b87eb72f82
