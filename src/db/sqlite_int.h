/*
 * sqlite_int.h - what the SQLite driver (sqlite.c) shares with its
 * introspection (introspect_sqlite.c).
 */
#ifndef DB_SQLITE_INT_H
#define DB_SQLITE_INT_H

#include "db/db.h"
#include "schema/schema.h"

/* Runs a query; the first ncols columns of every row appended to cells
 * row by row (SQL NULL as a NULL pointer). */
int db_sqlite_rows(struct db *db, struct arena *a, const char *sql, size_t ncols,
		   struct strvec *cells, struct err *e);

/* db_ops.read_table for SQLite (introspect_sqlite.c). */
int db_sqlite_read_table(struct db *db, struct arena *a, const char *schema, const char *table,
			 struct sch_table **out, struct err *e);

#endif
