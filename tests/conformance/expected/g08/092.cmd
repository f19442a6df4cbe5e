show cfaf3f584ad4
