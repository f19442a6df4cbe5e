show cf
