show 096d425
