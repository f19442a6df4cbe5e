# Makefile - one non-recursive GNU Makefile for the alembic executable.
#
#   make                  build ./build/alembic (and ./alembic, a copy)
#   make test             build and run every test tier (see tests/run)
#   make SANITIZE=1       ASan + UBSan build into build-asan/
#   make DEVELOPER=1      warnings are errors (-Werror): for developers and CI (also when
#                         the environment has CI set); a user's plain `make` on a newer
#                         compiler only warns
#   make B=build-foo      build into another directory (parallel work trees)
#   make FUZZ=1 CC=clang B=build-fuzz fuzzers   libFuzzer targets (fuzz/run.sh runs them)
#   make install PREFIX=/usr/local   binary and man page
#
# Dependencies come only from pkg-config: sqlite3, libpq.

CC       ?= cc
PKGS     := sqlite3 libpq
PREFIX   ?= /usr/local
SANITIZE ?=
B        ?= $(if $(SANITIZE),build-asan,build)

DEVELOPER ?= $(if $(CI),1,)
WARN := -Wall -Wextra -Wmissing-prototypes -Wstrict-prototypes -Wvla \
        -Wwrite-strings -Wshadow -Wformat=2 -Wno-format-nonliteral
ifneq ($(DEVELOPER),)
WARN += -Werror
endif
CPPFLAGS += -Isrc -D_DEFAULT_SOURCE -D_POSIX_C_SOURCE=200809L -include src/base/compat.h \
            $(shell pkg-config --cflags $(PKGS)) -MMD -MP
CFLAGS   ?= -O2 -g
CFLAGS   += -std=c11 $(WARN)
LDLIBS   += $(shell pkg-config --libs $(PKGS)) -lm
ifneq ($(FUZZ),)
CFLAGS  += -O1 -fsanitize=fuzzer-no-link,address,undefined -fno-omit-frame-pointer
endif
ifneq ($(SANITIZE),)
CFLAGS  += -O1 -fsanitize=address,undefined -fno-sanitize-recover=all -fno-omit-frame-pointer
LDFLAGS += -fsanitize=address,undefined
endif

LIB_SRC  := $(sort $(wildcard src/base/*.c src/config/*.c src/script/*.c src/core/*.c \
                              src/run/*.c src/db/*.c src/cli/*.c src/py/*.c \
                              src/schema/*.c src/sql/*.c src/autogen/*.c src/model/*.c))
LIB_OBJ  := $(LIB_SRC:%.c=$(B)/%.o)
MAIN_OBJ := $(B)/src/main.o
UNIT_SRC := $(sort $(wildcard tests/unit/t_*.c))
UNIT_BIN := $(UNIT_SRC:tests/unit/%.c=$(B)/tests/%)
FUZZ_SRC := $(sort $(wildcard fuzz/fuzz_*.c))
FUZZ_BIN := $(FUZZ_SRC:fuzz/%.c=$(B)/fuzz/%)

all: $(B)/alembic
ifeq ($(B),build)
all: alembic
alembic: $(B)/alembic
	cp $< $@
endif

$(B)/alembic: $(MAIN_OBJ) $(B)/libalembic.a
	$(CC) $(LDFLAGS) -o $@ $^ $(LDLIBS)

$(B)/libalembic.a: $(LIB_OBJ)
	rm -f $@
	ar rcs $@ $^

$(B)/%.o: %.c
	@mkdir -p $(dir $@)
	$(CC) $(CPPFLAGS) $(CFLAGS) -c -o $@ $<

$(B)/tests/%: $(B)/tests/unit/%.o $(B)/libalembic.a
	@mkdir -p $(dir $@)
	$(CC) $(LDFLAGS) -o $@ $^ $(LDLIBS)

units: $(UNIT_BIN) $(B)/pycover

# libFuzzer targets: make FUZZ=1 CC=clang B=build-fuzz fuzzers  (run by fuzz/run.sh)
$(B)/fuzz/%: $(B)/fuzz/%.o $(B)/libalembic.a
	$(CC) -fsanitize=fuzzer,address,undefined -o $@ $^ $(LDLIBS)

fuzzers: $(FUZZ_BIN)

# tools/pycover: coverage of real-world revision files (bench/README.md); never
# installed.  Its stages follow what libalembic.a defines (py front end, bind,
# DDL compiler), so it builds on main and on any merge of the branches.
PYCOVER_STAGES := py_parse_module=PARSE py_eval_function=EVAL py_bind_body=BIND \
                  sql_compile_body=DDL insp_new=INSPECT sql_dialect_description=DDESC
$(B)/pycover: tools/pycover.c $(B)/libalembic.a
	defs=$$(nm -g --defined-only $(B)/libalembic.a 2>/dev/null | awk -v s="$(PYCOVER_STAGES)" \
	  'BEGIN { n = split(s, p, " "); for (i = 1; i <= n; i++) { split(p[i], kv, "="); m[kv[1]] = kv[2] } } \
	   ($$NF in m) && !seen[$$NF]++ { printf " -DPYCOVER_HAVE_%s", m[$$NF] }'); \
	$(CC) $(CPPFLAGS) $(CFLAGS) $$defs $(LDFLAGS) -o $@ tools/pycover.c $(B)/libalembic.a $(LDLIBS) -lm

pycover: $(B)/pycover

test: all units
	B=$(B) tests/run

install: $(B)/alembic
	install -d $(DESTDIR)$(PREFIX)/bin $(DESTDIR)$(PREFIX)/share/man/man1
	install -m 755 $(B)/alembic $(DESTDIR)$(PREFIX)/bin/alembic
	install -m 644 doc/alembic.1 $(DESTDIR)$(PREFIX)/share/man/man1/alembic.1

clean:
	rm -rf build build-* alembic

.PHONY: all units fuzzers pycover test install clean
.SECONDARY:

-include $(LIB_OBJ:.o=.d) $(MAIN_OBJ:.o=.d) $(B)/pycover.d $(UNIT_SRC:tests/unit/%.c=$(B)/tests/unit/%.d) \
         $(FUZZ_SRC:fuzz/%.c=$(B)/fuzz/%.d)
