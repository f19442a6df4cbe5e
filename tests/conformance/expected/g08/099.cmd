show e941e6edaf80
