show 05b607d4bedc
