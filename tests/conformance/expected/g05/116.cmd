show f5ca3729c619
