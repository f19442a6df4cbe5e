stamp --sql 9be449b64a08
