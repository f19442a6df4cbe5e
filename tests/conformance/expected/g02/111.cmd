show cf18
