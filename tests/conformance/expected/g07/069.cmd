history -r :4ef892276658+1
