stamp --sql 3b5f268ecc45
