show 795b
