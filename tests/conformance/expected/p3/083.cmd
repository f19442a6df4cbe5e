show eeee
