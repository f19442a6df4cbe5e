show f9
