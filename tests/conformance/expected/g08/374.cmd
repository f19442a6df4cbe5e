merge -m "join" 6018f658f7a7 a9b71d1d784f
