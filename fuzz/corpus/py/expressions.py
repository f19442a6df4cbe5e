f(a, *b, c=1, **d)
x.y[1:2, ::3]
[i for i in r if i for j in s]
{k: v for k, v in d}
{1, 2}
{**a, "b": 1}
not a or b and c
a if b else c
lambda x, y=1: x
-x ** 2
a < b <= c != d in e not in f is g is not h
