history -r 3b5f268ecc45:3b5f268ecc45
