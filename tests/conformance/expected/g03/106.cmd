show 781fd6645fa9
