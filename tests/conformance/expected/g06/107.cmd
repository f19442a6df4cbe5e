show 096d
