/*
 * postgres_int.h - what the PostgreSQL driver (postgres.c) shares with its
 * introspection (introspect_pg.c).
 */
#ifndef DB_POSTGRES_INT_H
#define DB_POSTGRES_INT_H

#include "db/db.h"

/* Runs a query; the first ncols columns of every row appended to cells
 * row by row (SQL NULL as a NULL pointer), copied into a.  Fails with
 * ERR_DB when the result has fewer than ncols columns. */
int db_pg_rows(struct db *db, struct arena *a, const char *sql, size_t ncols, struct strvec *cells,
	       struct err *e);

#endif
