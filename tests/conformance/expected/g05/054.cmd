history -r 87b0ec1d7da0:+2
