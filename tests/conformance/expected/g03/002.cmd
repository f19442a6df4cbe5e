heads --resolve-dependencies
