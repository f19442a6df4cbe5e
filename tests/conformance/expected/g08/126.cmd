show zz@844da65423a9
