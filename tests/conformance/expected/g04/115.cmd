show 634fabf4a07c
