/*
 * main.c - the alembic executable: hands argv to the CLI layer.
 */
#include "cli/cli.h"

int main(int argc, char **argv)
{
	return cli_main(argc, argv);
}
