show 2e44ae97ba94
