# Makefile - one non-recursive GNU Makefile for the alembic executable.
#
#   make                  build ./build/alembic (and ./alembic, a copy)
#   make test             build and run every test tier (see tests/run)
#   make SANITIZE=1       ASan + UBSan build into build-asan/
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

WARN := -Wall -Wextra -Werror -Wmissing-prototypes -Wstrict-prototypes -Wvla \
        -Wwrite-strings -Wshadow -Wformat=2 -Wno-format-nonliteral
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
                              src/schema/*.c src/sql/*.c))
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

units: $(UNIT_BIN)

# libFuzzer targets: make FUZZ=1 CC=clang B=build-fuzz fuzzers  (run by fuzz/run.sh)
$(B)/fuzz/%: $(B)/fuzz/%.o $(B)/libalembic.a
	$(CC) -fsanitize=fuzzer,address,undefined -o $@ $^ $(LDLIBS)

fuzzers: $(FUZZ_BIN)

test: all units
	B=$(B) tests/run

install: $(B)/alembic
	install -d $(DESTDIR)$(PREFIX)/bin $(DESTDIR)$(PREFIX)/share/man/man1
	install -m 755 $(B)/alembic $(DESTDIR)$(PREFIX)/bin/alembic
	install -m 644 doc/alembic.1 $(DESTDIR)$(PREFIX)/share/man/man1/alembic.1

clean:
	rm -rf build build-* alembic

.PHONY: all units fuzzers test install clean
.SECONDARY:

-include $(LIB_OBJ:.o=.d) $(MAIN_OBJ:.o=.d) $(UNIT_SRC:tests/unit/%.c=$(B)/tests/unit/%.d) \
         $(FUZZ_SRC:fuzz/%.c=$(B)/fuzz/%.d)
