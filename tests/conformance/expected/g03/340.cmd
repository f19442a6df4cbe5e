history -r :685695c76ab4-2
