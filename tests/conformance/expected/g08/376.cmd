merge -m "join" 6018f658f7a7 844da65423a9
