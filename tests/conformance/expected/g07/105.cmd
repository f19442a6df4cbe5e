show 4ef80f42907a
