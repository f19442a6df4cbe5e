show zz@685695c76ab4
