show 096d42f
