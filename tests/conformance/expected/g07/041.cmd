history --rev-range=-1:
