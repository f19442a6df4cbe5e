show 795b9a9a80fd
