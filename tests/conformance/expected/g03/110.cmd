show 3b5f268ecc45
