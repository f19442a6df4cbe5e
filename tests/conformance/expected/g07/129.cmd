show f
