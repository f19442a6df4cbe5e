/*
 * model_int.h - what python.c shares with decide.c inside src/model.
 */
#ifndef MODEL_MODEL_INT_H
#define MODEL_MODEL_INT_H

#include "model/model.h"

/*
 * Runs the helper with o's interpreter in the directory of o->ini_path:
 * input NULL is the model run (stdin /dev/null); else the --decide run,
 * input[0..n_input) on its stdin.  *text is its stdout (arena).  Errors as
 * model_load_python's (ERR_INPUT at the user's file:line for an exception
 * of the project's code, ERR_COMMAND for the interpreter).
 */
int model_run_helper(struct arena *a, const struct model_py_opts *o, const char *input,
		     size_t n_input, const char **text, struct err *e);

#endif
