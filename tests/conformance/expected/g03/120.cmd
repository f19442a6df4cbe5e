show 092f18f2c41c
