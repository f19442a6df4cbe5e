history -r 92b87eb72f82:92b87eb72f82
