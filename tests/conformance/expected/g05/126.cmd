show b52aad8d194a
