show 960d9a656aaf
