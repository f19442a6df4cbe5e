show delta@92b87eb72f82
