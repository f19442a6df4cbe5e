heads --resolve-dependencies -v
