show b31a71f970cf
