SELECT $$ a; $$, $x$ b $x$, E'\'', 'it''s', "q;";
/* a /* b */ */ -- c
SELECT 2