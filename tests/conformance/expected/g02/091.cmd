show cf18bc688778
