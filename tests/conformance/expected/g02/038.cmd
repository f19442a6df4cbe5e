history -r :4
