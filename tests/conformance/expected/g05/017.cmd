history -r 5af84f596727:b52aad8d194a
