show cfaf
