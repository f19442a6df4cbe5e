show 015cdf1461aa
