revision --sql -m "next step"
