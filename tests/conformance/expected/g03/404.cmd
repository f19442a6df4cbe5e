revision --autogenerate --sql -m "next step"
